import type { Regime } from '@recordflow/calendar';
import { exemptionsFor } from './exemptions';

/** The parts of a response payload a refusal is judged on. */
export interface RefusalPayload {
  outcome?: unknown;
  refusalBasis?: unknown;
  exemptions?: unknown;
  exemptionReasons?: unknown;
  publicInterestReasons?: unknown;
  [field: string]: unknown;
}

export interface RefusalRules {
  /** Refusal bases that cite no exemption (FOIA s.14, SAR Art 12(5)). */
  withoutExemption?: readonly string[];
  /** An exception a basis or outcome must cite (EIR: not held is reg 12(4)(a)). */
  mustCite?: Record<string, string>;
  /** The only exemptions (by section) that may neither confirm nor deny, and the law that says so (FOISA s.18(1)). */
  ncnd?: { sections: readonly string[]; law: string };
  /** Inputs an exception needs filled in, and the law that says so (EIR reg 14(4): who completes material under reg 12(4)(d), and when). */
  particulars?: Record<string, { fields: readonly string[]; law: string }>;
}

const REFUSING_OUTCOMES = ['granted-in-part', 'refused-in-full'];

// Where each regime requires the reasons, for the officer's message.
const LAW: Record<string, { reasons: string; publicInterest: string }> = {
  foi: { reasons: 'FOIA s.17(1)', publicInterest: 'FOIA s.17(3)' },
  eir: { reasons: 'EIR reg 14(3)', publicInterest: 'EIR reg 14(3)(b)' },
  eisr: { reasons: 'EISR reg 13', publicInterest: 'EISR reg 13(b)' },
  foisa: { reasons: 'FOISA s.16(1)', publicInterest: 'FOISA s.16(2)' },
  sar: { reasons: 'UK GDPR Art 12(4)', publicInterest: 'UK GDPR Art 12(4)' },
};

// "s.33(1)(b)" → "s.33": the section a subsection citation belongs to.
const sectionOf = (code: string) => code.replace(/\(.*$/, '');
const text = (value: unknown) => (typeof value === 'string' ? value.toLowerCase().replace(/\s+/g, '') : '');
const mentions = (reasons: unknown, code: string) => text(reasons).includes(text(code));

/**
 * What a refusal still lacks before it may be approved: the exemptions cited, why each applies and,
 * for each qualified one, the public interest reasons. Empty when complete (or not a refusal).
 */
export function refusalProblems(regime: Regime, payload: RefusalPayload, rules: RefusalRules = {}): string[] {
  const outcome = typeof payload.outcome === 'string' ? payload.outcome : '';
  const basis = typeof payload.refusalBasis === 'string' ? payload.refusalBasis : 'exemption';
  const mustCite = rules.mustCite?.[basis] ?? rules.mustCite?.[outcome];
  const refusing =
    REFUSING_OUTCOMES.includes(outcome) || basis === 'neither-confirm-nor-deny' || mustCite !== undefined;
  if (!refusing || rules.withoutExemption?.includes(basis)) return [];
  const law = LAW[regime] ?? { reasons: 'the law', publicInterest: 'the law' };
  const cited = Array.isArray(payload.exemptions) ? (payload.exemptions as string[]) : [];
  if (cited.length === 0)
    return [
      `a refusal must cite the exemptions it relies on (${law.reasons})${mustCite ? `: cite ${mustCite}` : ''}`,
    ];
  const problems: string[] = [];
  if (mustCite && !cited.includes(mustCite)) problems.push(`cite ${mustCite} for this outcome`);
  const unexplained = cited.filter((code) => !mentions(payload.exemptionReasons, code));
  if (unexplained.length > 0)
    problems.push(
      `say why each exemption applies, naming it (${law.reasons}): no reasons given for ${unexplained.join(', ')}`,
    );
  if (basis === 'neither-confirm-nor-deny' && rules.ncnd) {
    const { sections, law: ncndLaw } = rules.ncnd;
    const outside = cited.filter((code) => !sections.some((section) => sectionOf(code) === section));
    if (outside.length > 0)
      problems.push(
        `neither confirm nor deny is only for exemptions under ${sections.join(', ')} (${ncndLaw}), not ${outside.join(', ')}`,
      );
  }
  for (const [code, { fields, law: particularsLaw }] of Object.entries(rules.particulars ?? {})) {
    const missing = cited.includes(code) ? fields.filter((field) => !payload[field]) : [];
    if (missing.length > 0) problems.push(`${code} needs ${missing.join(' and ')} (${particularsLaw})`);
  }
  const known = new Map(exemptionsFor(regime).map((e) => [e.code, e]));
  const unweighed = cited.filter(
    (code) => known.get(code)?.qualified && !mentions(payload.publicInterestReasons, code),
  );
  if (unweighed.length > 0)
    problems.push(
      `give the public interest reasons for each qualified exemption, naming it (${law.publicInterest}): none given for ${unweighed.join(', ')}`,
    );
  return problems;
}

/** The cited exemptions that are absolute: no public interest test, so no time to consider one. */
export function absoluteExemptions(regime: Regime, cited: unknown): string[] {
  const known = new Map(exemptionsFor(regime).map((e) => [e.code, e]));
  return (Array.isArray(cited) ? (cited as string[]) : []).filter(
    (code) => known.get(code)?.qualified === false,
  );
}
