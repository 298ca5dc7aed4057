import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CaseAccess } from '../access/case-access.service';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import {
  CaseAttachmentModel,
  DocumentPageModel,
  RedactDocumentInput,
  RedactionLogEntryModel,
  TextMatchModel,
} from './document.model';
import { DocumentsService } from './documents.service';

@Resolver()
export class DocumentsResolver {
  constructor(
    private readonly documents: DocumentsService,
    private readonly access: CaseAccess,
  ) {}

  @Roles('admin', 'officer', 'auditor')
  @Query(() => [CaseAttachmentModel], {
    description:
      'Every version of every file attached to a case (upload with POST /api/cases/{caseId}/documents). Roles: admin, officer, auditor.',
  })
  async caseAttachments(@Args('caseId', { type: () => ID }) caseId: string) {
    await this.access.checkExists(caseId);
    return this.documents.list(caseId);
  }

  @Roles('officer')
  @Query(() => [DocumentPageModel], {
    description: "A document's pages as images, to draw redaction boxes on. Role: officer.",
  })
  async documentPages(
    @CurrentUser() actor: Actor,
    @Args('documentId', { type: () => ID }) documentId: string,
  ) {
    const caseId = await this.access.checkAttachment(actor, documentId);
    if (caseId) await this.access.recordReads(actor, [caseId], 'document');
    return this.documents.pages(documentId);
  }

  @Roles('officer')
  @Query(() => [TextMatchModel], {
    description: 'Where a text (a name, an e-mail address, a phone number) is in a document. Role: officer.',
  })
  async findInDocument(
    @CurrentUser() actor: Actor,
    @Args('documentId', { type: () => ID }) documentId: string,
    @Args('text') text: string,
  ) {
    await this.access.checkAttachment(actor, documentId);
    return this.documents.find(documentId, text);
  }

  @Roles('officer')
  @Query(() => [TextMatchModel], {
    description: 'Every e-mail address and UK phone number in a document, with where it is. Role: officer.',
  })
  async findPersonalData(
    @CurrentUser() actor: Actor,
    @Args('documentId', { type: () => ID }) documentId: string,
  ) {
    await this.access.checkAttachment(actor, documentId);
    return this.documents.findPersonalData(documentId);
  }

  @Roles('officer')
  @Mutation(() => CaseAttachmentModel, {
    description:
      'Redacts a PDF for real (the text, images and graphics under each box are removed), by text, by rectangle or both, each with its exemption and reason; returns the redacted document as a new version (kind for-release) and records it in the history. Role: officer.',
  })
  async redactDocument(@CurrentUser() actor: Actor, @Args('input') input: RedactDocumentInput) {
    await this.access.checkAttachment(actor, input.documentId);
    return this.documents.redact(actor, input.documentId, input.redactions);
  }

  @Roles('admin', 'officer', 'auditor')
  @Query(() => [RedactionLogEntryModel], {
    description:
      'The redactions applied to any version of a document: page, exemption, reason, who (CSV at /api/documents/{id}/redaction-log.csv). Roles: admin, officer, auditor.',
  })
  async redactionLog(
    @CurrentUser() actor: Actor,
    @Args('documentId', { type: () => ID }) documentId: string,
  ) {
    await this.access.checkAttachment(actor, documentId);
    return this.documents.redactionLog(documentId);
  }

  @Roles('officer')
  @Mutation(() => CaseAttachmentModel, {
    description:
      'Builds the release bundle: the latest response letter PDF and the latest version of each for-release document in one PDF, with page numbers and a schedule of documents and exemptions; kept as a released document, its SHA-256 in the history. Role: officer.',
  })
  async buildReleaseBundle(@CurrentUser() actor: Actor, @Args('caseId', { type: () => ID }) caseId: string) {
    return this.documents.buildReleaseBundle(actor, caseId);
  }
}
