import { LETTER_TEMPLATES } from '@recordflow/workflow';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { letterData } from '../../apps/api/src/letters/letter-data';
import { letterDocx, letterPdf } from '../../apps/api/src/letters/letter-documents';
import { builtInTemplate, checkTemplate, fillTemplate } from '../../apps/api/src/letters/letter-template';
import { BARNET, EXAMPLE_ANSWERS, EXAMPLE_REQUEST, exampleLetterCase } from '../support/example-letter';

const normalise = (text: string) => text.replace(/\s+/g, ' ');

/** The parts a reader checks in the example response letter, in the order they appear. */
function expectLetterParts(text: string) {
  const flat = normalise(text);
  const parts = [
    'Our ref: 16336160',
    'Thank you for your request received on 14 January 2026',
    ...EXAMPLE_REQUEST.split('\n\n'),
    'We have processed this request under the Freedom of Information Act 2000.',
    'Response',
    'London Borough of Barnet holds the information requested and the answers to your questions are below.',
    EXAMPLE_REQUEST.split('\n\n')[0],
    EXAMPLE_ANSWERS.split('\n\n')[0],
    EXAMPLE_REQUEST.split('\n\n')[1],
    EXAMPLE_ANSWERS.split('\n\n')[1],
    'Section 12 and section 16',
    'You asked for advice and assistance under section 16 should the cost limit in section 12 apply.',
    'Your rights',
    'you can request a review within the next 40 working days, that is by 13 March 2026',
    'foi@barnet.gov.uk',
    "The Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF (telephone: 0303 123 1113; website www.ico.org.uk)",
  ].map((p) => normalise(p as string));
  let from = 0;
  for (const part of parts) {
    const at = flat.indexOf(part, from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

describe('the response letter for the example request', () => {
  const text = fillTemplate(
    builtInTemplate('response'),
    letterData(exampleLetterCase(), BARNET, '2026-01-16'),
  );

  it('has every part of the council’s letter, in order, with the review deadline as a date', () => {
    expect(text.startsWith('16 January 2026\nOur ref: 16336160')).toBe(true);
    expectLetterParts(text);
  });

  it('renders to a PDF whose extracted text has the same parts', async () => {
    const pdf = await letterPdf(text, 'Response 16336160');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text: extracted } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
      mergePages: true,
    });
    expectLetterParts(extracted as string);
  });

  it('renders to a DOCX whose document XML has the same parts', async () => {
    const docx = await letterDocx(text);
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string');
    const words = (xml ?? '')
      .replace(/<w:br\/>/g, ' ')
      .replace(/<\/w:p>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
    expectLetterParts(words);
  });
});

describe('letter templates', () => {
  it('refuse a field letters do not have, naming it', () => {
    expect(() => checkTemplate('Dear {{requester.name}}, your shoe size is {{requester.shoeSize}}.')).toThrow(
      /The template uses "requester\.shoeSize", which letters do not have\./,
    );
    expect(() => checkTemplate('{{#each questions}}{{question}} {{colour}}{{/each}}')).toThrow(/"colour"/);
    expect(() => checkTemplate(builtInTemplate('response'))).not.toThrow();
  });
});

describe('the built-in templates', () => {
  it('exist for every letter a workflow can queue, use only known fields, and fill', () => {
    for (const kind of LETTER_TEMPLATES) {
      const template = builtInTemplate(kind);
      expect(() => checkTemplate(template), kind).not.toThrow();
      const text = fillTemplate(template, letterData(exampleLetterCase(), BARNET, '2026-01-16'));
      expect(text, kind).toMatch(/^16 January 2026\nOur ref: 16336160/);
      expect(text, kind).not.toMatch(/\{\{|undefined/);
    }
  });
});
