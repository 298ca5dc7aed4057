import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Public, Roles } from '../auth/roles.decorator';
import { DisclosureCandidate, DisclosureLogChange, DisclosureLogEntry } from './disclosure-log.model';
import { DisclosureLogService, MAX_DOCUMENTS } from './disclosure-log.service';

@Resolver()
export class DisclosureLogResolver {
  constructor(private readonly log: DisclosureLogService) {}

  @Public()
  @Query(() => [DisclosureLogEntry], {
    description: 'The published responses, newest first. Public: no sign-in, no requester personal data.',
  })
  disclosureLog(): Promise<DisclosureLogEntry[]> {
    return this.log.entries();
  }

  @Roles('admin')
  @Query(() => [DisclosureCandidate], {
    description:
      'Answered responses not yet in the disclosure log, most recently answered first; subject access requests are never listed. Role: admin.',
  })
  disclosureCandidates(
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
  ): Promise<DisclosureCandidate[]> {
    return this.log.candidates(first);
  }

  @Roles('admin')
  @Mutation(() => DisclosureLogChange, {
    description:
      "Publishes a case's response in the disclosure log (an event in its history recording each document's SHA-256). Role: admin.",
  })
  publishToDisclosureLog(
    @CurrentUser() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('summary', { type: () => String, nullable: true }) summary?: string | null,
    @Args('documentIds', {
      type: () => [ID],
      nullable: true,
      description: `The documents released with it (at most ${MAX_DOCUMENTS}; repeats count once): each the latest version of a for-release document of the case, never the release bundle. None when not given.`,
    })
    documentIds?: string[] | null,
  ): Promise<DisclosureLogChange> {
    return this.log.publish(actor, caseId, summary, documentIds);
  }

  @Roles('admin')
  @Mutation(() => DisclosureLogChange, {
    description:
      "Withdraws a case's response from the disclosure log, saying why (an event in its history). Role: admin.",
  })
  withdrawFromDisclosureLog(
    @CurrentUser() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('reason') reason: string,
  ): Promise<DisclosureLogChange> {
    return this.log.withdraw(actor, caseId, reason);
  }
}
