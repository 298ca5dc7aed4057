import { expect } from 'vitest';

export interface LetterSection {
  heading: string | null;
  paragraphs: string[];
}

/** A letter's lines as a reader sees them: headings ("# ") apart, quotes without their mark. */
function linesOf(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) =>
      line.startsWith('# ')
        ? { heading: true, text: line.slice(2) }
        : { heading: false, text: line.replace(/^> /, '') },
    );
}

/**
 * Checks that the letter has each section in order: its heading, then each of its paragraphs, in order,
 * before the next heading. Salutation and sign-off around them are allowed.
 */
export function expectSections(text: string, sections: LetterSection[]) {
  const lines = linesOf(text);
  let at = 0;
  for (const section of sections) {
    if (section.heading !== null) {
      const found = lines.findIndex((l, i) => i >= at && l.heading && l.text === section.heading);
      expect(found, `heading "${section.heading}"`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
    const end = lines.findIndex((l, i) => i >= at && l.heading);
    const bound = end === -1 ? lines.length : end;
    for (const paragraph of section.paragraphs) {
      const found = lines.findIndex((l, i) => i >= at && i < bound && !l.heading && l.text === paragraph);
      expect(found, `"${paragraph}" under ${section.heading ?? 'the opening'}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  }
}
