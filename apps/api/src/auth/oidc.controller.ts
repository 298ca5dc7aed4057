import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Req, Res } from '@nestjs/common';
import type { RequestWithActor } from './current-user';
import { FLOW_SECONDS, OidcRefusal, OidcService } from './oidc.service';
import { Public } from './roles.decorator';

const COOKIE = 'recordflow_oidc';
const COOKIE_PATH = '/auth/oidc';

const html = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** A page that says why single sign-on did not sign the person in, with the way back. */
function refusalPage(message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in refused: Recordflow</title></head>
<body><main><h1>You are not signed in</h1>
<p role="alert">${html(message)}</p>
<p><a href="/">Back to the Recordflow sign-in page</a></p></main></body></html>`;
}

function cookieOf(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** GET /auth/oidc starts single sign-on at the provider; GET /auth/oidc/callback finishes it. */
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcService) {}

  @Public()
  @Get()
  async start(@Res() response: ServerResponse): Promise<void> {
    try {
      const { url, flow } = await this.oidc.start();
      // The flow's state, nonce and PKCE verifier stay with this browser, signed, for ten minutes.
      response.setHeader('Set-Cookie', this.cookie(flow, FLOW_SECONDS));
      this.send(response, 303, '', { location: url });
    } catch (error) {
      this.refuse(response, error);
    }
  }

  @Public()
  @Get('callback')
  async callback(@Req() request: IncomingMessage & RequestWithActor, @Res() response: ServerResponse) {
    const url = request.url ?? '';
    const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
    response.setHeader('Set-Cookie', this.cookie('', 0));
    try {
      const code = await this.oidc.finish(query, cookieOf(request, COOKIE), request.ip ?? 'unknown');
      // In the fragment: never sent to a server or written to a log; the web app exchanges it once.
      this.send(response, 303, '', { location: `/sign-in#code=${code}` });
    } catch (error) {
      this.refuse(response, error);
    }
  }

  private cookie(value: string, maxAge: number): string {
    const secure = this.oidc.oidc?.publicUrl.startsWith('https:') ? '; Secure' : '';
    // Lax: the provider's redirect back is a top-level GET, which carries it.
    return `${COOKIE}=${encodeURIComponent(value)}; Path=${COOKIE_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
  }

  private refuse(response: ServerResponse, error: unknown): void {
    if (!(error instanceof OidcRefusal)) throw error;
    this.send(response, error.status, refusalPage(error.message), {
      'content-type': 'text/html; charset=utf-8',
    });
  }

  private send(response: ServerResponse, status: number, body: string, headers: Record<string, string>) {
    response.writeHead(status, { 'cache-control': 'no-store', ...headers });
    response.end(body);
  }
}
