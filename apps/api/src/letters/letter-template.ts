import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { refusal } from '../common/errors';

/** The fields a template may use, and inside {{#each list}} the fields of each item. */
export const LETTER_FIELDS: Record<string, readonly string[] | null> = {
  letterDate: null,
  reference: null,
  receivedOn: null,
  law: null,
  held: null,
  section12: null,
  reviewRequestBy: null,
  reviewWorkingDays: null,
  dueDate: null,
  reviewDue: null,
  'record.clarificationQuestion': null,
  'record.feeAmount': null,
  'record.feeBreakdown': null,
  'record.estimatedHours': null,
  'record.adviceAndAssistance': null,
  'record.extensionReason': null,
  'record.reviewOutcome': null,
  'record.reviewReasons': null,
  'requester.name': null,
  'authority.name': null,
  'authority.team': null,
  'authority.email': null,
  'authority.address': null,
  'ico.name': null,
  'ico.address': null,
  'ico.telephone': null,
  'ico.website': null,
  requestParagraphs: ['this'],
  questions: ['question', 'answer'],
  exemptions: ['code', 'title', 'reason', 'length'],
};

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
  const walk = (node: Node | undefined, scope: readonly string[] | null) => {
    if (!node) return;
    if (node.type === 'Program') for (const child of node.body as Node[]) walk(child, scope);
    if (node.type === 'MustacheStatement') check(node.path as Node, scope);
    if (node.type === 'BlockStatement') {
      const helper = (node.path as Node).original as string;
      const [param] = (node.params as Node[]) ?? [];
      if (param) check(param, scope);
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
