import type { Regime } from '@recordflow/calendar';

export interface Exemption {
  /** The citation, to the subsection a refusal notice names (e.g. "s.43(2)"). */
  code: string;
  title: string;
  /** Subject to the public interest test: a refusal must give the public interest reasons for it. */
  qualified: boolean;
}

const absolute = (code: string, title: string): Exemption => ({ code, title, qualified: false });
const qualified = (code: string, title: string): Exemption => ({ code, title, qualified: true });

/** FOIA 2000 Part II exemptions, s.21–s.44; absolute as listed in s.2(3), the rest qualified. */
const FOIA: Exemption[] = [
  absolute('s.21', 'Information accessible by other means'),
  qualified('s.22(1)', 'Information intended for future publication'),
  qualified('s.22A(1)', 'Research information'),
  absolute('s.23(1)', 'Information supplied by, or relating to, bodies dealing with security matters'),
  qualified('s.24(1)', 'National security'),
  qualified('s.26(1)', 'Defence'),
  qualified('s.27(1)', 'International relations: prejudice'),
  qualified('s.27(2)', 'International relations: confidential information from another State'),
  qualified('s.28(1)', 'Relations within the United Kingdom'),
  qualified('s.29(1)', 'The economy'),
  qualified('s.30(1)', 'Investigations and proceedings conducted by public authorities'),
  qualified('s.30(2)', 'Information from confidential sources in investigations'),
  qualified('s.31(1)(a)', 'Law enforcement: the prevention or detection of crime'),
  qualified('s.31(1)(b)', 'Law enforcement: the apprehension or prosecution of offenders'),
  qualified('s.31(1)(c)', 'Law enforcement: the administration of justice'),
  qualified('s.31(1)(d)', 'Law enforcement: the assessment or collection of any tax or duty'),
  qualified('s.31(1)(e)', 'Law enforcement: the operation of immigration controls'),
  qualified('s.31(1)(f)', 'Law enforcement: security and good order in prisons'),
  qualified('s.31(1)(g)', 'Law enforcement: functions for the purposes in s.31(2)'),
  absolute('s.32(1)', 'Court records'),
  absolute('s.32(2)', 'Records of inquiries and arbitrations'),
  qualified('s.33(2)', 'Audit functions'),
  absolute('s.34(1)', 'Parliamentary privilege'),
  qualified('s.35(1)(a)', 'Formulation or development of government policy'),
  qualified('s.35(1)(b)', 'Ministerial communications'),
  qualified('s.35(1)(c)', 'Law Officers’ advice'),
  qualified('s.35(1)(d)', 'Operation of any Ministerial private office'),
  qualified('s.36(2)(a)', 'Prejudice to collective responsibility or the work of the devolved executives'),
  qualified('s.36(2)(b)(i)', 'Inhibition of the free and frank provision of advice'),
  qualified('s.36(2)(b)(ii)', 'Inhibition of the free and frank exchange of views'),
  qualified('s.36(2)(c)', 'Other prejudice to the effective conduct of public affairs'),
  absolute(
    's.36 (Parliament)',
    'Prejudice to public affairs: information held by either House of Parliament',
  ),
  absolute('s.37(1)(a)', 'Communications with the Sovereign'),
  absolute('s.37(1)(aa)', 'Communications with the heir to, or second in line to, the Throne'),
  absolute('s.37(1)(ab)', 'Communications with a person who has since become the Sovereign or heir'),
  qualified('s.37(1)(ac)', 'Communications with other members of the Royal Family'),
  qualified('s.37(1)(ad)', 'Communications with the Royal Household'),
  qualified('s.37(1)(b)', 'The conferring of honours or dignities'),
  qualified('s.38(1)', 'Health and safety'),
  qualified('s.39(1)', 'Environmental information (to be dealt with under the EIR)'),
  absolute('s.40(1)', 'Personal data of which the requester is the subject'),
  absolute('s.40(2)', 'Personal data of others: disclosure would breach the data protection principles'),
  qualified('s.40(4A)', 'Personal data of others: the data subject would not be entitled to it'),
  absolute('s.41(1)', 'Information provided in confidence'),
  qualified('s.42(1)', 'Legal professional privilege'),
  qualified('s.43(1)', 'Trade secrets'),
  qualified('s.43(2)', 'Commercial interests'),
  absolute('s.44(1)', 'Prohibitions on disclosure'),
];

/** EIR 2004 exceptions, regulations 12 and 13: all subject to the public interest test but reg 13's first condition. */
const EIR: Exemption[] = [
  qualified('reg 12(4)(a)', 'Information not held'),
  qualified('reg 12(4)(b)', 'Manifestly unreasonable request'),
  qualified('reg 12(4)(c)', 'Request formulated in too general a manner'),
  qualified('reg 12(4)(d)', 'Material in the course of completion, unfinished documents'),
  qualified('reg 12(4)(e)', 'Internal communications'),
  qualified('reg 12(5)(a)', 'International relations, defence, national security or public safety'),
  qualified('reg 12(5)(b)', 'The course of justice and inquiries'),
  qualified('reg 12(5)(c)', 'Intellectual property rights'),
  qualified('reg 12(5)(d)', 'Confidentiality of proceedings'),
  qualified('reg 12(5)(e)', 'Confidentiality of commercial or industrial information'),
  qualified('reg 12(5)(f)', 'Interests of the person who provided the information'),
  qualified('reg 12(5)(g)', 'Protection of the environment'),
  absolute('reg 13(1)', 'Personal data of others: disclosure would breach the data protection principles'),
  qualified('reg 13(3A)', 'Personal data of others: the data subject would not be entitled to it'),
];

