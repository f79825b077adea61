import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onSessionLost, setCsrfToken } from '../../api/client.js';
import { forgetAllInTab } from '../../api/tabMemory.js';
import { getMe, saveLocale, signOut as endSession } from './api.js';
import type { Me } from './api.js';
import { i18next, type Locale } from '../../i18n/index.js';

export type Session =
  | { status: 'checking' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; me: Me }
  | { status: 'unavailable'; error: unknown };

interface SessionApi {
  session: Session;
  /** Adopts the user returned by the sign-in. */
  signedIn: (me: Me) => Promise<void>;
  signOut: () => Promise<void>;
  /** Saves the language on the account, then shows the interface in it. */
  changeLocale: (locale: Locale) => Promise<void>;
  recheck: () => void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);

  // The person's language first (its texts are fetched the first time: i18n/index.ts), then the signed-in pages: an
  // English or Italian reader never sees them in French for a moment.
  const adopt = useCallback(async (me: Me) => {
    setCsrfToken(me.csrfToken);
    await i18next.changeLanguage(me.locale);
    setSession({ status: 'signedIn', me });
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    // Work in progress kept in the tab (a call's checklist) belongs to the session that ends.
    forgetAllInTab();
    setSession({ status: 'signedOut' });
  }, []);

  useEffect(() => {
    onSessionLost(forget);
    return () => onSessionLost(null);
  }, [forget]);

  // On load, the cookie (if any) tells who is signed in; 401 means nobody.
  useEffect(() => {
    const controller = new AbortController();
    getMe(controller.signal).then(adopt, (error: unknown) => {
      if (controller.signal.aborted) return;
      if (error instanceof ApiError && error.status === 401) forget();
      else setSession({ status: 'unavailable', error });
    });
    return () => controller.abort();
  }, [adopt, forget, attempt]);

  const signOut = useCallback(async () => {
    try {
      await endSession();
    } catch {
      // The session may already be gone on the server; the browser forgets it either way.
    }
    forget();
  }, [forget]);

  const changeLocale = useCallback(async (locale: Locale) => {
    await saveLocale(locale);
    await i18next.changeLanguage(locale);
    setSession((current) =>
      current.status === 'signedIn' ? { status: 'signedIn', me: { ...current.me, locale } } : current,
    );
  }, []);

  const value = useMemo<SessionApi>(
    () => ({ session, signedIn: adopt, signOut, changeLocale, recheck: () => setAttempt((n) => n + 1) }),
    [session, adopt, signOut, changeLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession must be used inside <SessionProvider>');
  return api;
}

/** The signed-in user; only for components rendered behind <RequireSession>. */
export function useMe(): Me {
  const { session } = useSession();
  if (session.status !== 'signedIn') throw new Error('useMe needs a signed-in session');
  return session.me;
}
