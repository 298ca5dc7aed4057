import { create } from 'zustand';
import type { SignInMutation } from './gql/graphql';

/** A sign-in as the api answers it (the SignIn mutation), kept for the tab's life. */
type StoredSession = SignInMutation['login'];
export type SessionUser = StoredSession['user'];

// sessionStorage, not localStorage: council PCs are shared, and a closed tab should end the session.
const KEY = 'recordflow.session';

function load(): StoredSession | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as StoredSession | null;
    return stored && Date.parse(stored.expiresAt) > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

interface SessionState {
  session: StoredSession | null;
  /** Why the last session ended, shown on the sign-in page. */
  endedBecause: string | null;
  signIn(session: StoredSession): void;
  signOut(reason?: string): void;
}

export const useSession = create<SessionState>((set) => ({
  session: load(),
  endedBecause: null,
  signIn(session) {
    sessionStorage.setItem(KEY, JSON.stringify(session));
    set({ session, endedBecause: null });
  },
  signOut(reason) {
    sessionStorage.removeItem(KEY);
    set({ session: null, endedBecause: reason ?? null });
  },
}));

export const hasRole = (user: SessionUser | undefined, role: string) => Boolean(user?.roles.includes(role));
