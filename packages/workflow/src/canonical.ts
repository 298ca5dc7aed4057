import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * RFC 8785 canonical JSON, byte for byte what json-canonicalize's canonicalize() writes (its tests
 * compare the two on random and recorded values), several times faster: hashing and verifying every
 * event spends much of its time here. Plain data is written directly; what is not (toJSON, other
 * prototypes, holes …) goes through JSON.stringify of a sorted copy, or the careful writer.
 */
export function canonicalJson(value: unknown): string {
  const written = value === undefined ? UNSUPPORTED : writePlain(value, 0);
  if (written !== UNSUPPORTED) return written;
  const ordered = value === undefined ? UNSUPPORTED : inCanonicalOrder(value, 0);
  // Plain JSON with its keys in canonical order is exactly what V8's own JSON.stringify writes.
  return ordered === UNSUPPORTED ? write(value, []) : JSON.stringify(ordered);
}

/**
 * canonicalJson(value) when the value is plain data (strings, finite numbers, booleans, null, arrays
 * without holes, objects of Object.prototype or of none), else undefined: for a caller that writes the
 * outer object itself and falls back to canonicalJson of the whole when a part is not plain.
 */
export function plainCanonicalJson(value: unknown): string | undefined {
  const written = writePlain(value, 0);
  return written === UNSUPPORTED ? undefined : written;
}

