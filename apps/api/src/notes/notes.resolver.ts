import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { CaseModel } from '../cases/case.model';
import { requestLoader } from '../common/loaders';
import { AddCaseNoteInput, CaseNoteModel } from './notes.model';
import { NotesService } from './notes.service';

@Resolver()
export class NotesResolver {
  constructor(private readonly service: NotesService) {}

  @Roles('officer')
  @Mutation(() => CaseNoteModel, {
    description:
      'Adds an internal note to a case (open or closed): for staff, never in a letter; recorded as NOTE_ADDED with the SHA-256 of its text. Errors: NOT_FOUND, VALIDATION_FAILED. Role: officer.',
  })
  addCaseNote(@CurrentUser() actor: Actor, @Args('input') input: AddCaseNoteInput): Promise<CaseNoteModel> {
    return this.service.add(actor, input.caseId, input.text);
  }
}

@Roles('officer', 'admin')
@Resolver(() => CaseModel)
export class CaseNotesResolver {
  constructor(private readonly service: NotesService) {}

  @ResolveField(() => [CaseNoteModel], {
    description: 'Internal notes, oldest first: for staff, never in a letter. Roles: officer, admin.',
  })
  async notes(@Parent() model: CaseModel, @Context() context: object): Promise<CaseNoteModel[]> {
    const loader = requestLoader(context, 'case-notes', async (ids) => {
      const byCase = await this.service.ofCases(ids);
      return ids.map((id) => byCase.get(id) ?? []);
    });
    return loader.load(model.id);
  }
}
