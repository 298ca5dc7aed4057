import { Case } from '../cases/case.entity';
import { CaseEvent } from '../cases/case-event.entity';
import { ReferenceCounter } from '../cases/reference-counter.entity';
import { Requester } from '../cases/requester.entity';
import { Attachment, Redaction } from '../documents/attachment.entity';
import { Holiday } from '../holidays/holiday.entity';
import { CaseDocument } from '../letters/case-document.entity';
import { LetterTemplate } from '../letters/letter-template.entity';
import { OutboxMessage } from '../mail/outbox-message.entity';
import { OutgoingMail } from '../mail/outgoing-mail.entity';
import { CaseNote } from '../notes/case-note.entity';
import { RoleDefinition } from '../people/role.entity';
import { SignInEvent } from '../people/sign-in-event.entity';
import { Team, UserTeam } from '../people/team.entity';
import { UserAudit } from '../people/user-audit.entity';
import { CalendarSetting } from '../settings/calendar-setting.entity';
import { Setting } from '../settings/setting.entity';
import { CaseTask, CaseTaskAttachment, CaseTaskEvent } from '../tasks/task.entity';
import { Timer } from '../timers/timer.entity';
import { User } from '../users/user.entity';
import { Workflow } from '../workflows/workflow.entity';
import { WorkflowVersion } from '../workflows/workflow-version.entity';

/** Every TypeORM entity of the api. */
export const entities = [
  Attachment,
  CalendarSetting,
  Case,
  CaseDocument,
  CaseEvent,
  CaseNote,
  CaseTask,
  CaseTaskAttachment,
  CaseTaskEvent,
  Holiday,
  LetterTemplate,
  OutboxMessage,
  OutgoingMail,
  ReferenceCounter,
  Redaction,
  Requester,
  RoleDefinition,
  Setting,
  SignInEvent,
  Team,
  Timer,
  User,
  UserAudit,
  UserTeam,
  Workflow,
  WorkflowVersion,
];
