import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Header, Param, Req, Res } from '@nestjs/common';
import { Public } from '../auth/roles.decorator';
import { attachmentDisposition } from '../common/content-disposition';
import type { DisclosureDocument, DisclosureLogEntry } from './disclosure-log.model';
import { DisclosureLogService } from './disclosure-log.service';

const html = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const OUTCOMES: Record<string, string> = {
  'granted-in-full': 'Information provided in full',
  'granted-in-part': 'Information provided in part',
  'refused-in-full': 'Refused',
  'not-held': 'Information not held',
  'neither-confirm-nor-deny': 'Neither confirmed nor denied',
  'vexatious-refusal': 'Refused as vexatious or repeated',
  'cost-limit-refusal': 'Refused: over the cost limit',
};
const outcomeLabel = (outcome: string | null) => (outcome ? (OUTCOMES[outcome] ?? outcome) : 'Answered');

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => `<p>${html(p.trim()).replaceAll('\n', '<br>')}</p>`)
    .join('\n');

const KB = 1024;
const sizeLabel = (bytes: number) =>
  bytes < KB
    ? `${bytes} bytes`
    : bytes < KB * KB
      ? `${Math.round(bytes / KB)} KB`
      : `${(bytes / KB / KB).toFixed(1)} MB`;

const documentList = (documents: DisclosureDocument[], base = '') =>
  documents.length === 0
    ? ''
    : `<ul>${documents
        .map(
          (d) =>
            `<li><a href="${html(base + d.url)}" download>${html(d.filename)}</a> (${html(d.mimeType)}, ${sizeLabel(d.size)})</li>`,
        )
        .join('')}</ul>`;

function page(entries: DisclosureLogEntry[]): string {
  const items = entries
    .map(
      (entry) => `<article id="${html(entry.reference)}">
<h2>${html(entry.reference)}: ${html(entry.subject)}</h2>
<dl><dt>Outcome</dt><dd>${html(outcomeLabel(entry.outcome))}</dd>
<dt>Responded</dt><dd>${html(entry.respondedOn ?? '')}</dd><dt>Published</dt><dd>${html(entry.publishedOn)}</dd></dl>
${entry.summary ? `<h3>Summary</h3>\n${paragraphs(entry.summary)}` : ''}
<h3>Request</h3>
${paragraphs(entry.requestText)}
${entry.responseText ? `<h3>Response</h3>\n<div class="letter">${paragraphs(entry.responseText)}</div>` : ''}
${entry.documents.length ? `<h3>Documents released</h3>\n${documentList(entry.documents)}` : ''}
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Disclosure log</title>
<link rel="alternate" type="application/rss+xml" title="Disclosure log" href="/disclosure-log.rss">
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
article{border-top:1px solid #ccc;padding-top:1rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem}
dd{margin:0}.letter{background:#f6f6f6;padding:0.5rem 1rem}</style></head>
<body><main><h1>Disclosure log</h1>
<p>Responses to information requests we have published. Requesters’ names and contact details are never shown.
Also as <a href="/disclosure-log.json">JSON</a> and an <a href="/disclosure-log.rss">RSS feed</a>.</p>
${items || '<p>Nothing has been published yet.</p>'}
</main></body></html>`;
}

function feed(entries: DisclosureLogEntry[], base: string): string {
  const items = entries
    .map(
      (entry) => `<item><title>${html(`${entry.reference}: ${entry.subject}`)}</title>
<link>${html(`${base}/disclosure-log#${entry.reference}`)}</link>
<guid isPermaLink="false">${html(`${entry.reference}/${entry.publishedOn}`)}</guid>
<pubDate>${new Date(`${entry.publishedOn}T12:00:00Z`).toUTCString()}</pubDate>
<description>${html(
        `<p>${html(`${outcomeLabel(entry.outcome)}. ${entry.summary ?? entry.requestText}`)}</p>${documentList(entry.documents, base)}`,
      )}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Disclosure log</title><link>${html(`${base}/disclosure-log`)}</link>
<description>Responses to information requests, as published.</description>
${items}
</channel></rss>`;
}

/** The public disclosure log: an HTML page, JSON and an RSS feed, open without signing in. */
@Controller()
export class DisclosureLogController {
  constructor(private readonly log: DisclosureLogService) {}

  @Public()
  @Get('disclosure-log')
  @Header('content-type', 'text/html; charset=utf-8')
  async html(): Promise<string> {
    return page(await this.log.entries());
  }

  @Public()
  @Get('disclosure-log.json')
  async json(): Promise<{ entries: DisclosureLogEntry[] }> {
    return { entries: await this.log.entries() };
  }

  /**
   * A published document, to anyone: only while its response is published and only one its publication
   * recorded; anything else is a bare 404, so nothing about unpublished cases or files can be learnt.
   */
  @Public()
  @Get('disclosure-log/:reference/documents/:id')
  async document(
    @Param('reference') reference: string,
    @Param('id') id: string,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const found = await this.log.openPublished(reference, id);
    response.setHeader('cache-control', 'no-store');
    response.setHeader('x-content-type-options', 'nosniff');
    if (!found) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const { document, stream } = found;
    response.writeHead(200, {
      'content-type': document.mimeType,
      'content-length': String(document.size),
      'content-disposition': attachmentDisposition(document.filename),
      // Opened by mistake in the browser, a file runs nothing.
      'content-security-policy': "default-src 'none'; sandbox",
    });
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  }

  @Public()
  @Get('disclosure-log.rss')
  @Header('content-type', 'application/rss+xml; charset=utf-8')
  async rss(@Req() request: IncomingMessage): Promise<string> {
    const proto = String(request.headers['x-forwarded-proto'] ?? 'http').split(',')[0];
    return feed(await this.log.entries(), `${proto}://${request.headers.host ?? 'localhost'}`);
  }
}
