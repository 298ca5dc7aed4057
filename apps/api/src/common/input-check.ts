import type { ExecutionContext } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import {
  type GraphQLInputType,
  type GraphQLResolveInfo,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { invalid, isUuid, notFound } from './errors';

/** Deepest JSON a payload or definition may nest: workflow definitions reach about 8. */
export const MAX_JSON_DEPTH = 32;

// NUL, and halves of a UTF-16 pair without their other half: text PostgreSQL cannot store.
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function checkText(path: string, value: string): void {
  if (UNSTORABLE.test(value)) {
    throw invalid(
      path,
      'contains a character that cannot be stored (NUL or half of a UTF-16 pair)',
      `${path} contains a character that cannot be stored (a NUL byte, or half of a UTF-16 surrogate pair); remove it.`,
    );
  }
}

/** Every key and text in a JSON value, to a bounded depth (a stack, so no value can overflow ours). */
function checkJson(path: string, value: unknown): void {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; depth: number };
    if (typeof item.value === 'string') checkText(path, item.value);
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= MAX_JSON_DEPTH) {
      throw invalid(path, `nests deeper than ${MAX_JSON_DEPTH} levels`);
    }
    for (const [key, child] of Object.entries(item.value)) {
      checkText(path, key);
      stack.push({ value: child, depth: item.depth + 1 });
    }
  }
}

/**
 * What an ID names, from its name: `caseId`, `caseIds` and `otherCaseId` a case, `id` the field's own
 * type. Every ID is a UUID except a workflow's, which is its slug ("foi").
 */
function uuidOwner(name: string, ownType: string): string | undefined {
  const what = name === 'id' ? ownType.toLowerCase() : name.replace(/Ids?$/, '');
  if (what === 'workflow') return undefined;
  if (/(^c|C)ase$/.test(what)) return 'case';
  return what === 'assignee' ? 'user' : what;
}

function checkValue(
  path: string,
  name: string,
  type: GraphQLInputType,
  value: unknown,
  ownType: string,
  cases: string[],
) {
  if (value === null || value === undefined) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (!Array.isArray(value)) return;
    for (const [i, item] of value.entries())
      checkValue(`${path}[${i}]`, name, inner.ofType, item, ownType, cases);
    return;
  }
  const named = getNamedType(inner);
  if (isInputObjectType(named)) {
    const fields = named.getFields();
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[key];
      if (field) checkValue(`${path}.${key}`, key, field.type, child, ownType, cases);
    }
    return;
  }
  if (named.name === 'JSON' || named.name === 'JSONObject') return checkJson(path, value);
  if (typeof value !== 'string') return;
  checkText(path, value);
  if (named.name === 'ID') {
    const what = uuidOwner(name, ownType);
    if (what && !isUuid(value)) throw notFound(what, value);
    if (what === 'case') cases.push(value);
  }
}

/** Per root field of the schema: its arguments and the type it returns, looked up once. */
const fieldChecks = new WeakMap<
  object,
  { args: readonly { name: string; type: GraphQLInputType }[]; ownType: string }
>();

/**
 * Checks every argument of a query or mutation before its resolver runs, so no value PostgreSQL
 * would fault on reaches it: unstorable text (anywhere, JSON included) is VALIDATION_FAILED naming
 * the field, an id that is not a UUID is NOT_FOUND, JSON nested past MAX_JSON_DEPTH is refused.
 * Returns the cases the arguments name (by the rule of uuidOwner), for the guard to check who may see them.
 * Called by the guard once it has let the call through (a plain call: an interceptor would wrap every
 * resolver call in an observable pipeline); field resolvers below the root are not checked.
 */
export function checkArguments(context: ExecutionContext): string[] {
  const cases: string[] = [];
  if (context.getType<GqlContextType>() !== 'graphql') return cases;
  const info = context.getArgByIndex<GraphQLResolveInfo>(3);
  if (info.path.prev !== undefined) return cases;
  const field = info.parentType.getFields()[info.fieldName];
  if (!field) return cases;
  let check = fieldChecks.get(field);
  if (!check) {
    check = { args: field.args, ownType: getNamedType(info.returnType).name };
    fieldChecks.set(field, check);
  }
  const args = context.getArgByIndex<Record<string, unknown>>(1);
  for (const arg of check.args)
    checkValue(arg.name, arg.name, arg.type, args[arg.name], check.ownType, cases);
  return cases;
}
