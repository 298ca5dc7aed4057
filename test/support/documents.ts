import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/** A solid-colour PNG, made by hand (no image library needed). */
export function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat()),
  ]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Where the fixture's image is drawn, in PDF points from the top left. */
export const FIXTURE_IMAGE_RECT = [300, 400, 400, 500];

/** A one-page PDF with known personal data, ordinary text and a red image. */
export function fixturePdf(lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 72, info: { Title: 'Fixture' } });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.fontSize(12);
    for (const line of lines) pdf.text(line).moveDown();
    const [x0, y0, x1, y1] = FIXTURE_IMAGE_RECT as [number, number, number, number];
    pdf.image(solidPng(40, 40, [255, 0, 0]), x0, y0, { width: x1 - x0, height: y1 - y0 });
    pdf.end();
  });
}

/** Uploads a file over the REST api (multipart, field `file`). */
export async function uploadFile(
  url: string,
  caseId: string,
  token: string | null,
  file: { name: string; bytes: Uint8Array; kind?: string },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  if (file.kind) form.set('kind', file.kind);
  form.set('file', new Blob([file.bytes]), file.name);
  const response = await fetch(`${url}/api/cases/${caseId}/documents`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function download(url: string, id: string, token: string) {
  const response = await fetch(`${url}/api/documents/${id}/content`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: response.status,
    bytes: Buffer.from(await response.arrayBuffer()),
    headers: response.headers,
  };
}

/** What a PDF reader can extract: the text of every page, and how many images each page shows. */
export async function extract(pdf: Uint8Array): Promise<{ text: string; images: number }> {
  const mupdf = await import('mupdf');
  const document = mupdf.Document.openDocument(pdf, 'application/pdf');
  let text = '';
  let images = 0;
  for (let i = 0; i < document.countPages(); i++) {
    const page = document.loadPage(i).toStructuredText('preserve-images');
    text += page.asText();
    images += (JSON.parse(page.asJSON()) as { blocks: { type: string }[] }).blocks.filter(
      (b) => b.type === 'image',
    ).length;
  }
  return { text, images };
}

/**
 * Every string a content stream shows, decoded from the raw (decompressed) objects and joined:
 * a search here finds text even when a reader's extraction would not (kerned, split, hidden).
 */
export async function rawStrings(pdf: Uint8Array): Promise<string> {
  const mupdf = await import('mupdf');
  const document = new mupdf.PDFDocument(pdf);
  const raw = Buffer.from(document.saveToBuffer('decompress').asUint8Array()).toString('latin1');
  const shown: string[] = [];
  for (const match of raw.matchAll(/<([0-9a-fA-F\s]+)>|\(((?:\\.|[^\\)])*)\)/g)) {
    if (match[1] !== undefined)
      shown.push(Buffer.from(match[1].replace(/\s/g, ''), 'hex').toString('latin1'));
    else shown.push((match[2] ?? '').replace(/\\(.)/g, '$1'));
  }
  return `${raw}\n${shown.join('')}`;
}
