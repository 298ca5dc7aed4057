import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
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
  constructor(private readonly documents: DocumentsService) {}

  @Roles('admin', 'officer', 'auditor')
  @Query(() => [CaseAttachmentModel], {
    description:
      'Every version of every file attached to a case (upload with POST /api/cases/{caseId}/documents). Roles: admin, officer, auditor.',
  })
  caseAttachments(@Args('caseId', { type: () => ID }) caseId: string) {
    return this.documents.list(caseId);
  }

  @Roles('officer')
  @Query(() => [DocumentPageModel], {
    description: "A document's pages as images, to draw redaction boxes on. Role: officer.",
  })
  documentPages(@Args('documentId', { type: () => ID }) documentId: string) {
    return this.documents.pages(documentId);
  }

  @Roles('officer')
  @Query(() => [TextMatchModel], {
    description: 'Where a text (a name, an e-mail address, a phone number) is in a document. Role: officer.',
  })
  findInDocument(@Args('documentId', { type: () => ID }) documentId: string, @Args('text') text: string) {
    return this.documents.find(documentId, text);
  }

  @Roles('officer')
  @Query(() => [TextMatchModel], {
    description: 'Every e-mail address and UK phone number in a document, with where it is. Role: officer.',
  })
  findPersonalData(@Args('documentId', { type: () => ID }) documentId: string) {
    return this.documents.findPersonalData(documentId);
  }

  @Roles('officer')
  @Mutation(() => CaseAttachmentModel, {
    description:
      'Redacts a PDF for real (the text, images and graphics under each box are removed), by text, by rectangle or both, each with its exemption and reason; returns the redacted document as a new version (kind for-release) and records it in the history. Role: officer.',
  })
  redactDocument(@CurrentUser() actor: Actor, @Args('input') input: RedactDocumentInput) {
    return this.documents.redact(actor, input.documentId, input.redactions);
  }

  @Roles('admin', 'officer', 'auditor')
  @Query(() => [RedactionLogEntryModel], {
    description:
      'The redactions applied to any version of a document: page, exemption, reason, who (CSV at /api/documents/{id}/redaction-log.csv). Roles: admin, officer, auditor.',
  })
  redactionLog(@Args('documentId', { type: () => ID }) documentId: string) {
    return this.documents.redactionLog(documentId);
  }

  @Roles('officer')
  @Mutation(() => CaseAttachmentModel, {
    description:
      'Builds the release bundle: the latest response letter PDF and the latest version of each for-release document in one PDF, with page numbers and a schedule of documents and exemptions; kept as a released document, its SHA-256 in the history. Role: officer.',
  })
  buildReleaseBundle(@CurrentUser() actor: Actor, @Args('caseId', { type: () => ID }) caseId: string) {
    return this.documents.buildReleaseBundle(actor, caseId);
  }
}
