import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { CaseAccess } from '../access/case-access.service';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { CaseDocumentModel, DocumentFile, LetterTemplateModel } from './letter.model';
import { LettersService } from './letters.service';

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

@Resolver()
export class LettersResolver {
  constructor(
    private readonly letters: LettersService,
    private readonly access: CaseAccess,
  ) {}

  @Roles('admin', 'officer')
  @Query(() => [LetterTemplateModel], {
    description: 'Every letter kind with its current template. Roles: admin, officer.',
  })
  letterTemplates() {
    return this.letters.templates();
  }

  @Roles('admin')
  @Mutation(() => LetterTemplateModel, {
    description:
      'Replaces the template of a letter kind; refused when it names a field letters do not have. Role: admin.',
  })
  saveLetterTemplate(@CurrentUser() actor: Actor, @Args('kind') kind: string, @Args('body') body: string) {
    return this.letters.saveTemplate(actor, kind, body);
  }

  @Roles('admin', 'officer')
  @Query(() => String, {
    description:
      "A letter's text for a case: with `body`, a template being edited (live preview). Roles: admin, officer.",
  })
  async previewLetter(
    @CurrentUser() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('kind') kind: string,
    @Args('body', { type: () => String, nullable: true }) body: string | null,
    @Args('dated', { type: () => GraphQLLocalDate, nullable: true }) dated: string | null,
  ) {
    const text = await this.letters.preview(caseId, kind, body, dated);
    await this.access.recordReads(actor, [caseId], 'letter');
    return text;
  }

  @Roles('officer')
  @Mutation(() => [CaseDocumentModel], {
    description:
      'Renders a letter for a case as PDF and DOCX, dated `dated` (default today: the day it will be sent), and keeps them. Errors: VALIDATION_FAILED (a date in the future or before receipt), NOT_FOUND. Role: officer.',
  })
  async generateLetter(
    @CurrentUser() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('kind') kind: string,
    @Args('dated', { type: () => GraphQLLocalDate, nullable: true }) dated: string | null,
  ) {
    const documents = await this.letters.generate(actor, caseId, kind, dated);
    await this.access.recordReads(actor, [caseId], 'letter');
    return documents;
  }

  @Roles('officer')
  @Mutation(() => CaseDocumentModel, {
    description:
      "Records a generated letter as sent on `sentOn` (default: the date it carries, which it must match), by `channel` (email, post, hand, other) to `recipient`: its SHA-256 goes into the case's history. Recording the approved response letter sends the response (RESPONSE_SENT), which stops the clock. Errors: VALIDATION_FAILED, NOT_FOUND. Role: officer.",
  })
  async sendLetter(
    @CurrentUser() actor: Actor,
    @Args('documentId', { type: () => ID }) documentId: string,
    @Args('sentOn', { type: () => GraphQLLocalDate, nullable: true }) sentOn: string | null,
    @Args('channel', { type: () => String, nullable: true }) channel: string | null,
    @Args('recipient', { type: () => String, nullable: true }) recipient: string | null,
  ) {
    await this.access.checkLetter(actor, documentId);
    return this.letters.send(actor, documentId, { sentOn, channel, recipient });
  }

  @Roles('admin', 'officer', 'auditor')
  @Query(() => [CaseDocumentModel], { description: "A case's letters. Roles: admin, officer, auditor." })
  async caseDocuments(@Args('caseId', { type: () => ID }) caseId: string) {
    await this.access.checkExists(caseId);
    return this.letters.documents(caseId);
  }

  @Roles('admin', 'officer', 'auditor')
  @Query(() => DocumentFile, {
    description: 'One letter file, base64-encoded. Roles: admin, officer, auditor.',
  })
  async documentFile(
    @CurrentUser() actor: Actor,
    @Args('documentId', { type: () => ID }) documentId: string,
  ): Promise<DocumentFile> {
    const caseId = await this.access.checkLetter(actor, documentId);
    const document = await this.letters.content(documentId);
    if (caseId) await this.access.recordReads(actor, [caseId], 'letter');
    return {
      filename: document.filename,
      mimeType: MIME[document.format] ?? 'application/octet-stream',
      base64: document.content.toString('base64'),
    };
  }
}
