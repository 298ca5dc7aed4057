import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum DatabaseMode {
  EMBEDDED = 'embedded',
  SERVER = 'server',
}
registerEnumType(DatabaseMode, {
  name: 'DatabaseMode',
  description: 'Whether Recordflow runs its own embedded PostgreSQL or uses a server named by DATABASE_URL.',
});

@ObjectType({ description: 'What this Recordflow server is.' })
export class About {
  @Field()
  name: string;

  @Field()
  version: string;

  @Field(() => DatabaseMode)
  database: DatabaseMode;

  @Field({ description: 'True when the demo users and cases are loaded.' })
  demo: boolean;
}
