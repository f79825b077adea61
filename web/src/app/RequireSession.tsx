import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/identity/SessionProvider.js';
import { Loading } from '../ui/Loading.js';
import { ProblemMessage } from '../ui/ProblemMessage.js';

/** Pages behind it need a signed-in user; without one the browser goes to the sign-in page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, recheck } = useSession();
  switch (session.status) {
    case 'checking':
      return (
        <main id="main" className="standalone">
          <Loading label={t('session.checking')} />
        </main>
      );
    case 'signedOut':
      return <Navigate to="/login" replace />;
    case 'unavailable':
      return (
        <main id="main" className="standalone">
          <ProblemMessage error={session.error} onRetry={recheck} />
        </main>
      );
    case 'signedIn':
      return <>{children}</>;
  }
}
