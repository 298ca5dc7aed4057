import { ConfigError } from '../config/recordflow-config';

/** Single sign-on through an OpenID Connect provider (Microsoft Entra ID, Google, Keycloak …). */
export interface OidcSettings {
  /** The provider's issuer URL; its discovery document is read at the first sign-in. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where people reach Recordflow; the redirect URI is `<publicUrl>/auth/oidc/callback`. */
  publicUrl: string;
  /** Shown on the sign-in button: "Sign in with <providerName>". */
  providerName: string;
  /** The role a person the provider vouches for gets on their first sign-in; null refuses unknown e-mails. */
  defaultRole: string | null;
}

export interface SignInSettings {
  /** False when RECORDFLOW_PASSWORD_SIGN_IN=off: only the provider signs people in. */
  password: boolean;
  oidc: OidcSettings | null;
}

export const SIGN_IN_SETTINGS = Symbol('SIGN_IN_SETTINGS');

const ROLE = /^[a-z][a-z0-9-]{1,39}$/;

/** Reads the sign-in settings from the environment; half a provider configuration is refused at start. */
export function loadSignInSettings(env: NodeJS.ProcessEnv): SignInSettings {
  const flag = (env.RECORDFLOW_PASSWORD_SIGN_IN ?? '').toLowerCase();
  if (!['', 'on', 'off'].includes(flag))
    throw new ConfigError(
      `RECORDFLOW_PASSWORD_SIGN_IN must be on or off, not "${env.RECORDFLOW_PASSWORD_SIGN_IN}".`,
    );
  const password = flag !== 'off';
  const named = {
    RECORDFLOW_OIDC_ISSUER: env.RECORDFLOW_OIDC_ISSUER,
    RECORDFLOW_OIDC_CLIENT_ID: env.RECORDFLOW_OIDC_CLIENT_ID,
    RECORDFLOW_OIDC_CLIENT_SECRET: env.RECORDFLOW_OIDC_CLIENT_SECRET,
    RECORDFLOW_PUBLIC_URL: env.RECORDFLOW_PUBLIC_URL,
  };
  const given = Object.entries(named).filter(([, value]) => value);
  if (!env.RECORDFLOW_OIDC_ISSUER) {
    if (!password)
      throw new ConfigError(
        'RECORDFLOW_PASSWORD_SIGN_IN=off needs single sign-on (RECORDFLOW_OIDC_ISSUER and the rest), or nobody could sign in.',
      );
    return { password, oidc: null };
  }
  const missing = Object.entries(named)
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0 && given.length > 0)
    throw new ConfigError(`Single sign-on also needs ${missing.join(', ')}.`);
  return {
    password,
    oidc: checkOidc({
      issuer: named.RECORDFLOW_OIDC_ISSUER as string,
      clientId: named.RECORDFLOW_OIDC_CLIENT_ID as string,
      clientSecret: named.RECORDFLOW_OIDC_CLIENT_SECRET as string,
      publicUrl: named.RECORDFLOW_PUBLIC_URL as string,
      providerName: env.RECORDFLOW_OIDC_PROVIDER_NAME || 'single sign-on',
      defaultRole: env.RECORDFLOW_OIDC_DEFAULT_ROLE || null,
    }),
  };
}

/** Refuses URLs that are not URLs and role names that cannot be roles; trims the public URL's trailing slash. */
export function checkOidc(settings: OidcSettings): OidcSettings {
  for (const [name, value] of [
    ['RECORDFLOW_OIDC_ISSUER', settings.issuer],
    ['RECORDFLOW_PUBLIC_URL', settings.publicUrl],
  ] as const) {
    if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
      throw new ConfigError(`${name} must be an http(s) URL, not "${value}".`);
  }
  if (settings.defaultRole !== null && !ROLE.test(settings.defaultRole))
    throw new ConfigError(`RECORDFLOW_OIDC_DEFAULT_ROLE must be a role name, not "${settings.defaultRole}".`);
  return { ...settings, publicUrl: settings.publicUrl.replace(/\/+$/, '') };
}
