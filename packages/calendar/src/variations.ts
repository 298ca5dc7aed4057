import type { Regime } from './regimes';

/**
 * Lawful variations of the statutory time limits, which a workflow must declare to use:
 * FOI (Time for Compliance with Request) Regulations 2004 (SI 2004/3364, as amended) and FOISA s.21(2).
 */
export type ComplianceVariation =
  | 'maintained-school'
  | 'transferred-public-records'
  | 'armed-forces'
  | 'information-held-abroad'
  | 'keeper-of-the-records';

export interface ComplianceVariationDescription {
  variation: ComplianceVariation;
  regime: Regime;
  law: string;
  /** The longest response limit the variation allows, in working days (the regime's own limit is the shortest). */
  responseWorkingDays?: number;
  /** The longest internal-review limit the variation allows, in working days. */
  reviewWorkingDays?: number;
  description: string;
}

const DESCRIPTIONS: Record<ComplianceVariation, ComplianceVariationDescription> = {
  'maintained-school': {
    variation: 'maintained-school',
    regime: 'foi',
    law: 'SI 2004/3364 reg 3 (as amended)',
    responseWorkingDays: 60,
    description:
      'maintained schools and academies: the 20th working day ignoring non-school days, or the 60th working day, whichever is first',
  },
  'transferred-public-records': {
    variation: 'transferred-public-records',
    regime: 'foi',
    law: 'SI 2004/3364 reg 4',
    responseWorkingDays: 30,
    description: 'transferred public records held by an archive: 30 working days',
  },
  'armed-forces': {
    variation: 'armed-forces',
    regime: 'foi',
    law: 'SI 2004/3364 reg 5',
    responseWorkingDays: 60,
    description:
      'information held by or about the armed forces on operations: up to 60 working days, as the Information Commissioner specifies',
  },
  'information-held-abroad': {
    variation: 'information-held-abroad',
    regime: 'foi',
    law: 'SI 2004/3364 reg 6',
    responseWorkingDays: 60,
    description:
      'information that may be held outside the UK: up to 60 working days, as the Information Commissioner specifies',
  },
  'keeper-of-the-records': {
    variation: 'keeper-of-the-records',
    regime: 'foisa',
    law: 'FOISA 2002 s.21(2)',
    reviewWorkingDays: 30,
    description: 'the Keeper of the Records of Scotland: 30 working days for a review',
  },
};

export const COMPLIANCE_VARIATIONS = Object.keys(DESCRIPTIONS) as ComplianceVariation[];

export function describeComplianceVariation(variation: ComplianceVariation): ComplianceVariationDescription {
  return DESCRIPTIONS[variation];
}
