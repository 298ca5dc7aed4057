import fc from 'fast-check';
import { canonicalize } from 'json-canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson, portableSha256Hex, sameCanonicalJson, sha256Hex } from './canonical';
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
  }, 60_000);

  it('writes or refuses as json-canonicalize does for awkward keys, numbers, undefined, dates and holes', () => {
    fc.assert(fc.property(value, sameAsJsonCanonicalize), { numRuns: 5000 });
  }, 60_000);

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

describe('sameCanonicalJson', () => {
  const sameText = (a: unknown, b: unknown) => {
    const [left, right] = [outcome(canonicalize, a), outcome(canonicalize, b)];
    return 'error' in left || 'error' in right ? undefined : left.text === right.text;
  };
  const agrees = (a: unknown, b: unknown) => {
    const expected = sameText(a, b);
    if (expected === undefined) expect(() => sameCanonicalJson(a, b)).toThrow();
    else expect(sameCanonicalJson(a, b)).toBe(expected);
  };

  it('agrees with comparing json-canonicalize text, for random pairs and for a value and its reordered copy', () => {
    fc.assert(fc.property(value, value, agrees), { numRuns: 1000 });
    fc.assert(
      fc.property(value, (v) => {
        agrees(v, v);
        const text = outcome(canonicalize, v);
        if ('text' in text && text.text !== undefined && text.text !== 'undefined') {
          agrees(v, JSON.parse(text.text));
        }
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('sees one changed leaf deep in a snapshot-like value, and ignores key order and undefined fields', () => {
    const stored = {
      value: { response: 'approval' },
      context: { deadlines: { response: { due: '2026-02-11' } } },
    };
    expect(
      sameCanonicalJson(stored, {
        context: { deadlines: { response: { due: '2026-02-11' } } },
        value: { response: 'approval' },
        extra: undefined,
      }),
    ).toBe(true);
    expect(
      sameCanonicalJson(stored, {
        value: { response: 'approval' },
        context: { deadlines: { response: { due: '2026-02-12' } } },
      }),
    ).toBe(false);
    expect(sameCanonicalJson([undefined, 0], [null, -0])).toBe(true);
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
  }, 60_000);
});
