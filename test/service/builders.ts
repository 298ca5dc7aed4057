import type { Actor } from '../../apps/api/src/auth/current-user';
import type { Case } from '../../apps/api/src/cases/case.entity';
import { CasesService } from '../../apps/api/src/cases/cases.service';
import type { CreateCaseInput } from '../../apps/api/src/cases/dto/create-case.input';
import { ukToday } from '../../apps/api/src/common/dates';
import type { Role } from '../../apps/api/src/users/user.entity';
import { UsersService } from '../../apps/api/src/users/users.service';
import type { ServiceContext } from '../support/service-context';

let users = 0;

/** A user with defaults (an officer with a unique e-mail), as the services see a signed-in one. */
export async function aUser(
  context: ServiceContext,
  overrides: Partial<{ name: string; email: string; roles: Role[] }> = {},
): Promise<Actor> {
  users++;
  const user = await context.get(UsersService).create({
    name: `Officer ${users}`,
    email: `officer-${users}-${Date.now()}@test.example.org`,
    password: 'correct horse battery',
    roles: ['officer'],
    ...overrides,
  });
  return { id: user.id, name: user.name, email: user.email, roles: user.roles };
}

/** A FOI request received today, with defaults a test overrides where it matters. */
export function aCase(
  context: ServiceContext,
  by: Actor,
  overrides: Partial<CreateCaseInput> = {},
): Promise<Case> {
  return context.get(CasesService).create(by, {
    workflowId: 'foi',
    receivedOn: ukToday(),
    channel: 'email',
    subject: 'CCTV cameras and facial recognition',
    requestText: 'Please can you tell me how many CCTV cameras the local authority operates.',
    requester: { name: 'A. Requester', email: 'requester@example.net' },
    ...overrides,
  });
}

/** The ISO date `days` calendar days before today (UK). */
export function daysAgo(days: number): string {
  const date = new Date(`${ukToday()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}
