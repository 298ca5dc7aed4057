import { SetMetadata } from '@nestjs/common';
import type { Role } from '../users/user.entity';

export const ROLES_KEY = 'recordflow:roles';
export const PUBLIC_KEY = 'recordflow:public';

/** The roles that may call this operation; the global guard refuses every operation without a rule. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Open to anyone, signed in or not (login, server information). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