/** EIR (Scotland) 2004 exceptions, regulations 10 and 11. */
const EISR: Exemption[] = [
  qualified('reg 10(4)(a)', 'Information not held'),
  qualified('reg 10(4)(b)', 'Manifestly unreasonable request'),
  qualified('reg 10(4)(c)', 'Request formulated in too general a manner'),
  qualified('reg 10(4)(d)', 'Material in the course of completion, unfinished documents or incomplete data'),
  qualified('reg 10(4)(e)', 'Internal communications'),
  qualified('reg 10(5)(a)', 'International relations, defence, national security or public safety'),
  qualified('reg 10(5)(b)', 'The course of justice and inquiries'),
  qualified('reg 10(5)(c)', 'Intellectual property rights'),
  qualified('reg 10(5)(d)', 'Confidentiality of proceedings'),
  qualified('reg 10(5)(e)', 'Confidentiality of commercial or industrial information'),
  qualified('reg 10(5)(f)', 'Interests of the person who provided the information'),
  qualified('reg 10(5)(g)', 'Protection of the environment'),
  absolute('reg 11(2)', 'Personal data of others'),
];

/** FOISA 2002 Part 2 exemptions, s.25–s.41; absolute as listed in s.2(2), the rest qualified. */
const FOISA: Exemption[] = [
  absolute('s.25(1)', 'Information otherwise accessible'),
  absolute('s.26', 'Prohibitions on disclosure'),
  qualified('s.27(1)', 'Information intended for future publication'),
  qualified('s.27(2)', 'Research information'),
  qualified('s.28(1)', 'Relations within the United Kingdom'),
  qualified('s.29(1)(a)', 'Formulation or development of government policy'),
  qualified('s.29(1)(b)', 'Ministerial communications'),
  qualified('s.29(1)(c)', 'Law Officers’ advice'),
  qualified('s.29(1)(d)', 'Operation of any Ministerial private office'),
  qualified('s.30(a)', 'Substantial prejudice to collective responsibility'),
  qualified('s.30(b)(i)', 'Substantial inhibition of the free and frank provision of advice'),
  qualified('s.30(b)(ii)', 'Substantial inhibition of the free and frank exchange of views'),
  qualified('s.30(c)', 'Other substantial prejudice to the effective conduct of public affairs'),
  qualified('s.31(1)', 'National security'),
  qualified('s.31(4)', 'Defence'),
  qualified('s.32(1)(a)', 'International relations: substantial prejudice'),
  qualified('s.32(1)(b)', 'International relations: confidential information from another State'),
  qualified('s.33(1)(a)', 'Trade secrets'),
  qualified('s.33(1)(b)', 'Commercial interests'),
  qualified('s.33(2)', 'The economy'),
  qualified('s.34(1)', 'Investigations by Scottish public authorities'),
  qualified('s.35(1)', 'Law enforcement'),
  qualified('s.36(1)', 'Confidentiality of communications (legal professional privilege)'),
  absolute('s.36(2)', 'Information provided in confidence'),
  absolute('s.37(1)', 'Court records'),
  absolute('s.38(1)(a)', 'Personal data of which the requester is the subject'),
  absolute('s.38(1)(b)', 'Personal data of others'),
  absolute('s.38(1)(c)', 'Personal census information'),
  absolute('s.38(1)(d)', 'Deceased person’s health record'),
  qualified('s.39(1)', 'Health, safety and the environment: endangering health or safety'),
  qualified('s.39(2)', 'Environmental information (to be dealt with under the EISR)'),
  qualified('s.40', 'Audit functions'),
  qualified('s.41(a)', 'Communications with His Majesty and the Royal Household'),
  qualified('s.41(b)', 'The exercise of His Majesty’s prerogative of honour'),
];

/**
 * UK GDPR / DPA 2018 exemptions from the right of access (no public interest test). Refusing a request
 * as manifestly unfounded or excessive (Art 12(5)) is a refusal basis, not an exemption.
 */
const SAR: Exemption[] = [
  absolute('DPA Sch 2 para 2', 'Crime and taxation'),
  absolute('DPA Sch 2 para 7', 'Functions designed to protect the public'),
  absolute('DPA Sch 2 para 16', 'Protection of the rights of others (information about other individuals)'),
  absolute('DPA Sch 2 para 19', 'Legal professional privilege'),
  absolute('DPA Sch 2 para 20', 'Self-incrimination'),
  absolute('DPA Sch 2 para 21', 'Corporate finance'),
  absolute('DPA Sch 2 para 22', 'Management forecasts'),
  absolute('DPA Sch 2 para 23', 'Negotiations'),
  absolute('DPA Sch 2 para 24', 'Confidential references'),
  absolute('DPA Sch 2 para 25', 'Exam scripts and exam marks'),
  absolute('DPA Sch 3', 'Health, social work, education and child abuse data'),
  absolute(
    'DPA Sch 4',
    'Enactments restricting disclosure (adoption, fertilisation, special educational needs …)',
  ),
];

// Keyed by name, so a regime the calendar adds (EISR) finds its list as soon as it exists.
const BY_REGIME: Record<string, Exemption[]> = { foi: FOIA, eir: EIR, eisr: EISR, foisa: FOISA, sar: SAR };

/** The exemptions (or exceptions) an officer may cite under a regime. */
export function exemptionsFor(regime: Regime): readonly Exemption[] {
  return BY_REGIME[regime] ?? [];
}
