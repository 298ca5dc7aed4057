import { unlink } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type ArgumentsHost,
  Catch,
  Controller,
  Get,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { CaseAccess } from '../access/case-access.service';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { attachmentDisposition } from '../common/content-disposition';
import { DocumentsService } from './documents.service';
import { receiveUpload, UploadRefusal } from './upload';

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  BAD_USER_INPUT: 400,
  EVENT_NOT_ALLOWED: 409,
  VERSION_CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/** A refusal as REST answers it, from an upload refusal or a service refusal (GraphQL error or domain error). */
function restRefusal(error: unknown): { status: number; body: Record<string, unknown> } | null {
  if (error instanceof UploadRefusal) {
    return { status: error.status, body: { code: error.code, message: error.message, ...error.details } };
  }
  if (!(error instanceof Error)) return null;
  const { extensions, code, details } = error as Error & {
    extensions?: Record<string, unknown>;
    code?: unknown;
    details?: Record<string, unknown>;
  };
  const stable = String(extensions?.code ?? code);
  const status = STATUS[stable];
  if (!status) return null;
  return { status, body: { ...(extensions ?? details ?? {}), code: stable, message: error.message } };
}

/** Refusals over REST carry the same code, message and details as over GraphQL: `{ code, message, ... }`. */
@Catch()
export class RestRefusalFilter extends BaseExceptionFilter {
  override catch(error: unknown, host: ArgumentsHost) {
    const refused = restRefusal(error);
    if (!refused) return super.catch(error, host);
    const response = host.switchToHttp().getResponse<ServerResponse>();
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response
      .writeHead(refused.status, { 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify(refused.body));
  }
}

/** Upload and download of case files; the role rules are the same as the GraphQL operations'. */
@Controller('api')
@UseFilters(RestRefusalFilter)
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly access: CaseAccess,
  ) {}

  @Roles('officer')
  @Post('cases/:caseId/documents')
  async upload(
    @CurrentUser() actor: Actor,
    @Param('caseId') caseId: string,
    @Req() request: IncomingMessage,
  ) {
    await this.access.checkCase(actor, caseId);
    const kindInQuery = new URL(request.url ?? '/', 'http://x').searchParams.get('kind') ?? undefined;
    await this.documents.checkUpload(caseId, kindInQuery);
    const file = await receiveUpload(request, {
      maxBytes: this.documents.settings.maxUploadBytes,
      directory: this.documents.settings.uploadDirectory,
    });
    try {
      const kind = await this.documents.checkUpload(caseId, file.fields.kind ?? kindInQuery);
      return await this.documents.add(actor, caseId, kind, file);
    } finally {
      // Stored (the store took the file) or refused: either way no temporary file stays.
      await unlink(file.path).catch(() => undefined);
    }
  }

  @Roles('admin', 'officer', 'auditor')
  @Get('documents/:id/content')
  async content(@CurrentUser() actor: Actor, @Param('id') id: string, @Res() response: ServerResponse) {
    const caseId = await this.access.checkAttachment(actor, id);
    if (caseId) await this.access.recordReads(actor, [caseId], 'document');
    const { attachment, stream } = await this.documents.open(id);
    response.setHeader('content-type', attachment.mimeType);
    response.setHeader('content-length', String(attachment.size));
    response.setHeader('content-disposition', attachmentDisposition(attachment.filename));
    response.setHeader('x-content-sha256', attachment.sha256);
    response.setHeader('x-content-type-options', 'nosniff');
    stream.pipe(response);
  }

  @Roles('admin', 'officer', 'auditor')
  @Get('documents/:id/redaction-log.csv')
  async redactionLog(@CurrentUser() actor: Actor, @Param('id') id: string, @Res() response: ServerResponse) {
    await this.access.checkAttachment(actor, id);
    const { filename, csv } = await this.documents.redactionLogCsv(id);
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', attachmentDisposition(filename));
    response.end(csv);
  }
}
