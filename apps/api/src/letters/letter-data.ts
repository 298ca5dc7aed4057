import {
  addWorkingDays,
  type CalendarOptions,
  describeRegime,
  foisaReviewRequestBy,
  type Regime,
} from '@recordflow/calendar';
import { type CaseContext, exemptionsFor } from '@recordflow/workflow';

export interface AuthoritySettings {
  name: string;
  team: string;
  email: string;
  address: string;
}

/** The Information Commissioner's Office, as every FOI/EIR response and SAR letter must name it. */
export const ICO = {
  name: "The Information Commissioner's Office",
  address: 'Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF',
  telephone: '0303 123 1113',
  website: 'www.ico.org.uk',
};

export const SCOTTISH_COMMISSIONER = {
  name: 'The Scottish Information Commissioner',
  address: 'Kinburn Castle, Doubledykes Road, St Andrews, Fife, KY16 9DS',
  telephone: '01334 464610',
  website: 'www.foi.scot',
};

const LAW: Record<Regime, string> = {
  foi: 'Freedom of Information Act 2000',
  eir: 'Environmental Information Regulations 2004',
  foisa: 'Freedom of Information (Scotland) Act 2002',
  eisr: 'Environmental Information (Scotland) Regulations 2004',
  sar: 'UK General Data Protection Regulation (Article 15)',
};

const REGIME_NAMES: Record<Regime, string> = {
  foi: 'freedom of information',
  eir: 'environmental information',
  foisa: 'freedom of information (Scotland)',
  eisr: 'environmental information (Scotland)',
  sar: 'subject access',
};

const OUTCOME_LABELS: Record<string, string> = {
  'granted-in-full': 'information provided in full',
  'granted-in-part': 'information provided in part',
  'refused-in-full': 'refused in full',
  'not-held': 'information not held',
  'neither-confirm-nor-deny': 'neither confirmed nor denied',
  'vexatious-refusal': 'refused as vexatious or repeated',
};

/** Outcomes that refuse the whole request: their letter is a refusal notice (NCND and s.14 are recorded as their own). */
export const FULL_REFUSALS = ['refused-in-full', 'neither-confirm-nor-deny', 'vexatious-refusal'];

const REVIEW_OUTCOME_LABELS: Record<string, string> = {
  upheld: 'we uphold our original decision',
  'partly-overturned': 'we have changed part of our original decision',
  overturned: 'we have overturned our original decision',
  'not-obliged': 'we are not obliged to carry out a review',
};

// Refusals because of the request itself, not the information: s.14 FOIA/FOISA, EIR reg 12(4)(b), Art 12(5)(b).
const REQUEST_REFUSALS = [
  'vexatious',
  'manifestly-unreasonable',
  'manifestly-unfounded',
  'manifestly-excessive',
];

const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** Amounts of money in the record, printed as "22" or "22.50" (never "22.5"). */
const MONEY_FIELDS = new Set([
  'feeAmount',
  'feeHourlyRate',
  'feeDisbursements',
  'feeStaffCost',
  'feeProjectedCosts',
  'feeMaximum',
  'estimatedCost',
  'appropriateLimit',
]);
const money = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

// The request's own paragraph asking for section 16 advice if section 12 applies is not a question to answer.
const isSection12Request = (paragraph: string) =>
  /section 12/i.test(paragraph) && /section 16/i.test(paragraph);

export interface LetterCase {
  reference: string;
  regime: Regime;
  requestText: string;
  requesterName: string | null;
  /** The postal address, when the letter goes by post (an address block heads it). */
  requesterAddress?: string | null;
  context: CaseContext;
  /** The stage and step the case is in, which tell a SAR request letter or a lapse letter what it is about. */
  stage?: string;
  step?: string;
}

export interface QuestionAnswer {
  question: string;
  answer: string;
}

/** Each answer under its own question; an old case's single answers text still renders, one paragraph each. */
function questionsAndAnswers(recorded: unknown, request: string[]): QuestionAnswer[] {
  if (Array.isArray(recorded)) {
    return recorded
      .filter((item): item is QuestionAnswer => typeof item === 'object' && item !== null)
      .map((item) => ({ question: String(item.question ?? ''), answer: String(item.answer ?? '') }));
  }
  if (typeof recorded !== 'string' || recorded.trim() === '') return [];
  const answers = paragraphs(recorded);
  const questions = request.filter((p) => !isSection12Request(p));
  // Only an old text with one paragraph per question can be paired; otherwise it is one answer to the request.
  if (answers.length !== questions.length) return [{ question: '', answer: answers.join('\n\n') }];
  return questions.map((question, i) => ({ question, answer: answers[i] as string }));
}

