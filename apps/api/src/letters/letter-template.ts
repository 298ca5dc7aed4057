import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeRegime, type Regime } from '@recordflow/calendar';
import Handlebars from 'handlebars';
import { refusal } from '../common/errors';

/** The fields a template may use, and inside {{#each list}} the fields of each item. */
export const LETTER_FIELDS: Record<string, readonly string[] | null> = {
  letterDate: null,
  reference: null,
  receivedOn: null,
  regime: null,
  regimeName: null,
  law: null,
  isFoi: null,
  isEir: null,
  isFoisa: null,
  isEisr: null,
  isSar: null,
  isScottish: null,
  isEnvironmental: null,
  outcome: null,
  outcomeLabel: null,
  refusalBasis: null,
  refusedInFull: null,
  refusedInPart: null,
  notHeld: null,
  ncnd: null,
  requestRefused: null,
  vexatious: null,
  manifestlyUnreasonable: null,
  manifestlyUnfounded: null,
  manifestlyExcessive: null,
  held: null,
  asksIdentity: null,
  asksAuthority: null,
  asksClarification: null,
  lapsedFee: null,
  section12: null,
  askedForCostAdvice: null,
  hasQualifiedExemptions: null,
  reviewRequestBy: null,
  reviewWorkingDays: null,
  reviewOutcomeLabel: null,
  reviewNotObliged: null,
  dueDate: null,
  reviewDue: null,
  'record.clarificationQuestion': null,
  'record.clarificationAdvice': null,
  'record.identityRequested': null,
  'record.authorityRequested': null,
  'record.feeAmount': null,
  'record.feeBreakdown': null,
  'record.feeHours': null,
  'record.feeHourlyRate': null,
  'record.feeDisbursements': null,
  'record.feeStaffCost': null,
  'record.feeProjectedCosts': null,
  'record.feeMaximum': null,
  'record.estimatedHours': null,
  'record.costEstimate': null,
  'record.aggregatedHours': null,
  'record.estimatedCost': null,
  'record.appropriateLimit': null,
  'record.adviceAndAssistance': null,
  'record.extensionReason': null,
  'record.reviewOutcome': null,
  'record.reviewReasons': null,
  'record.complaintGrounds': null,
  'record.complaintOutcomeDetails': null,
  complaintUpheld: null,
  complaintAcknowledgeBy: null,
  'record.failureFound': null,
  'record.remedialAction': null,
  remedialActionBy: null,
  'record.exemptionReasons': null,
  'record.publicInterestReasons': null,
  'record.processingPurposes': null,
  'record.dataCategories': null,
  'record.recipients': null,
  'record.retention': null,
  'record.dataSource': null,
  'record.automatedDecisionMaking': null,
  'record.transfers': null,
  'requester.name': null,
  'requester.postal': null,
  corrected: null,
  'record.correctionReason': null,
  'authority.name': null,
  'authority.team': null,
  'authority.email': null,
  'authority.address': null,
  'regulator.name': null,
  'regulator.address': null,
  'regulator.telephone': null,
  'regulator.website': null,
  'ico.name': null,
  'ico.address': null,
  'ico.telephone': null,
  'ico.website': null,
  requestParagraphs: ['this'],
  'requester.addressLines': ['this'],
  questions: ['question', 'answer'],
  sections: ['title', 'text'],
  exemptions: ['code', 'title', 'reason', 'publicInterest', 'qualified', 'particulars', 'length'],
};

/** The regimes each letter kind exists under; a letter the law does not provide for is refused, not improvised. */
export const LETTER_REGIMES: Record<string, readonly Regime[]> = {
  // Only FOIA sets a cost limit by section 12 and FOISA by its own section 12; EIR and SAR refuse on other grounds.
  'section-12-refusal': ['foi', 'foisa'],
  // s.10(3) FOIA is the only extension to consider the public interest; FOISA has none.
  'public-interest-extension': ['foi'],
  // EIR/EISR reg 7 (complex and voluminous) and UK GDPR Art 12(3) (complexity and number of requests).
  'extension-notice': ['eir', 'eisr', 'sar'],
  // A SAR has no statutory review: complaints go to the controller and then to the ICO.
  'review-acknowledgement': ['foi', 'eir', 'foisa', 'eisr'],
  'internal-review-outcome': ['foi', 'eir', 'foisa', 'eisr'],
  // DPA 2018 s.164A: the controller's own complaints process, for data subjects only.
  'complaint-acknowledgement': ['sar'],
  'complaint-outcome': ['sar'],
};

