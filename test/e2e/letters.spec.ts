import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Regime } from '@recordflow/calendar';
import {
  exemptionsFor,
  initialSnapshot,
  LETTER_TEMPLATES,
  step,
  validateWorkflow,
  type WorkflowDefinition,
} from '@recordflow/workflow';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { type LetterCase, letterData } from '../../apps/api/src/letters/letter-data';
import { letterDocx, letterPdf } from '../../apps/api/src/letters/letter-documents';
import {
  builtInTemplate,
  checkLetterRegime,
  checkTemplate,
  fillTemplate,
  LETTER_REGIMES,
} from '../../apps/api/src/letters/letter-template';
import { BARNET, EXAMPLE_LETTER_SECTIONS, exampleLetterCase } from '../support/example-letter';
import { expectSections } from '../support/letter-sections';

const normalise = (text: string) => text.replace(/\s+/g, ' ');

/** Every paragraph of the example letter, in order, in text extracted from a rendered file. */
function expectParagraphsInOrder(extracted: string) {
  const flat = normalise(extracted);
  let from = 0;
  for (const part of EXAMPLE_LETTER_SECTIONS.flatMap((s) => [s.heading ?? '', ...s.paragraphs])) {
    const at = flat.indexOf(normalise(part), from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + normalise(part).length;
  }
}

describe('the response letter for the example request', () => {
  const text = fillTemplate(
    builtInTemplate('response'),
    letterData(exampleLetterCase(), BARNET, '2026-01-16'),
  );

  it('is the council’s letter, section by section, each answer under its question', () => {
    expectSections(text, EXAMPLE_LETTER_SECTIONS);
  });

  it('does not answer the request’s section 12 paragraph as if it were a question', () => {
    expect(text).not.toMatch(/Section 12 and section 16/);
  });

  it('renders to a PDF whose extracted text has the same parts', async () => {
    const pdf = await letterPdf(text, 'Response 16336160');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text: extracted } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
      mergePages: true,
    });
    expectParagraphsInOrder(extracted as string);
  });

  it('renders to a DOCX whose document XML has the same parts', async () => {
    const docx = await letterDocx(text);
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string');
    const words = (xml ?? '')
      .replace(/<w:br\/>/g, ' ')
      .replace(/<\/w:p>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expectParagraphsInOrder(words);
  });
});

describe('letter templates', () => {
  it('refuse a field letters do not have, naming it', () => {
    expect(() => checkTemplate('Dear {{requester.name}}, your shoe size is {{requester.shoeSize}}.')).toThrow(
      /The template uses "requester\.shoeSize", which letters do not have\./,
    );
    expect(() => checkTemplate('{{#each questions}}{{question}} {{colour}}{{/each}}')).toThrow(/"colour"/);
    expect(() => checkTemplate('{{#if (eq regime colour)}}x{{/if}}')).toThrow(/"colour"/);
    expect(() => checkTemplate('{{#if (eq regime "sar")}}x{{/if}}')).not.toThrow();
    expect(() => checkTemplate(builtInTemplate('response'))).not.toThrow();
  });

  it('can branch on the regime', () => {
    const data = letterData({ ...exampleLetterCase(), regime: 'eisr' }, BARNET, '2026-01-16');
    expect(fillTemplate('{{#if (eq regime "eisr")}}EISR{{else}}other{{/if}} {{regulator.name}}', data)).toBe(
      'EISR The Scottish Information Commissioner',
    );
  });
});

const REGIMES: Regime[] = ['foi', 'eir', 'foisa', 'eisr', 'sar'];
const REQUEST_REFUSALS: Record<Regime, string[]> = {
  foi: ['vexatious'],
  foisa: ['vexatious'],
  eir: ['manifestly-unreasonable'],
  eisr: ['manifestly-unreasonable'],
  sar: ['manifestly-unfounded', 'manifestly-excessive'],
};

interface Rendered {
  regime: Regime;
  kind: string;
  variant: string;
  text: string;
}

