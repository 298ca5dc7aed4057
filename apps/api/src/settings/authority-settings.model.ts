import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AuthoritySettings', {
  description: "The authority's own settings: its name and addresses for letters, its nation and its sector.",
})
export class AuthoritySettingsModel {
  @Field({ description: "The authority's name, as letters sign it." })
  name: string;

  @Field({ description: 'The team that answers requests.' })
  team: string;

  @Field()
  email: string;

  @Field({ description: 'Postal address for reviews.' })
  address: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The controller's nation (england-and-wales, scotland or northern-ireland): a subject access request's deadline moves past this nation's bank holidays only. Null: past any UK nation's (the latest date). FOI, EIR, FOISA and EISR are fixed by statute whatever it is.",
  })
  nation: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'central-government (Schedule 1 Part I of the Fees Regulations 2004) or other-public-authority: decides the s.12 appropriate limit. Null until set.',
  })
  sector: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The s.12 appropriate limit in pounds: 600 for central government, 450 otherwise.',
  })
  appropriateLimit: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The appropriate limit in hours of staff time at £25 an hour: 24 or 18.',
  })
  appropriateLimitHours: number | null;

  @Field({
    description:
      'How day 0 of a working-day deadline is found (server setting RECORDFLOW_RECEIPT_RULE): ico (the date of receipt, even a non-working day) or code-of-practice (the next working day after a non-working day of receipt). Never applies to a subject access request.',
  })
  receiptRule: string;
}

@InputType('AuthoritySettingsInput')
export class AuthoritySettingsInput {
  @Field({ description: "The authority's name, as letters sign it." })
  name: string;

  @Field({ description: 'The team that answers requests.' })
  team: string;

  @Field()
  email: string;

  @Field({ description: 'Postal address for reviews.' })
  address: string;

  @Field(() => String, {
    nullable: true,
    description:
      "england-and-wales, scotland or northern-ireland; null to unset; left out to keep. A change recomputes the open cases' deadlines.",
  })
  nation?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'central-government or other-public-authority; null to unset; left out to keep.',
  })
  sector?: string | null;
}

@ObjectType({ description: 'The settings saved, and the open cases whose deadlines moved because of them.' })
export class SaveAuthoritySettingsResult {
  @Field(() => AuthoritySettingsModel)
  settings: AuthoritySettingsModel;

  @Field(() => Int, {
    description:
      "Open cases whose deadlines changed (a nation change; each is an event in the case's history).",
  })
  casesRecomputed: number;
}

@ObjectType('Sector', { description: 'A kind of authority, for the s.12 appropriate limit.' })
export class SectorModel {
  @Field()
  sector: string;

  @Field()
  label: string;

  @Field(() => Int, { description: 'The appropriate limit in pounds.' })
  appropriateLimit: number;

  @Field(() => Int, { description: 'The appropriate limit in hours of staff time.' })
  appropriateLimitHours: number;
}

@ObjectType('Nation', { description: 'A UK nation with its own bank holidays.' })
export class NationModel {
  @Field({ description: 'england-and-wales, scotland, northern-ireland' })
  nation: string;

  @Field({ description: 'e.g. "England and Wales"' })
  name: string;
}
