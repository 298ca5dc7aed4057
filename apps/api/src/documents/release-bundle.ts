import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

export interface BundlePart {
  title: string;
  pdf: Uint8Array;
  /** The exemptions applied in it, e.g. ["s.40(2)"]. */
  exemptions: string[];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

/**
 * One PDF for the requester: a schedule of documents (with the pages each fills and the exemptions
 * applied), the response letter, then each released document; every page numbered "Page n of N".
 */
export async function buildBundle(
  reference: string,
  letter: BundlePart,
  documents: BundlePart[],
): Promise<Buffer> {
  const bundle = await PDFDocument.create();
  bundle.setTitle(`${reference} release bundle`);
  bundle.setProducer('Recordflow');
  const font = await bundle.embedFont(StandardFonts.Helvetica);
  const bold = await bundle.embedFont(StandardFonts.HelveticaBold);
  const sources = await Promise.all([letter, ...documents].map((part) => PDFDocument.load(part.pdf)));

  const schedule = bundle.addPage(A4);
  let page = 2;
  const rows = [letter, ...documents].map((part, i) => {
    const count = sources[i]?.getPageCount() ?? 0;
    const row = { number: i + 1, part, pages: count === 1 ? `${page}` : `${page}–${page + count - 1}` };
    page += count;
    return row;
  });
  drawSchedule(schedule, reference, rows, font, bold);

  for (const source of sources) {
    for (const copied of await bundle.copyPages(source, source.getPageIndices())) bundle.addPage(copied);
  }
  const total = bundle.getPageCount();
  bundle.getPages().forEach((each, i) => {
    const label = `${reference} · Page ${i + 1} of ${total}`;
    const { width } = each.getSize();
    each.drawText(label, {
      x: (width - font.widthOfTextAtSize(label, 9)) / 2,
      y: 18,
      size: 9,
      font,
      color: rgb(0.2, 0.2, 0.2),
    });
  });
  return Buffer.from(await bundle.save());
}

function drawSchedule(
  page: PDFPage,
  reference: string,
  rows: { number: number; part: BundlePart; pages: string }[],
  font: PDFFont,
  bold: PDFFont,
) {
  let y = A4[1] - MARGIN;
  page.drawText(`Schedule of documents — ${reference}`, { x: MARGIN, y, size: 16, font: bold });
  y -= 32;
  const columns = [MARGIN, MARGIN + 30, MARGIN + 330, MARGIN + 400];
  for (const [i, heading] of ['No.', 'Document', 'Pages', 'Exemptions applied'].entries()) {
    page.drawText(heading, { x: columns[i] ?? MARGIN, y, size: 10, font: bold });
  }
  y -= 18;
  for (const row of rows) {
    const cells = [
      String(row.number),
      fit(row.part.title, font, 290),
      row.pages,
      fit(row.part.exemptions.length ? row.part.exemptions.join(', ') : 'none', font, 130),
    ];
    for (const [i, cell] of cells.entries())
      page.drawText(cell, { x: columns[i] ?? MARGIN, y, size: 10, font });
    y -= 16;
  }
}

/** Shortens a text with an ellipsis to fit a width (the standard fonts cannot wrap by themselves). */
function fit(text: string, font: PDFFont, width: number): string {
  const clean = text.replace(/[^\x20-\x7e\u00a0-\u00ff–—·]/g, '?');
  if (font.widthOfTextAtSize(clean, 10) <= width) return clean;
  let cut = clean;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, 10) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}
