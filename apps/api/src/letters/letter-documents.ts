import { createHash } from 'node:crypto';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

/** A rendered letter's blocks: "# " starts a heading, "> " a quoted passage, the rest are paragraphs. */
type Block = { kind: 'heading' | 'quote' | 'paragraph'; text: string };

function blocks(text: string): Block[] {
  return text.split(/\n\s*\n/).map((chunk) => {
    const trimmed = chunk.trim();
    if (trimmed.startsWith('# ')) return { kind: 'heading', text: trimmed.slice(2) };
    if (trimmed.startsWith('> ')) return { kind: 'quote', text: trimmed.replace(/^> /gm, '') };
    return { kind: 'paragraph', text: trimmed };
  });
}

/** DOCX, because councils edit their letters in Word before they go. */
export async function letterDocx(text: string): Promise<Buffer> {
  const children = blocks(text).map((block) =>
    block.kind === 'heading'
      ? new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 })
      : new Paragraph({
          indent: block.kind === 'quote' ? { left: 720 } : undefined,
          spacing: { after: 160 },
          children: block.text
            .split('\n')
            .map(
              (line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, italics: block.kind === 'quote' }),
            ),
        }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** PDF, for the letter as sent. */
export function letterPdf(text: string, title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title }, compress: false });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    for (const block of blocks(text)) {
      if (block.kind === 'heading')
        pdf.moveDown(0.5).font('Helvetica-Bold').fontSize(13).text(block.text).moveDown(0.3);
      else
        pdf
          .font(block.kind === 'quote' ? 'Helvetica-Oblique' : 'Helvetica')
          .fontSize(11)
          .text(block.text, { indent: 0 })
          .moveDown(0.6);
    }
    pdf.end();
  });
}

export const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
