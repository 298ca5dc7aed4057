import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { TeamModel } from '../people/people.model';

@ObjectType('WorkflowAccess', {
  description:
    "Who sees a workflow's cases: everyone with a case role, or (restricted) administrators and its teams, administrators alone while it has none.",
})
export class WorkflowAccessModel {
  @Field(() => ID)
  workflowId: string;

  @Field()
  restricted: boolean;

  @Field(() => [TeamModel], { description: 'The teams whose members see its cases when it is restricted.' })
  teams: TeamModel[];
}

@InputType()
export class SetWorkflowAccessInput {
  @Field(() => ID)
  workflowId: string;

  @Field({ description: 'True: only administrators and members of teamIds see (or register) its cases.' })
  restricted: boolean;

  @Field(() => [ID])
  teamIds: string[];
}

@ObjectType('PersonalDataRead', {
  description: 'One read of the personal data of a restricted case: who, when, which case, which data.',
})
export class PersonalDataReadModel {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field(() => ID)
  actorId: string;

  @Field({ description: 'The reader as "Name <e-mail>".' })
  actorLabel: string;

  @Field(() => ID)
  caseId: string;

  @Field()
  caseReference: string;

  @Field({
    description:
      "requester (the requester's name, e-mail and address), letter (a letter addressed to them) or document (a case file).",
  })
  fieldGroup: string;
}
