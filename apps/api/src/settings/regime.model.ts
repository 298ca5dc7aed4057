import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Regime', { description: 'A statutory regime Recordflow counts deadlines for.' })
export class RegimeModel {
  @Field({ description: 'foi, eir, foisa, eisr, sar …: the name workflows and cases use.' })
  regime: string;

  @Field({ description: 'e.g. "Freedom of Information Act 2000, s.10"' })
  law: string;

  @Field({ description: 'working days or calendar months' })
  unit: string;

  @Field(() => Int, { description: 'The usual time limit, in the unit.' })
  defaultLimit: number;

  @Field({ description: 'Information Commissioner or Scottish Information Commissioner' })
  regulator: string;

  @Field({ description: "True when the controller's own nation decides the holidays (subject access)." })
  byControllerNation: boolean;

  @Field({ description: 'Which days are not working days.' })
  scope: string;
}