/** A case of the regime with the given record, from the example case's dates and deadlines. */
function caseOf(regime: Regime, record: Record<string, unknown>, stage?: string): LetterCase {
  const example = exampleLetterCase();
  return {
    ...example,
    regime,
    requestText: 'How many cameras do you operate?\n\nHow many use facial recognition?',
    stage,
    context: {
      ...example.context,
      regime,
      record: {
        clarificationQuestion: 'Which wards do you mean?',
        identityRequested: 'A copy of your passport or driving licence.',
        authorityRequested: 'A signed letter of authority from the data subject.',
        feeAmount: 25,
        feeBreakdown: 'Photocopying 250 pages at 10p.',
        estimatedHours: 30,
        costEstimate: 'Searching 4,000 paper files at 30 seconds each.',
        adviceAndAssistance: 'Limit your request to one year.',
        extensionReason: 'Many records are in archive storage.',
        reviewOutcome: 'partly-overturned',
        reviewReasons: 'Some of the information can now be released.',
        ...record,
      },
    },
  };
}

/** Each outcome and refusal basis the regime's response can record. */
function responseRecords(regime: Regime): { variant: string; record: Record<string, unknown> }[] {
  const all = exemptionsFor(regime);
  const qualified = all.find((e) => e.qualified);
  const absolute = all.find((e) => !e.qualified);
  const cited = [qualified, absolute].filter((e) => e !== undefined).map((e) => e.code);
  const reasons = {
    exemptions: cited,
    exemptionReasons: cited.map((code) => `${code}: the reasons for ${code}.`).join('\n'),
    publicInterestReasons: qualified ? `${qualified.code}: the public interest for ${qualified.code}.` : '',
  };
  const answers = [
    { question: 'How many cameras do you operate?', answer: 'Forty.' },
    { question: 'How many use facial recognition?', answer: 'None.' },
  ];
  const sar = {
    processingPurposes: 'Council tax administration.',
    dataCategories: 'Name, address, payment history.',
    recipients: 'Our enforcement agents.',
    retention: 'Six years after the account closes.',
    dataSource: 'You, and the Valuation Office Agency.',
    automatedDecisionMaking: 'None.',
    transfers: 'None.',
  };
  return [
    { variant: 'granted-in-full', record: { outcome: 'granted-in-full', held: true, answers, ...sar } },
    {
      variant: 'granted-in-part',
      record: {
        outcome: 'granted-in-part',
        held: true,
        answers,
        refusalBasis: 'exemption',
        ...reasons,
        ...sar,
      },
    },
    { variant: 'not-held', record: { outcome: 'not-held', held: false, answers } },
    {
      variant: 'refused-in-full',
      record: { outcome: 'refused-in-full', held: true, answers, refusalBasis: 'exemption', ...reasons },
    },
    ...(regime === 'sar'
      ? []
      : [
          {
            variant: 'neither-confirm-nor-deny',
            record: {
              outcome: 'refused-in-full',
              held: true,
              answers,
              refusalBasis: 'neither-confirm-nor-deny',
              ...reasons,
            },
          },
        ]),
    ...REQUEST_REFUSALS[regime].map((basis) => ({
      variant: basis,
      record: { outcome: 'refused-in-full', held: true, answers, refusalBasis: basis },
    })),
  ];
}

/** Every letter of every regime: each kind the regime has, with each outcome and basis that applies. */
function everyLetter(): Rendered[] {
  const rendered: Rendered[] = [];
  for (const regime of REGIMES) {
    for (const kind of LETTER_TEMPLATES) {
      if (LETTER_REGIMES[kind] && !LETTER_REGIMES[kind].includes(regime)) continue;
      const variants: { variant: string; record: Record<string, unknown>; stage?: string }[] =
        kind === 'response' || kind === 'refusal-notice'
          ? responseRecords(regime).filter(
              (v) => kind === 'response' || !['granted-in-full', 'not-held'].includes(v.variant),
            )
          : kind === 'public-interest-extension'
            ? [{ variant: 'qualified', record: responseRecords(regime)[1]?.record ?? {} }]
            : kind === 'clarification-request' && regime === 'sar'
              ? [
                  { variant: 'identity', record: {}, stage: 'awaiting-identity' },
                  { variant: 'authority', record: {}, stage: 'awaiting-authority' },
                  { variant: 'clarification', record: {}, stage: 'clarification' },
                ]
              : kind === 'lapse-notice'
                ? [
                    { variant: 'clarification', record: {}, stage: 'clarification' },
                    { variant: 'fee', record: {}, stage: 'fees' },
                    ...(regime === 'sar'
                      ? [{ variant: 'identity', record: {}, stage: 'awaiting-identity' }]
                      : []),
                  ]
                : [{ variant: 'default', record: {} }];
      for (const { variant, record, stage } of variants) {
        const text = fillTemplate(
          builtInTemplate(kind),
          letterData(caseOf(regime, record, stage), BARNET, '2026-01-16'),
        );
        rendered.push({ regime, kind, variant, text });
      }
    }
  }
  return rendered;
}

