import { refusal } from '../common/errors';

type Mupdf = typeof import('mupdf');
let loaded: Promise<Mupdf> | undefined;
/** mupdf is an ES module with WebAssembly inside: loaded once, on first use. */
export const loadMupdf = (): Promise<Mupdf> => {
  loaded ??= import('mupdf');
  return loaded;
};

export type Box = [number, number, number, number];

export interface RedactionRequest {
  exemption: string;
  reason: string;
  /** 1-based. */
  page: number;
  text?: string | null;
  rect?: number[] | null;
}

export interface AppliedRedaction extends RedactionRequest {
  text: string | null;
  /** The boxes blacked out for this request. */
  rects: Box[];
}

const isOrdered = ([x0, y0, x1, y1]: Box) => x0 < x1 && y0 < y1;
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * True redaction: each request becomes Redact annotations (the rectangle, or every place the text
 * is found on the page, or the places inside the rectangle), then mupdf removes the text, images and
 * vector graphics under them and paints black boxes. The saved file keeps no unreferenced objects.
 */
export async function redactPdf(
  bytes: Uint8Array,
  requests: RedactionRequest[],
): Promise<{ pdf: Buffer; applied: AppliedRedaction[] }> {
  const mupdf = await loadMupdf();
  let document: InstanceType<Mupdf['PDFDocument']>;
  try {
    document = mupdf.Document.openDocument(bytes, 'application/pdf') as InstanceType<Mupdf['PDFDocument']>;
  } catch {
    throw refusal('VALIDATION_FAILED', 'This file is not a PDF that can be read; it cannot be redacted.');
  }
  try {
    const pages = document.countPages();
    const applied: AppliedRedaction[] = [];
    const touched = new Map<number, InstanceType<Mupdf['PDFPage']>>();
    requests.forEach((request, index) => {
      const field = `redactions[${index}]`;
      if (!Number.isInteger(request.page) || request.page < 1 || request.page > pages) {
        throw refusal(
          'VALIDATION_FAILED',
          `${field}: page ${request.page} is not in the document (1–${pages}).`,
        );
      }
      const text = request.text?.trim() || null;
      const rect = request.rect ?? null;
      if (!text && !rect)
        throw refusal('VALIDATION_FAILED', `${field}: give the text to remove, a rect, or both.`);
      if (rect && (rect.length !== 4 || rect.some((n) => !Number.isFinite(n)) || !isOrdered(rect as Box))) {
        throw refusal(
          'VALIDATION_FAILED',
          `${field}: rect must be [x0, y0, x1, y1] with x0 < x1 and y0 < y1.`,
        );
      }
      const page =
        touched.get(request.page) ?? (document.loadPage(request.page - 1) as InstanceType<Mupdf['PDFPage']>);
      touched.set(request.page, page);
      let rects: Box[] = rect ? [rect as Box] : [];
      if (text) {
        const hits = page.search(text, '').map((quads) => boundsOf(quads.flat()));
        rects = rect ? hits.filter((hit) => overlaps(hit, rect as Box)) : hits;
        if (rects.length === 0) {
          throw refusal(
            'VALIDATION_FAILED',
            `${field}: "${text}" is not on page ${request.page}${rect ? ' inside the rect' : ''}.`,
          );
        }
      }
      for (const box of rects) page.createAnnotation('Redact').setRect(box);
      applied.push({ ...request, text, rect, rects });
    });
    for (const page of touched.values()) {
      page.applyRedactions(
        true,
        mupdf.PDFPage.REDACT_IMAGE_PIXELS,
        mupdf.PDFPage.REDACT_LINE_ART_REMOVE_IF_COVERED,
        mupdf.PDFPage.REDACT_TEXT_REMOVE,
      );
    }
    // garbage=4 drops objects nothing refers to any more (a removed image's stream, say).
    const pdf = Buffer.from(document.saveToBuffer('garbage=4,compress').asUint8Array());
    return { pdf, applied };
  } finally {
    document.destroy();
  }
}

/** Where a text is on each page (for the browser's search), as boxes in PDF points. */
export async function findText(bytes: Uint8Array, text: string): Promise<{ page: number; rect: Box }[]> {
  const mupdf = await loadMupdf();
  const document = mupdf.Document.openDocument(bytes, 'application/pdf');
  try {
    const found: { page: number; rect: Box }[] = [];
    for (let i = 0; i < document.countPages(); i++) {
      const page = document.loadPage(i);
      for (const quads of page.search(text, '')) found.push({ page: i + 1, rect: boundsOf(quads.flat()) });
    }
    return found;
  } finally {
    document.destroy();
  }
}

const PATTERNS: { kind: string; regex: RegExp }[] = [
  { kind: 'e-mail address', regex: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  // UK numbers: 0 or +44, then 9–10 digits in groups.
  { kind: 'phone number', regex: /(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b/g },
];

/** E-mail addresses and phone numbers in a PDF, each with where it is, for the officer to review. */
export async function findPersonalData(bytes: Uint8Array) {
  const mupdf = await loadMupdf();
  const document = mupdf.Document.openDocument(bytes, 'application/pdf');
  try {
    const found: { page: number; rect: Box; text: string; kind: string }[] = [];
    for (let i = 0; i < document.countPages(); i++) {
      const page = document.loadPage(i);
      const text = page.toStructuredText('').asText();
      for (const { kind, regex } of PATTERNS) {
        for (const match of new Set([...text.matchAll(regex)].map((m) => m[0].trim()))) {
          for (const quads of page.search(match, '')) {
            found.push({ page: i + 1, rect: boundsOf(quads.flat()), text: match, kind });
          }
        }
      }
    }
    return found;
  } finally {
    document.destroy();
  }
}

function boundsOf(points: number[]): Box {
  const xs = points.filter((_, i) => i % 2 === 0);
  const ys = points.filter((_, i) => i % 2 === 1);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Each page as a PNG (for drawing boxes in the browser), with its size in PDF points. */
export async function renderPages(bytes: Uint8Array, scale = 1.5) {
  const mupdf = await loadMupdf();
  const document = mupdf.Document.openDocument(bytes, 'application/pdf');
  try {
    const pages = [];
    for (let i = 0; i < Math.min(document.countPages(), 200); i++) {
      const page = document.loadPage(i);
      const [x0, y0, x1, y1] = page.getBounds();
      const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
      pages.push({
        page: i + 1,
        width: x1 - x0,
        height: y1 - y0,
        pngBase64: Buffer.from(pixmap.asPNG()).toString('base64'),
      });
      pixmap.destroy();
    }
    return pages;
  } finally {
    document.destroy();
  }
}
