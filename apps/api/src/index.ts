export {
  checkOidc,
  loadSignInSettings,
  type OidcSettings,
  type SignInSettings,
} from './auth/sign-in-settings';
export { type CreateAppOptions, createApp, type RecordflowApp } from './create-app';
export { migrateDatabase, verifyAllCases, withDatabase } from './database/with-database';
export { DEMO_PASSWORD, DEMO_USERS } from './demo/demo-data';
export { loadMailSettings, type MailSettings } from './mail/mail-settings';
export { emittedSchema } from './schema/emitted-schema';
export { DatabaseMode } from './system/about.model';
export { ROLES, type Role } from './users/user.entity';
export { createUser, roleProblems, userProblems } from './users/users.service';