/** Phrases that are wrong in a regime's letters: another law's sections, regulator, tribunal or remedies. */
const FORBIDDEN: Record<Regime, RegExp[]> = {
  foi: [/regulation \d/i, /Scottish/, /Court of Session/, /Article 1[25]/],
  eir: [
    /Freedom of Information Act 2000/,
    /section 1[0-7]\b/i,
    /section 12 of the Act/,
    /vexatious/i,
    /Scottish/,
    /Court of Session/,
    /Article 1[25]/,
  ],
  foisa: [
    /Freedom of Information Act 2000/,
    // FOISA s.17 is its own not-held notice; FOIA's s.17 refusal subsections are not.
    /section 17\((2|3|5|7)\)/,
    /refusal notice under section 17/,
    /section 10\(3\)/,
    /Section 16: advice/i,
    /advice and assistance under section 16/i,
    /Information Commissioner's Office/,
    /First-tier Tribunal/,
    /section 50/,
    /regulation \d/i,
    /Article 1[25]/,
  ],
  eisr: [
    /Freedom of Information Act 2000/,
    /Environmental Information Regulations 2004/,
    /section 1[0-7]\b/i,
    /vexatious/i,
    /Information Commissioner's Office/,
    /First-tier Tribunal/,
    /regulation 1[124]\b/,
    /regulation 12\(/,
    /section 50/,
    /Article 1[25]/,
  ],
  sar: [
    /internal review/i,
    /\breview\b/i,
    /\bappeal/i,
    /Freedom of Information/,
    /Environmental Information/,
    /section 1[0-7]\b/i,
    /working days/,
    /Scottish/,
    /First-tier Tribunal/,
  ],
};

/** What each regime's letters must say, by kind (and variant where it matters). */
function required(letter: Rendered): RegExp[] {
  const { regime, kind, variant } = letter;
  const notice = ['response', 'refusal-notice', 'section-12-refusal', 'public-interest-extension'].includes(
    kind,
  );
  const must: RegExp[] = [];
  if (regime === 'foi') {
    if (notice) must.push(/request a review/, /Information Commissioner's Office/, /by 13 March 2026/);
    if (kind === 'acknowledgement') must.push(/promptly and in any event by/);
    if (kind === 'fees-notice') must.push(/section 9/, /three months/);
    if (kind === 'section-12-refusal') must.push(/Section 16: advice and assistance/, /section 17\(5\)/);
    if (kind === 'public-interest-extension')
      must.push(/section 17\(1\)/, /section 10\(3\)/, /the reasons for s\./, /by .* \(section 17\(2\)\)/);
  }
  if (regime === 'foisa' || regime === 'eisr') {
    if (notice || kind === 'fees-notice' || kind === 'internal-review-outcome')
      must.push(/Scottish Information Commissioner/, /six months/, /Court of Session/);
    if (notice || kind === 'fees-notice') must.push(regime === 'foisa' ? /section 20/ : /regulation 16/);
  }
  if (regime === 'foisa' && kind === 'section-12-refusal')
    must.push(/Section 15: advice and assistance/, /section 16\(4\)/);
  if (regime === 'foisa' && kind === 'refusal-notice') must.push(/section 16 of the Act/);
  if (regime === 'eir' || regime === 'eisr') {
    if (kind === 'fees-notice') must.push(/60 working days/);
    if (kind === 'extension-notice') must.push(/regulation 7/);
  }
  if (regime === 'eir') {
    if (notice) must.push(/regulation 11/, /Information Commissioner's Office/);
    if (kind === 'refusal-notice') must.push(/regulation 14/);
    if (kind === 'response' && variant === 'not-held') must.push(/regulation 12\(4\)\(a\)/, /regulation 14/);
  }
  if (regime === 'eisr' && kind === 'response' && variant === 'not-held')
    must.push(/regulation 10\(4\)\(a\)/);
  if (regime === 'sar') {
    if (notice) must.push(/Information Commissioner/, /judicial remedy/);
    if (kind === 'response' && ['granted-in-full', 'granted-in-part'].includes(variant))
      must.push(
        /Article 15\(3\)/,
        /\(Article 15\(1\)\(a\)\): Council tax administration/,
        /Article 15\(1\)\(b\)/,
        /Article 15\(1\)\(c\)/,
        /Article 15\(1\)\(d\)/,
        /Article 15\(1\)\(g\)/,
        /Article 15\(1\)\(h\)/,
        /Article 15\(2\)/,
        /rectification/,
        /erase/,
        /restrict/,
        /object/,
      );
    if (kind === 'refusal-notice') must.push(/Article 12\(4\)/);
    if (kind === 'extension-notice') must.push(/complexity and number of the requests/);
    if (kind === 'clarification-request')
      must.push(variant === 'clarification' ? /paused/ : /starts on the day we receive/);
  }
  if (kind === 'refusal-notice' && ['granted-in-part', 'refused-in-full', 'not-held'].includes(variant))
    must.push(/the reasons for/);
  return must;
}

describe('the letters of every regime', () => {
  const letters = everyLetter();

  it('covers every kind each regime has, with each outcome and refusal basis', () => {
    for (const regime of REGIMES) {
      const kinds = new Set(letters.filter((l) => l.regime === regime).map((l) => l.kind));
      expect(kinds.size, regime).toBe(
        LETTER_TEMPLATES.filter((k) => !LETTER_REGIMES[k] || LETTER_REGIMES[k].includes(regime)).length,
      );
    }
    expect(letters.length).toBeGreaterThan(80);
  });

  it('never use another law’s sections, regulator, tribunal or remedies', () => {
    for (const letter of letters) {
      for (const phrase of FORBIDDEN[letter.regime]) {
        expect(letter.text, `${letter.regime} ${letter.kind} (${letter.variant}) says ${phrase}`).not.toMatch(
          phrase,
        );
      }
    }
  });

  it('say what their law requires', () => {
    for (const letter of letters) {
      for (const phrase of required(letter)) {
        expect(letter.text, `${letter.regime} ${letter.kind} (${letter.variant}) lacks ${phrase}`).toMatch(
          phrase,
        );
      }
    }
  });

  it('print human words, never codes or blanks', () => {
    for (const letter of letters) {
      const where = `${letter.regime} ${letter.kind} (${letter.variant})`;
      expect(letter.text, where).not.toMatch(
        /\{\{|undefined|\[object|granted-in|refused-in|not-held|partly-overturned|neither-confirm|manifestly-/,
      );
      expect(letter.text, where).toMatch(/^16 January 2026\nOur ref: 16336160/);
    }
  });

  it('follow each cited exemption with its own reasons, and its public interest reasons when qualified', () => {
    for (const letter of letters.filter(
      (l) => l.kind === 'refusal-notice' && l.variant === 'refused-in-full',
    )) {
      const all = exemptionsFor(letter.regime);
      const qualified = all.find((e) => e.qualified);
      const absolute = all.find((e) => !e.qualified);
      for (const exemption of [qualified, absolute].filter((e) => e !== undefined)) {
        const at = letter.text.indexOf(`# ${exemption.code} ${exemption.title}`);
        expect(at, `${letter.regime} cites ${exemption.code}`).toBeGreaterThan(0);
        const after = letter.text.slice(at).split('\n# ')[0] as string;
        expect(after).toContain(`the reasons for ${exemption.code}.`);
        if (exemption.qualified) expect(after).toContain(`the public interest for ${exemption.code}.`);
        const other = exemption === qualified ? absolute : qualified;
        if (other) expect(after).not.toContain(`the reasons for ${other.code}.`);
      }
    }
  });

  it('are refused for a kind the regime’s law has no such letter for', () => {
    expect(() => checkLetterRegime('review-acknowledgement', 'sar')).toThrow(
      /no "review-acknowledgement" letter/,
    );
    expect(() => checkLetterRegime('public-interest-extension', 'foisa')).toThrow(/FOI requests only/);
    expect(() => checkLetterRegime('response', 'sar')).not.toThrow();
  });
});

describe('refusals that must not answer', () => {
  const letters = everyLetter();
  const find = (regime: Regime, kind: string, variant: string) =>
    letters.find((l) => l.regime === regime && l.kind === kind && l.variant === variant)?.text ?? '';

  it('neither confirm nor deny never reveals whether the information is held, nor answers', () => {
    for (const regime of ['foi', 'eir', 'foisa', 'eisr'] as Regime[]) {
      for (const kind of ['response', 'refusal-notice']) {
        const text = find(regime, kind, 'neither-confirm-nor-deny');
        expect(text, `${regime} ${kind}`).toMatch(/neither confirm nor deny whether we hold/);
        expect(text, `${regime} ${kind}`).not.toMatch(
          /holds the information|does not hold|answers to your questions/,
        );
        expect(text, `${regime} ${kind}`).toMatch(/should not be taken as an indication/);
      }
    }
    expect(find('foi', 'refusal-notice', 'neither-confirm-nor-deny')).toMatch(/section 1\(1\)\(a\)/);
    expect(find('foisa', 'refusal-notice', 'neither-confirm-nor-deny')).toMatch(/section 18\(1\)/);
    expect(find('eir', 'refusal-notice', 'neither-confirm-nor-deny')).toMatch(/regulation 12\(6\)/);
    expect(find('eisr', 'refusal-notice', 'neither-confirm-nor-deny')).toMatch(/regulation 10\(8\)/);
  });

  it('a section 14 refusal says section 14 applies and gives no answers', () => {
    for (const kind of ['response', 'refusal-notice']) {
      const foi = find('foi', kind, 'vexatious');
      expect(foi, kind).toMatch(/section 14 of the Act applies/);
      expect(foi, kind).toMatch(/section 17\(5\)/);
      expect(foi, kind).not.toMatch(/holds the information|Forty\./);
      expect(find('foisa', kind, 'vexatious'), kind).toMatch(
        /section 14 of the Act applies.*section 16\(5\)/s,
      );
      expect(find('eir', kind, 'manifestly-unreasonable'), kind).toMatch(/regulation 12\(4\)\(b\)/);
      expect(find('eisr', kind, 'manifestly-unreasonable'), kind).toMatch(/regulation 10\(4\)\(b\)/);
      expect(find('sar', kind, 'manifestly-excessive'), kind).toMatch(
        /manifestly excessive \(Article 12\(5\)\(b\)/,
      );
    }
  });
});

describe('a lapse letter says why the request lapsed', () => {
  const foi = validateWorkflow(JSON.parse(readFileSync(join(__dirname, '../../workflows/foi.json'), 'utf8')))
    .definition as WorkflowDefinition;
  const lapsed = (event: { type: string; payload?: Record<string, unknown> }) => {
    let snapshot = initialSnapshot(foi, { receivedOn: '2026-01-14' }).snapshot;
    snapshot = step(foi, snapshot, event, '2026-01-15').snapshot;
    snapshot = step(foi, snapshot, { type: 'LAPSE' }, '2026-04-16').snapshot;
    const [stage, at] =
      typeof snapshot.value === 'string' ? [snapshot.value] : (Object.entries(snapshot.value)[0] ?? []);
    const letter = { ...exampleLetterCase(), context: snapshot.context, stage, step: at };
    return fillTemplate(builtInTemplate('lapse-notice'), letterData(letter, BARNET, '2026-04-16'));
  };

  it('an unpaid fee: not paid within three months (s.9(2))', () => {
    const text = lapsed({ type: 'ISSUE_FEES_NOTICE', payload: { feeAmount: 25, feeBreakdown: 'Copies.' } });
    expect(text).toMatch(/was not paid within three months beginning with the day the notice was given/);
    expect(text).toMatch(/section 9\(2\)/);
  });

  it('an unanswered clarification: we have not heard from you', () => {
    const text = lapsed({
      type: 'REQUEST_CLARIFICATION',
      payload: { clarificationQuestion: 'Which wards?' },
    });
    expect(text).toMatch(/We have not heard from you about the clarification/);
  });
});