/** The part of a reasons text that names an exemption, up to where it names the next one. */
function reasonsFor(text: unknown, codes: string[]): Map<string, string> {
  const reasons = new Map<string, string>();
  if (typeof text !== 'string' || text.trim() === '') return reasons;
  const found = codes
    .map((code) => ({ code, at: text.indexOf(code) }))
    .filter((f) => f.at >= 0)
    .sort((a, b) => a.at - b.at);
  if (found.length === 0 && codes.length === 1) reasons.set(codes[0] as string, text.trim());
  found.forEach(({ code, at }, i) => {
    const end = found[i + 1]?.at ?? text.length;
    const part = text
      .slice(at + code.length, end)
      .replace(/^[\s:.\-–—]+/, '')
      .trim();
    reasons.set(code, part);
  });
  return reasons;
}

const sectionsOf = (recorded: unknown) =>
  Array.isArray(recorded)
    ? recorded
        .filter((s) => typeof s === 'object' && s !== null)
        .map((s) => ({ title: String(s.title ?? ''), text: String(s.text ?? '') }))
    : [];

/**
 * What a SAR request letter asks for, or why a request lapsed: from the stage and step the case is in,
 * else from the letter sent before (a fees notice, or a request whose answer never came).
 */
function subjectOf(letter: LetterCase): string {
  const { stage, step } = letter;
  const record = letter.context.record;
  if (stage === 'awaiting-identity') return 'identity';
  if (stage === 'awaiting-authority') return 'authority';
  if (stage === 'awaiting-fee' || stage === 'fees' || step === 'unpaid') return 'fee';
  if (stage === 'clarification') return 'clarification';
  const before = letter.context.letters.filter((l) => l.template !== 'lapse-notice').at(-1)?.template;
  if (before === 'fees-notice') return 'fee';
  if (record.identityRequested !== undefined && record.identityEvidence === undefined) return 'identity';
  if (record.authorityRequested !== undefined && record.authorityEvidence === undefined) return 'authority';
  return 'clarification';
}

