import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, onSessionLost, setCsrfToken } from '../../api/client.js';
import { i18next, isLocale } from '../../i18n/index.js';
import { portalApi, type PortalMe } from './api.js';

export type PortalSessionState =
  | { status: 'checking' }
  | { status: 'signedOut'; ended: boolean }
  | { status: 'signedIn'; me: PortalMe }
  | { status: 'unavailable'; error: unknown };

interface PortalSessionApi {
  session: PortalSessionState;
  signedIn: (me: PortalMe) => void;
  signOut: () => Promise<void>;
}

const PortalSessionContext = createContext<PortalSessionApi | null>(null);

/**
 * The debtor's portal session: its cookie (httpOnly, set by the sign-in) says who is signed in; 401 means nobody.
 * The portal shows itself in the person's language unless they chose another on screen.
 */
export function PortalSessionProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [session, setSession] = useState<PortalSessionState>({ status: 'checking' });

  const adopt = useCallback((me: PortalMe) => {
    setCsrfToken(me.csrfToken);
    setSession({ status: 'signedIn', me });
  }, []);
  const forget = useCallback((ended: boolean) => {
    setCsrfToken(null);
    setSession({ status: 'signedOut', ended });
  }, []);

  useEffect(() => {
    onSessionLost(() => forget(true));
    return () => onSessionLost(null);
  }, [forget]);

  useEffect(() => {
    const controller = new AbortController();
    portalApi.me(i18n.language, controller.signal).then(
      async (me) => {
        // The person's language before the pages (its texts are fetched the first time: i18n/index.ts).
        if (isLocale(me.language) && !sessionStorage.getItem('portal.language'))
          await i18next.changeLanguage(me.language);
        adopt(me);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) forget(false);
        else setSession({ status: 'unavailable', error });
      },
    );
    return () => controller.abort();
    // The language is read once at load; later changes refetch in the pages that show server words.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [adopt, forget]);

  const signOut = useCallback(async () => {
    try {
      await portalApi.signOut();
    } catch {
      // The session may already be over on the server; the browser forgets it either way.
    }
    forget(false);
  }, [forget]);

  const value = useMemo(() => ({ session, signedIn: adopt, signOut }), [session, adopt, signOut]);
  return <PortalSessionContext.Provider value={value}>{children}</PortalSessionContext.Provider>;
}

export function usePortalSession(): PortalSessionApi {
  const api = useContext(PortalSessionContext);
  if (!api) throw new Error('usePortalSession outside PortalSessionProvider');
  return api;
}

/** The signed-in person (pages under the portal's guard only). */
export function usePortalMe(): PortalMe {
  const { session } = usePortalSession();
  if (session.status !== 'signedIn') throw new Error('usePortalMe without a portal session');
  return session.me;
}
