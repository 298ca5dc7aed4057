import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import type { NotificationKind } from './notification.entity';
import {
  NotificationModel,
  NotificationPreferenceInput,
  NotificationPreferenceModel,
} from './notifications.model';
import { NotificationsService } from './notifications.service';

@Resolver()
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Roles('officer', 'admin', 'auditor', 'contributor')
  @Query(() => [NotificationModel], {
    description:
      'Your notices in the web app, newest first, at most 100. Roles: officer, admin, auditor, contributor.',
  })
  async notifications(
    @CurrentUser() actor: Actor,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly: boolean,
  ): Promise<NotificationModel[]> {
    const rows = await this.service.list(actor, unreadOnly);
    return rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      caseId: n.caseId,
      title: n.title,
      body: n.body,
      emailed: n.outgoingMailId !== null,
      readAt: n.readAt,
      createdAt: n.createdAt,
    }));
  }

  @Roles('officer', 'admin', 'auditor', 'contributor')
  @Query(() => Int, {
    description: 'How many of your notices are unread. Roles: officer, admin, auditor, contributor.',
  })
  unreadNotificationCount(@CurrentUser() actor: Actor): Promise<number> {
    return this.service.unreadCount(actor);
  }

  @Roles('officer', 'admin', 'auditor', 'contributor')
  @Query(() => [NotificationPreferenceModel], {
    description:
      'How you want each kind of notice (e-mail, in the app, both or neither). Roles: officer, admin, auditor, contributor.',
  })
  notificationPreferences(@CurrentUser() actor: Actor) {
    return this.service.preferences(actor);
  }

  @Roles('officer', 'admin', 'contributor')
  @Mutation(() => Int, {
    description:
      'Marks your notices read (all unread ones when no ids are given); returns how many. Roles: officer, admin, contributor.',
  })
  markNotificationsRead(
    @CurrentUser() actor: Actor,
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null,
  ): Promise<number> {
    return this.service.markRead(actor, ids);
  }

  @Roles('officer', 'admin', 'contributor')
  @Mutation(() => [NotificationPreferenceModel], {
    description:
      'Sets how you want one kind of notice; both false turns it off. Roles: officer, admin, contributor.',
  })
  setNotificationPreference(@CurrentUser() actor: Actor, @Args('input') input: NotificationPreferenceInput) {
    return this.service.setPreference(actor, {
      kind: input.kind as NotificationKind,
      email: input.email,
      inApp: input.inApp,
    });
  }
}