/** Everything a letter template may use, computed from the case: nothing typed in twice. */
export function letterData(
  letter: LetterCase,
  authority: AuthoritySettings,
  letterDate: string,
  calendar: CalendarOptions = {},
) {
  const { regime } = letter;
  const record = letter.context.record;
  const request = paragraphs(letter.requestText);
  const asked12 = request.some(isSection12Request);
  const outcome = typeof record.outcome === 'string' ? record.outcome : '';
  const refusalBasis = typeof record.refusalBasis === 'string' ? record.refusalBasis : '';
  const ncnd = refusalBasis === 'neither-confirm-nor-deny';
  const requestRefused = REQUEST_REFUSALS.includes(refusalBasis);
  const cited = Array.isArray(record.exemptions) ? (record.exemptions as string[]) : [];
  const known = new Map(exemptionsFor(regime).map((e) => [e.code, e]));
  const reasons = reasonsFor(record.exemptionReasons, cited);
  const publicInterest = reasonsFor(record.publicInterestReasons, cited);
  const exemptions = cited.map((code) => ({
    code,
    title: known.get(code)?.title ?? '',
    qualified: known.get(code)?.qualified ?? false,
    reason: reasons.get(code) ?? '',
    publicInterest: known.get(code)?.qualified ? (publicInterest.get(code) ?? '') : '',
    particulars: completionParticulars(code, record),
  }));
  const scottish = describeRegime(regime).regulator === 'Scottish Information Commissioner';
  const reviewWorkingDays = 40;
  const deadline = (name: string) => letter.context.deadlines[name]?.due;
  const due = (name: string) => {
    const date = deadline(name);
    return date ? longDate(date) : 'a date we will confirm';
  };
  const text = (field: string) =>
    record[field] === undefined || record[field] === null
      ? ''
      : MONEY_FIELDS.has(field) && typeof record[field] === 'number'
        ? money(record[field])
        : String(record[field]);
  const subject = subjectOf(letter);
  // The case's own deadline, else the one sending this letter will set: FOISA counts from the end of the 20
  // working days (s.20(5)), so a response letter made before it is sent tells the same date; others 40 from the letter.
  const responseDue = deadline('response');
  const reviewRequestBy =
    deadline('reviewRequestBy') ??
    (regime === 'foisa' && responseDue
      ? foisaReviewRequestBy(responseDue, letterDate, calendar)
      : addWorkingDays(regime === 'sar' ? 'foi' : regime, letterDate, reviewWorkingDays, calendar));
  return {
    letterDate: longDate(letterDate),
    reference: letter.reference,
    receivedOn: longDate(letter.context.receivedOn),
    regime,
    regimeName: REGIME_NAMES[regime],
    law: LAW[regime],
    isFoi: regime === 'foi',
    isEir: regime === 'eir',
    isFoisa: regime === 'foisa',
    isEisr: regime === 'eisr',
    isSar: regime === 'sar',
    isScottish: scottish,
    isEnvironmental: regime === 'eir' || regime === 'eisr',
    outcome,
    outcomeLabel: OUTCOME_LABELS[outcome] ?? '',
    refusalBasis,
    refusedInFull: FULL_REFUSALS.includes(outcome),
    refusedInPart: outcome === 'granted-in-part',
    notHeld: outcome === 'not-held' || (record.held === false && !ncnd),
    ncnd,
    requestRefused,
    vexatious: refusalBasis === 'vexatious',
    manifestlyUnreasonable: refusalBasis === 'manifestly-unreasonable',
    manifestlyUnfounded: refusalBasis === 'manifestly-unfounded',
    manifestlyExcessive: refusalBasis === 'manifestly-excessive',
    held: record.held !== false,
    asksIdentity: subject === 'identity',
    asksAuthority: subject === 'authority',
    asksClarification: subject === 'clarification',
    lapsedFee: subject === 'fee',
    requester: {
      name: letter.requesterName ?? 'Requester',
      postal: Boolean(letter.requesterAddress),
      addressLines: (letter.requesterAddress ?? '')
        .split(/\r?\n|,\s*/)
        .map((line) => line.trim())
        .filter(Boolean),
    },
    corrected: record.corrected === true,
    requestParagraphs: request,
    questions: questionsAndAnswers(record.answers, request),
    sections: sectionsOf(record.sections),
    section12:
      record.refusalBasis === 'cost-limit'
        ? `Complying with your request would exceed the cost limit in section 12 of the Act. ${String(record.adviceAndAssistance ?? '')}`
        : '',
    askedForCostAdvice: asked12,
    exemptions,
    hasQualifiedExemptions: exemptions.some((e) => e.qualified),
    reviewWorkingDays,
    dueDate: due('response'),
    reviewDue: due('reviewDue'),
    record: Object.fromEntries(
      [
        'clarificationQuestion',
        'clarificationAdvice',
        'identityRequested',
        'authorityRequested',
        'feeAmount',
        'feeBreakdown',
        'feeHours',
        'feeHourlyRate',
        'feeDisbursements',
        'feeStaffCost',
        'feeProjectedCosts',
        'feeMaximum',
        'estimatedHours',
        'costEstimate',
        'aggregatedHours',
        'estimatedCost',
        'appropriateLimit',
        'adviceAndAssistance',
        'extensionReason',
        'reviewOutcome',
        'reviewReasons',
        'failureFound',
        'complaintGrounds',
        'complaintOutcomeDetails',
        'remedialAction',
        'exemptionReasons',
        'publicInterestReasons',
        'processingPurposes',
        'dataCategories',
        'recipients',
        'retention',
        'dataSource',
        'automatedDecisionMaking',
        'transfers',
        'correctionReason',
      ].map((field) => [field, text(field)]),
    ),
    reviewOutcomeLabel: REVIEW_OUTCOME_LABELS[text('reviewOutcome')] ?? '',
    // FOISA s.21(8)-(9): a requirement for review the authority need not comply with, and says so.
    reviewNotObliged: record.reviewOutcome === 'not-obliged',
    reviewRequestBy: longDate(reviewRequestBy),
    complaintUpheld: record.complaintOutcome === 'upheld',
    complaintAcknowledgeBy: due('complaintAcknowledgeBy'),
    remedialActionBy: typeof record.remedialActionBy === 'string' ? longDate(record.remedialActionBy) : '',
    authority,
    regulator: scottish ? SCOTTISH_COMMISSIONER : ICO,
    ico: scottish ? SCOTTISH_COMMISSIONER : ICO,
  };
}

export type LetterData = ReturnType<typeof letterData>;

/** EIR reg 14(4) / EISR reg 13(d): who is completing material withheld as unfinished, and when they expect to finish it. */
function completionParticulars(code: string, record: Record<string, unknown>): string {
  const law = { 'reg 12(4)(d)': 'regulation 14(4)', 'reg 10(4)(d)': 'regulation 13(d)' }[code];
  if (!law || typeof record.completionBody !== 'string' || typeof record.completionDate !== 'string')
    return '';
  return `The material is still being completed by ${record.completionBody}, who expect to finish it by ${longDate(record.completionDate)} (${law} of the Regulations).`;
}
