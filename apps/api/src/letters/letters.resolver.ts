import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
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
  constructor(private readonly letters: LettersService) {}

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
  previewLetter(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('kind') kind: string,
    @Args('body', { type: () => String, nullable: true }) body: string | null,
  ) {
    return this.letters.preview(caseId, kind, body);
  }

  @Roles('officer')
  @Mutation(() => [CaseDocumentModel], {
    description: 'Renders a letter for a case as PDF and DOCX and keeps them. Role: officer.',
  })
  generateLetter(
    @CurrentUser() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('kind') kind: string,
  ) {
    return this.letters.generate(actor, caseId, kind);
  }

  @Roles('officer')
  @Mutation(() => CaseDocumentModel, {
    description:
      "Records a generated letter as sent: its SHA-256 goes into the case's history. Role: officer.",
  })
  sendLetter(@CurrentUser() actor: Actor, @Args('documentId', { type: () => ID }) documentId: string) {
    return this.letters.send(actor, documentId);
  }

  @Roles('admin', 'officer', 'auditor')
  @Query(() => [CaseDocumentModel], { description: "A case's letters. Roles: admin, officer, auditor." })
  caseDocuments(@Args('caseId', { type: () => ID }) caseId: string) {
    return this.letters.documents(caseId);
  }

  @Roles('admin', 'officer', 'auditor')
  @Query(() => DocumentFile, {
    description: 'One letter file, base64-encoded. Roles: admin, officer, auditor.',
  })
  async documentFile(@Args('documentId', { type: () => ID }) documentId: string): Promise<DocumentFile> {
    const document = await this.letters.content(documentId);
    return {
      filename: document.filename,
      mimeType: MIME[document.format] ?? 'application/octet-stream',
      base64: document.content.toString('base64'),
    };
  }
}
