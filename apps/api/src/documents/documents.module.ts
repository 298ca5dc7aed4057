import { Global, Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { createBlobStore } from './blob-store';
import { loadDocumentSettings } from './document-settings';
import { DocumentsController } from './documents.controller';
import { DocumentsResolver } from './documents.resolver';
import { BLOB_STORE, DOCUMENT_SETTINGS, DocumentsService } from './documents.service';

/** Case files; the blob store is global so the audit can re-hash what is stored. */
@Global()
@Module({
  imports: [CasesModule],
  controllers: [DocumentsController],
  providers: [
    { provide: DOCUMENT_SETTINGS, useFactory: () => loadDocumentSettings(process.env) },
    { provide: BLOB_STORE, useFactory: createBlobStore, inject: [DOCUMENT_SETTINGS] },
    DocumentsService,
    DocumentsResolver,
  ],
  exports: [BLOB_STORE, DocumentsService],
})
export class DocumentsModule {}
