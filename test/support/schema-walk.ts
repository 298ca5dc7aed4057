import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/** The api's schema as committed in schema.gql, so every operation added later is walked too. */
export function committedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(__dirname, '../../schema.gql'), 'utf8'));
}

export interface Operation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

export function operationsOf(schema: GraphQLSchema): Operation[] {
  const query = Object.values(schema.getQueryType()?.getFields() ?? {});
  const mutation = Object.values(schema.getMutationType()?.getFields() ?? {});
  return [
    ...query.map((field) => ({ kind: 'query' as const, field })),
    ...mutation.map((field) => ({ kind: 'mutation' as const, field })),
  ];
}

/** The operation's text: every argument a variable of its own type, asking for the result's own scalars. */
export function operationText({ kind, field }: Operation): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${kind}${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionOf(getNamedType(field.type))} }`;
}

function selectionOf(type: GraphQLNamedType): string {
  if (!isObjectType(type)) return '';
  const scalars = Object.values(type.getFields())
    .filter((f) => f.args.length === 0 && isScalarType(getNamedType(f.type)))
    .map((f) => f.name);
  return `{ __typename ${scalars.join(' ')} }`;
}

/** A place a client can put a value: an argument, or a field of an input inside one (path from the variables). */
export interface Slot {
  path: string[];
  type: GraphQLInputType;
}

export function slotsOf(args: readonly GraphQLArgument[]): Slot[] {
  const slots: Slot[] = [];
  const visit = (path: string[], type: GraphQLInputType, seen: Set<string>) => {
    slots.push({ path, type });
    const named = getNamedType(type);
    if (isInputObjectType(named) && !seen.has(named.name) && !isListType(unwrapNonNull(type))) {
      for (const field of Object.values(named.getFields())) {
        visit([...path, field.name], field.type, new Set([...seen, named.name]));
      }
    }
  };
  for (const arg of args) visit([arg.name], arg.type, new Set());
  return slots;
}

const unwrapNonNull = (type: GraphQLInputType) => (isNonNullType(type) ? type.ofType : type);

/** A value the api accepts for this type (known ids by name, else a plain one), so each call tests one bad slot. */
export function validValue(name: string, type: GraphQLInputType, known: Record<string, unknown>): unknown {
  if (name in known) return known[name];
  const inner = unwrapNonNull(type);
  if (isListType(inner)) return [validValue(name, inner.ofType, known)];
  const named = getNamedType(inner);
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type) || f.name in known)
        .map((f) => [f.name, validValue(f.name, f.type, known)]),
    );
  }
  if (isEnumType(named)) return named.getValues()[0]?.value;
  switch (named.name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'LocalDate':
      return '2026-01-14';
    case 'DateTime':
      return '2026-01-14T10:00:00Z';
    case 'JSON':
    case 'JSONObject':
      return {};
    default:
      return 'plain text';
  }
}

function deep(levels: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < levels; i++) value = { nested: value };
  return value;
}

const MALFORMED_TEXT = [
  '',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'a\u0000b',
  '\u0000',
  'x'.repeat(100_000),
  '\ud800',
  "' OR 1=1 --",
  '../../etc/passwd',
  '{{constructor.constructor}}',
];
const WRONG_TYPES = [42, 4.2, true, ['list'], { an: 'object' }];
/** How many of a slot's hostile values come first as null or a wrong type (GraphQL refuses them before any role check). */
export const WRONG_TYPE_COUNT = 1 + WRONG_TYPES.length;

/** Malformed and extreme values for a slot: wrong types for every slot, then the type's own bad values. */
export function hostileValues(type: GraphQLInputType): unknown[] {
  const named = getNamedType(type);
  const values: unknown[] = [null, ...WRONG_TYPES, 'text'];
  if (isListType(unwrapNonNull(type)))
    values.push(
      [],
      Array.from({ length: 5000 }, () => 'x'),
      [null],
    );
  if (isInputObjectType(named)) values.push({}, { unknownField: 1 });
  if (isEnumType(named)) values.push('NOT_A_VALUE');
  if (!isScalarType(named)) return values;
  switch (named.name) {
    case 'Int':
    case 'Float':
      values.push(0, -1, 1.5, 2 ** 31, -(2 ** 31), 2 ** 31 - 1, 1e300, Number.MAX_SAFE_INTEGER, '1');
      break;
    case 'Boolean':
      values.push('true', 0);
      break;
    case 'LocalDate':
    case 'DateTime':
      values.push('x', '2026-02-30', '0000-01-01', '9999-12-31', '2026-1-1', '1900-01-01', 'a\u0000b', '');
      break;
    case 'JSON':
    case 'JSONObject':
      values.push(
        {},
        deep(1000),
        deep(100),
        { text: 'a\u0000b' },
        { 'a\u0000b': 1 },
        { big: 1e308, list: Array.from({ length: 10_000 }, (_, i) => i) },
        JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
        'a string',
      );
      break;
    default:
      values.push(...MALFORMED_TEXT);
  }
  return values;
}

/** The variables with one slot set to the value. */
export function withSlot(
  variables: Record<string, unknown>,
  path: string[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(variables);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null || Array.isArray(target[key])) {
      target[key] = {};
    }
    target = target[key] as Record<string, unknown>;
  }
  target[path[path.length - 1] as string] = value;
  return copy;
}