/** Characters JSON.stringify escapes in a string (quote, backslash, controls, lone surrogates), and all surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what JSON escapes
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON.stringify writes it: most need no escape, and quoting those is far cheaper than calling it. */
const jsonText = (text: string): string => (ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`);

/** Each key as written before its value ("key":); keys recur from object to object. Bounded. */
const keyTexts = new Map<string, string>();
const MAX_KEY_TEXTS = 10_000;

function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = `${jsonText(key)}:`;
    if (keyTexts.size < MAX_KEY_TEXTS) keyTexts.set(key, text);
  }
  return text;
}

/**
 * The canonical JSON of plain data, written directly; UNSUPPORTED for anything else (toJSON, functions,
 * symbols, non-finite numbers, holes, index or __proto__ keys, other prototypes, very deep or cyclic
 * values), which the older paths then write exactly as before. Keys are sorted by UTF-16 code units, as
 * RFC 8785 requires; strings and numbers are written as JSON.stringify writes them, which RFC 8785 adopts.
 */
function writePlain(value: unknown, depth: number): string | typeof UNSUPPORTED {
  switch (typeof value) {
    case 'string':
      return jsonText(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : UNSUPPORTED;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return UNSUPPORTED;
  }
  if (value === null) return 'null';
  if (depth > MAX_FAST_DEPTH || (value as { toJSON?: unknown }).toJSON != null) return UNSUPPORTED;
  const prototype = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (prototype !== Array.prototype) return UNSUPPORTED;
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return UNSUPPORTED;
      const element: unknown = value[i];
      const written = element === undefined ? 'null' : writePlain(element, depth + 1);
      if (written === UNSUPPORTED) return UNSUPPORTED;
      out += i === 0 ? written : `,${written}`;
    }
    return `${out}]`;
  }
  if (prototype !== Object.prototype && prototype !== null) return UNSUPPORTED;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 1; i < keys.length; i++) {
    if (!((keys[i - 1] as string) < (keys[i] as string))) {
      // Array#sort compares strings by UTF-16 code units, the order RFC 8785 requires.
      keys.sort();
      break;
    }
  }
  let out = '{';
  for (const key of keys) {
    if (key === '__proto__' || isIndexKey(key)) return UNSUPPORTED;
    const field = record[key];
    if (field === undefined) continue;
    const written = writePlain(field, depth + 1);
    if (written === UNSUPPORTED) return UNSUPPORTED;
    out += out.length === 1 ? keyText(key) + written : `,${keyText(key)}${written}`;
  }
  return `${out}}`;
}

/**
 * True when the two values have the same canonical JSON. Compares structure first, which is cheaper
 * than writing both out; any difference it sees is confirmed (or not) by comparing the canonical text.
 */
export function sameCanonicalJson(a: unknown, b: unknown): boolean {
  return sameStructure(a, b, 0) || canonicalJson(a) === canonicalJson(b);
}

/** Strictly plain and equal; false whenever unsure (the caller then compares canonical text). */
function sameStructure(a: unknown, b: unknown, depth: number): boolean {
  if (a === null || typeof a === 'string' || typeof a === 'boolean') return a === b;
  if (typeof a === 'number') return a === b && Number.isFinite(a);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (depth > MAX_FAST_DEPTH) return false;
  if ((a as { toJSON?: unknown }).toJSON != null || (b as { toJSON?: unknown }).toJSON != null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (!(i in a) || !(i in b) || !sameStructure(a[i], b[i], depth + 1)) return false;
    }
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let fields = 0;
  for (const key of Object.keys(left)) {
    const value = left[key];
    if (value === undefined) continue;
    if (!Object.hasOwn(right, key) || !sameStructure(value, right[key], depth + 1)) return false;
    fields++;
  }
  for (const key of Object.keys(right)) if (right[key] !== undefined) fields--;
  return fields === 0;
}

const UNSUPPORTED = Symbol('not plain JSON');
const MAX_FAST_DEPTH = 100;

/** An array index ("0", "17"): objects list these first, in numeric order, whatever the sort says. */
const isIndexKey = (key: string) => {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d*)$/.test(key);
};

/**
 * The value itself when its objects' keys are already sorted, a copy with sorted keys when not, or
 * UNSUPPORTED for anything JSON.stringify would write differently (toJSON, functions, symbols,
 * non-finite numbers, array holes, index or __proto__ keys, very deep or cyclic values).
 */
function inCanonicalOrder(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : UNSUPPORTED;
    case 'object':
      break;
    default:
      return UNSUPPORTED;
  }
  if (value === null) return value;
  if (depth > MAX_FAST_DEPTH || (value as { toJSON?: unknown }).toJSON != null) return UNSUPPORTED;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return UNSUPPORTED;
      const element: unknown = value[i];
      const ordered = inCanonicalOrder(element, depth + 1);
      if (ordered === UNSUPPORTED) return UNSUPPORTED;
      if (ordered !== element && !copy) copy = value.slice(0, i);
      copy?.push(ordered);
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let sorted = true;
  // The fields in canonical order, made only once one of them differs from the original.
  let fields: unknown[] | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key === '__proto__' || isIndexKey(key)) return UNSUPPORTED;
    if (i > 0 && !((keys[i - 1] as string) < key)) sorted = false;
    const field = record[key];
    const ordered = inCanonicalOrder(field, depth + 1);
    if (ordered === UNSUPPORTED) return UNSUPPORTED;
    if (ordered !== field && !fields) fields = keys.slice(0, i).map((k) => record[k]);
    fields?.push(ordered);
  }
  if (sorted && !fields) return value;
  if (sorted) {
    // A spread keeps the object's shape, which JSON.stringify writes fastest.
    const copy = { ...record };
    keys.forEach((key, i) => {
      copy[key] = fields?.[i];
    });
    return copy;
  }
  const order = keys.map((_, i) => i).sort((a, b) => ((keys[a] as string) < (keys[b] as string) ? -1 : 1));
  const copy: Record<string, unknown> = {};
  for (const i of order) copy[keys[i] as string] = fields ? fields[i] : record[keys[i] as string];
  return copy;
}

/** The careful writer, for what the fast path leaves: mirrors json-canonicalize step by step. */
function write(value: unknown, ancestors: object[]): string {
  if (value === null || typeof value !== 'object' || (value as { toJSON?: unknown }).toJSON != null) {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new Error(`Non-finite number (${value}) is not permitted in JSON (RFC 8785 §3.2.2.3)`);
    }
    // Strings and numbers are serialised as ECMAScript's JSON.stringify does, which RFC 8785 adopts.
    return String(JSON.stringify(value));
  }
  if (ancestors.includes(value)) throw new Error('Circular reference detected');
  ancestors.push(value);
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    let next = false;
    // forEach skips the holes of a sparse array, as json-canonicalize does.
    value.forEach((element: unknown) => {
      if (next) out += ',';
      next = true;
      out += element === undefined ? 'null' : write(element, ancestors);
    });
    out += ']';
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    // Sorted by UTF-16 code units, as RFC 8785 requires and Array#sort does by default.
    keys.sort();
    out = '{';
    let next = false;
    for (const key of keys) {
      const field = record[key];
      if (field === undefined) continue;
      if (next) out += ',';
      next = true;
      out += `${JSON.stringify(key)}:${write(field, ancestors)}`;
    }
    out += '}';
  }
  ancestors.pop();
  return out;
}

type NodeCrypto = {
  hash?: (algorithm: 'sha256', text: string, encoding: 'hex') => string;
  createHash(algorithm: 'sha256'): {
    update(text: string, encoding: 'utf8'): { digest(encoding: 'hex'): string };
  };
};

// Node's native SHA-256 where there is one (api, CLI); the pure implementation elsewhere (a browser).
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

/** SHA-256 of the text's UTF-8 bytes with the pure implementation: what a browser uses. */
export const portableSha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/** SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits. */
export const sha256Hex: (text: string) => string = !nodeCrypto
  ? portableSha256Hex
  : nodeCrypto.hash
    ? (text) => (nodeCrypto.hash as NonNullable<NodeCrypto['hash']>)('sha256', text, 'hex')
    : (text) => nodeCrypto.createHash('sha256').update(text, 'utf8').digest('hex');
