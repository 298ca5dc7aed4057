import fc from 'fast-check';
import { canonicalize } from 'json-canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson, portableSha256Hex, sha256Hex } from './canonical';
import { BUILT_INS, rawWorkflow } from './test-support/built-ins';

/** The outcome of a serialiser: its text, or that it refused. */
const outcome = (serialise: (value: unknown) => string, value: unknown) => {
  try {
    return { text: serialise(value) };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

const sameAsJsonCanonicalize = (value: unknown) => {
  expect(outcome(canonicalJson, value)).toEqual(outcome(canonicalize, value));
};

// Keys that sort differently by code unit than by any other rule, and keys objects treat specially.
const awkwardKey = fc.constantFrom(
  'a',
  'B',
  'é',
  '\u20ac',
  '\ud83d\ude00',
  '\ufb33',
  '1',
  '10',
  '2',
  '01',
  '-1',
  '4294967295',
  '',
  ' ',
  '"',
  '\\',
  '\n',
  '__proto__',
  'constructor',
  'toJSON',
);
const key = fc.oneof(awkwardKey, fc.string({ unit: 'binary' }), fc.string());
// Values beside plain JSON that a JavaScript caller could pass: undefined, -0, non-finite numbers, dates.
const leaf = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1e21, 1e-7, 5e-324, Number.MAX_SAFE_INTEGER + 2, true, false, null, undefined),
  fc.date({ noInvalidDate: true }),
);
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object'), tie('sparse')),
  array: fc.array(tie('any'), { maxLength: 6 }),
  object: fc.dictionary(key, tie('any'), { maxKeys: 8 }),
  sparse: fc.sparseArray(tie('any'), { maxLength: 6 }),
})).any;

describe('canonicalJson', () => {
  it('writes what json-canonicalize writes for plain JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), sameAsJsonCanonicalize), { numRuns: 3000 });
  });

  it('writes or refuses as json-canonicalize does for awkward keys, numbers, undefined, dates and holes', () => {
    fc.assert(fc.property(value, sameAsJsonCanonicalize), { numRuns: 5000 });
  });

  it('writes the built-in workflow definitions, parsed and as objects with keys in canonical order, identically', () => {
    for (const name of BUILT_INS) {
      const definition = rawWorkflow(name);
      sameAsJsonCanonicalize(definition);
      sameAsJsonCanonicalize(JSON.parse(canonicalize(definition)));
    }
  });

  it('refuses cycles, non-finite numbers and big integers, as json-canonicalize does', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = { back: cycle };
    for (const bad of [cycle, { n: Number.NaN }, [Number.POSITIVE_INFINITY], { big: 1n }]) {
      expect(outcome(canonicalJson, bad)).toHaveProperty('error');
      sameAsJsonCanonicalize(bad);
    }
  });

  it('writes deeply nested values like json-canonicalize', () => {
    let deep: unknown = { z: 1, a: [2] };
    for (let i = 0; i < 300; i++) deep = { b: deep, a: i };
    sameAsJsonCanonicalize(deep);
  });

  it('gives the RFC 8785 example its published canonical form', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });
});

describe('sha256Hex', () => {
  it('gives the same digest natively as the portable implementation, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(portableSha256Hex(text));
      }),
      { numRuns: 2000 },
    );
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
