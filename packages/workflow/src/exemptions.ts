import type { Regime } from '@recordflow/calendar';

export interface Exemption {
  code: string;
  title: string;
}

/** FOIA 2000 Part II exemptions, s.21–s.44. */
const FOIA: Exemption[] = [
  { code: 's.21', title: 'Information accessible by other means' },
  { code: 's.22', title: 'Information intended for future publication' },
  { code: 's.22A', title: 'Research information' },
  { code: 's.23', title: 'Information supplied by, or relating to, bodies dealing with security matters' },
  { code: 's.24', title: 'National security' },
  { code: 's.26', title: 'Defence' },
  { code: 's.27', title: 'International relations' },
  { code: 's.28', title: 'Relations within the United Kingdom' },
  { code: 's.29', title: 'The economy' },
  { code: 's.30', title: 'Investigations and proceedings conducted by public authorities' },
  { code: 's.31', title: 'Law enforcement' },
  { code: 's.32', title: 'Court records' },
  { code: 's.33', title: 'Audit functions' },
  { code: 's.34', title: 'Parliamentary privilege' },
  { code: 's.35', title: 'Formulation of government policy' },
  { code: 's.36', title: 'Prejudice to effective conduct of public affairs' },
  { code: 's.37', title: 'Communications with His Majesty and honours' },
  { code: 's.38', title: 'Health and safety' },
  { code: 's.39', title: 'Environmental information' },
  { code: 's.40', title: 'Personal information' },
  { code: 's.41', title: 'Information provided in confidence' },
  { code: 's.42', title: 'Legal professional privilege' },
  { code: 's.43', title: 'Commercial interests' },
  { code: 's.44', title: 'Prohibitions on disclosure' },
];

/** EIR 2004 exceptions, regulations 12 and 13. */
const EIR: Exemption[] = [
  { code: 'reg 12(4)(a)', title: 'Information not held' },
  { code: 'reg 12(4)(b)', title: 'Manifestly unreasonable request' },
  { code: 'reg 12(4)(c)', title: 'Request formulated in too general a manner' },
  { code: 'reg 12(4)(d)', title: 'Material in the course of completion, unfinished documents' },
  { code: 'reg 12(4)(e)', title: 'Internal communications' },
  { code: 'reg 12(5)(a)', title: 'International relations, defence, national security or public safety' },
  { code: 'reg 12(5)(b)', title: 'The course of justice and inquiries' },
  { code: 'reg 12(5)(c)', title: 'Intellectual property rights' },
  { code: 'reg 12(5)(d)', title: 'Confidentiality of proceedings' },
  { code: 'reg 12(5)(e)', title: 'Confidentiality of commercial or industrial information' },
  { code: 'reg 12(5)(f)', title: 'Interests of the person who provided the information' },
  { code: 'reg 12(5)(g)', title: 'Protection of the environment' },
  { code: 'reg 13', title: 'Personal data' },
];

/** FOISA 2002 Part 2 exemptions, s.25–s.41. */
const FOISA: Exemption[] = [
  { code: 's.25', title: 'Information otherwise accessible' },
  { code: 's.26', title: 'Prohibitions on disclosure' },
  { code: 's.27', title: 'Information intended for future publication' },
  { code: 's.28', title: 'Relations within the United Kingdom' },
  { code: 's.29', title: 'Formulation of Scottish Administration policy' },
  { code: 's.30', title: 'Prejudice to effective conduct of public affairs' },
  { code: 's.31', title: 'National security and defence' },
  { code: 's.32', title: 'International relations' },
  { code: 's.33', title: 'Commercial interests and the economy' },
  { code: 's.34', title: 'Investigations by Scottish public authorities and proceedings' },
  { code: 's.35', title: 'Law enforcement' },
  { code: 's.36', title: 'Confidentiality' },
  { code: 's.37', title: 'Court records' },
  { code: 's.38', title: 'Personal information' },
  { code: 's.39', title: 'Health, safety and the environment' },
  { code: 's.40', title: 'Audit functions' },
  { code: 's.41', title: 'Communications with His Majesty and honours' },
];

/** EISR 2004 exceptions, regulations 10 and 11 (Scotland). */
const EISR: Exemption[] = [
  { code: 'reg 10(4)(a)', title: 'Information not held' },
  { code: 'reg 10(4)(b)', title: 'Manifestly unreasonable request' },
  { code: 'reg 10(4)(c)', title: 'Request formulated in too general a manner' },
  {
    code: 'reg 10(4)(d)',
    title: 'Material in the course of completion, unfinished documents or incomplete data',
  },
  { code: 'reg 10(4)(e)', title: 'Internal communications' },
  { code: 'reg 10(5)(a)', title: 'International relations, defence, national security or public safety' },
  { code: 'reg 10(5)(b)', title: 'The course of justice' },
  { code: 'reg 10(5)(c)', title: 'Intellectual property rights' },
  { code: 'reg 10(5)(d)', title: 'Confidentiality of proceedings' },
  { code: 'reg 10(5)(e)', title: 'Confidentiality of commercial or industrial information' },
  { code: 'reg 10(5)(f)', title: 'Interests of the person who provided the information' },
  { code: 'reg 10(5)(g)', title: 'Protection of the environment' },
  { code: 'reg 11', title: 'Personal data' },
];

/** UK GDPR / DPA 2018 Schedule 2–4 exemptions most used for subject access. */
const SAR: Exemption[] = [
  { code: 'DPA Sch 2 para 2', title: 'Crime and taxation' },
  { code: 'DPA Sch 2 para 5', title: 'Legal proceedings' },
  { code: 'DPA Sch 2 para 16', title: 'Information about other individuals' },
  { code: 'DPA Sch 2 para 19', title: 'Legal professional privilege' },
  { code: 'DPA Sch 2 para 24', title: 'Confidential references' },
  { code: 'DPA Sch 3', title: 'Health, social work, education and child abuse data' },
  { code: 'Art 12(5)', title: 'Manifestly unfounded or excessive request' },
];

const BY_REGIME: Record<Regime, Exemption[]> = { foi: FOIA, eir: EIR, foisa: FOISA, eisr: EISR, sar: SAR };

/** The exemptions (or exceptions) an officer may cite under a regime. */
export function exemptionsFor(regime: Regime): readonly Exemption[] {
  return BY_REGIME[regime];
}
