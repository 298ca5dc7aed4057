import { create } from 'zustand';
import type { SignInMutation } from './gql/graphql';

/** A sign-in as the api answers it (the SignIn mutation), kept for the tab's life. */
type StoredSession = SignInMutation['login'];
export type SessionUser = StoredSession['user'];

// sessionStorage, not localStorage: council PCs are shared, and a closed tab should end the session.
const KEY = 'recordflow.session';
// Where a session that ended by itself (expired, ended by an administrator) was: for the same person only.
const RETURN_KEY = 'recordflow.returnTo';

function load(): StoredSession | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as StoredSession | null;
    return stored && Date.parse(stored.expiresAt) > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

export const hasRole = (user: SessionUser | undefined, role: string) => Boolean(user?.roles.includes(role));

/** Each role's own page: officers their cases, auditors the audit list, contributors their tasks, administrators the workflows. */
export function homeFor(user: SessionUser): string {
  if (hasRole(user, 'officer')) return '/cases';
  if (hasRole(user, 'auditor')) return '/audit';
  // A contributor in a service area answers tasks; an administrator who is one too still lands on the workflows.
  if (hasRole(user, 'contributor') && !hasRole(user, 'admin')) return '/tasks';
  if (hasRole(user, 'admin')) return '/workflows';
  return '/dashboard';
}

function takeReturn(userId: string): string | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(RETURN_KEY) ?? 'null') as {
      userId: string;
      path: string;
    } | null;
    sessionStorage.removeItem(RETURN_KEY);
    return stored?.userId === userId ? stored.path : null;
  } catch {
    return null;
  }
}

/**
 * Where a sign-in lands: back where the same person's session ran out; a link opened before signing
 * in; otherwise the role's home. Never the page a previous user of the tab left open: signing out
 * goes back to the start.
 */
function landingFor(user: SessionUser): string {
  const back = takeReturn(user.id);
  if (back) return back;
  const here = `${window.location.pathname}${window.location.search}`;
  return window.location.pathname === '/' || window.location.pathname === '/set-password'
    ? homeFor(user)
    : here;
}

interface SessionState {
  session: StoredSession | null;
  /** Why the last session ended, shown on the sign-in page. */
  endedBecause: string | null;
  signIn(session: StoredSession): void;
  /** `expired`: the session ended by itself, so its owner may come back to the page they were on. */
  signOut(reason?: string, options?: { expired?: boolean }): void;
}

export const useSession = create<SessionState>((set, get) => ({
  session: load(),
  endedBecause: null,
  signIn(session) {
    sessionStorage.setItem(KEY, JSON.stringify(session));
    // wouter follows history.replaceState, so the app renders the landing page straight away.
    window.history.replaceState(null, '', landingFor(session.user));
    set({ session, endedBecause: null });
  },
  signOut(reason, options) {
    const user = get().session?.user;
    sessionStorage.removeItem(KEY);
    if (options?.expired && user) {
      const path = `${window.location.pathname}${window.location.search}`;
      sessionStorage.setItem(RETURN_KEY, JSON.stringify({ userId: user.id, path }));
    } else {
      sessionStorage.removeItem(RETURN_KEY);
    }
    window.history.replaceState(null, '', '/');
    set({ session: null, endedBecause: reason ?? null });
  },
}));
