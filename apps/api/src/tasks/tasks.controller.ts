import { unlink } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { Controller, Param, Post, Req, UseFilters } from '@nestjs/common';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { RestRefusalFilter } from '../documents/documents.controller';
import { DocumentsService } from '../documents/documents.service';
import { receiveUpload } from '../documents/upload';
import { TasksService } from './tasks.service';

/** A service area's files for its answer: kept as documents of the case, listed on the task. */
@Controller('api')
@UseFilters(RestRefusalFilter)
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly documents: DocumentsService,
  ) {}

  @Roles('officer', 'contributor')
  @Post('tasks/:taskId/files')
  async upload(
    @CurrentUser() actor: Actor,
    @Param('taskId') taskId: string,
    @Req() request: IncomingMessage,
  ) {
    // Checked before a byte is read: someone else's or a closed task gets no file stored.
    const task = await this.tasks.checkFileUpload(actor, taskId);
    const file = await receiveUpload(request, {
      maxBytes: this.documents.settings.maxUploadBytes,
      directory: this.documents.settings.uploadDirectory,
    });
    try {
      const saved = await this.tasks.addFile(actor, task, file);
      return { id: saved.id, filename: saved.filename, size: saved.size, sha256: saved.sha256 };
    } finally {
      await unlink(file.path).catch(() => undefined);
    }
  }
}
