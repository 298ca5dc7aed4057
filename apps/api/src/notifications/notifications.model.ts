import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('Notification', {
  description: 'A notice to the signed-in user: an assignment, a deadline, a digest, a task.',
})
export class NotificationModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'assignment, due-soon, overdue, digest, team-digest or task.' })
  kind: string;

  @Field(() => ID, { nullable: true, description: 'The case it is about (none for a digest).' })
  caseId: string | null;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field({ description: 'True when it was also sent by e-mail.' })
  emailed: boolean;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType('NotificationPreference', { description: 'How the signed-in user wants one kind of notice.' })
export class NotificationPreferenceModel {
  @Field({ description: 'assignment, due-soon, overdue, digest, team-digest or task.' })
  kind: string;

  @Field()
  email: boolean;

  @Field({ description: 'Shown in the web app (Notifications).' })
  inApp: boolean;
}

@InputType()
export class NotificationPreferenceInput {
  @Field({ description: 'assignment, due-soon, overdue, digest, team-digest or task.' })
  kind: string;

  @Field()
  email: boolean;

  @Field()
  inApp: boolean;
}