/** Refuses a letter kind the regime's law does not provide for. */
export function checkLetterRegime(kind: string, regime: Regime): void {
  const regimes = LETTER_REGIMES[kind];
  if (regimes && !regimes.includes(regime)) {
    throw refusal(
      'VALIDATION_FAILED',
      `There is no "${kind}" letter under the ${describeRegime(regime).law.split(',')[0]}; it is for ${regimes.map((r) => r.toUpperCase()).join(', ')} requests only.`,
    );
  }
}

// Lets a template branch on a value, e.g. {{#if (eq regime "sar")}}.
Handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);

type Node = { type: string; [key: string]: unknown };

/** Every field a template names that letters do not have; empty when the template is sound. */
export function unknownFields(template: string): string[] {
  let program: Node;
  try {
    program = Handlebars.parse(template) as unknown as Node;
  } catch (error) {
    throw refusal(
      'VALIDATION_FAILED',
      `The template cannot be read: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const unknown = new Set<string>();
  const check = (path: Node, scope: readonly string[] | null) => {
    if (path.type !== 'PathExpression') return;
    const name = path.original as string;
    if (name === 'this' || name.startsWith('@')) return;
    if (scope) {
      if (!scope.includes(name) && !(name in LETTER_FIELDS)) unknown.add(name);
    } else if (
      !(name in LETTER_FIELDS) &&
      !(name.endsWith('.length') && name.slice(0, -7) in LETTER_FIELDS)
    ) {
      unknown.add(name);
    }
  };
  // Every value a mustache, block or helper call names is checked; a path with parameters is a helper (eq, if, each).
  const checkParams = (node: Node, scope: readonly string[] | null) => {
    for (const param of (node.params as Node[]) ?? []) {
      if (param.type === 'SubExpression') checkParams(param, scope);
      else check(param, scope);
    }
  };
  const walk = (node: Node | undefined, scope: readonly string[] | null) => {
    if (!node) return;
    if (node.type === 'Program') for (const child of node.body as Node[]) walk(child, scope);
    if (node.type === 'MustacheStatement') {
      if (((node.params as Node[]) ?? []).length === 0) check(node.path as Node, scope);
      checkParams(node, scope);
    }
    if (node.type === 'BlockStatement') {
      const helper = (node.path as Node).original as string;
      const [param] = (node.params as Node[]) ?? [];
      checkParams(node, scope);
      const list = param?.type === 'PathExpression' ? LETTER_FIELDS[param.original as string] : null;
      walk(node.program as Node, helper === 'each' ? (list ?? scope) : scope);
      walk(node.inverse as Node | undefined, scope);
    }
  };
  walk(program, null);
  return [...unknown];
}

/** Refuses a template naming a field letters do not have, with the field's name. */
export function checkTemplate(template: string): void {
  const unknown = unknownFields(template);
  if (unknown.length > 0) {
    throw refusal(
      'VALIDATION_FAILED',
      `The template uses ${unknown.map((f) => `"${f}"`).join(', ')}, which letters do not have. Fields: ${Object.keys(LETTER_FIELDS).join(', ')}.`,
      { fields: unknown.map((f) => ({ field: 'body', message: `names "${f}", which letters do not have` })) },
    );
  }
}

const builtIns = new Map<string, string>();

/** The built-in template of a letter kind (apps/api/src/letters/templates/<kind>.hbs). */
export function builtInTemplate(kind: string): string {
  let template = builtIns.get(kind);
  if (!template) {
    try {
      template = readFileSync(join(__dirname, '../../src/letters/templates', `${kind}.hbs`), 'utf8');
    } catch {
      throw refusal('NOT_FOUND', `There is no built-in template for "${kind}" letters.`, { id: kind });
    }
    builtIns.set(kind, template);
  }
  return template;
}

/** Fills a template; strict, so a field missing from the data is an error, not a blank. */
export function fillTemplate(template: string, data: unknown): string {
  checkTemplate(template);
  return Handlebars.compile(template, { noEscape: true, strict: false })(data)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
