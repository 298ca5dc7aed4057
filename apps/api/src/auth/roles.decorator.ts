import { SetMetadata } from '@nestjs/common';
import type { Role } from '../users/user.entity';

export const ROLES_KEY = 'recordflow:roles';
export const PUBLIC_KEY = 'recordflow:public';
export const CASE_CHECKED_IN_READ_KEY = 'recordflow:case-checked-in-read';

/** The roles that may call this operation; the global guard refuses every operation without a rule. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Open to anyone, signed in or not (login, server information). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * The operation refuses a case hidden from the caller in the read it does anyway (sendCaseEvent's
 * transition), so the guard need not read the case first; the restricted-case walk still proves it.
 */
export const ChecksCaseInOwnRead = () => SetMetadata(CASE_CHECKED_IN_READ_KEY, true);
