import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { i18next, type Locale } from '../../i18n/index.js';
import { PortalBudgetPage } from './PortalBudgetPage.js';
import { PortalCallbackPage } from './PortalCallbackPage.js';
import { PortalCasePage } from './PortalCasePage.js';
import { PortalComplaintPage } from './PortalComplaintPage.js';
import { PortalContactDetailsPage } from './PortalContactDetailsPage.js';
import { PortalDifficultyPage } from './PortalDifficultyPage.js';
import { PortalDisputePage } from './PortalDisputePage.js';
import { PortalHome } from './PortalHome.js';
import { PortalPaidPage } from './PortalPaidPage.js';
import { PortalPasskeysPage } from './PortalPasskeys.js';
import { PortalPayPage } from './PortalPayPage.js';
import { PortalMandatePage } from './PortalMandatePage.js';
import { PortalPlanPage } from './PortalPlanPage.js';
import { PortalPreferencesPage } from './PortalPreferencesPage.js';
import { PortalSessionProvider, usePortalSession } from './PortalSession.js';
import { PortalSignIn } from './PortalSignIn.js';

/** The debtor portal (docs/portal.md): its own page frame, its own session, no staff navigation. */
export function PortalApp() {
  return (
    <PortalSessionProvider>
      <PortalFrame />
    </PortalSessionProvider>
  );
}

async function chooseLanguage(locale: Locale) {
  sessionStorage.setItem('portal.language', locale);
  await i18next.changeLanguage(locale);
}

function PortalFrame() {
  const { t } = useTranslation();
  const { session, signOut } = usePortalSession();
  const signedIn = session.status === 'signedIn';
  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        {t('portal.skip')}
      </a>
      <header className="portal-header">
        <Link to="/portal" className="portal-brand">
          {signedIn ? session.me.agency.name : t('portal.brand')}
        </Link>
        <div className="portal-header-actions">
          <LanguageSwitcher onChange={chooseLanguage} />
          {signedIn ? (
            <button type="button" className="button" onClick={() => void signOut()}>
              {t('portal.signOut')}
            </button>
          ) : null}
        </div>
      </header>
      <main id="main" className="portal-main">
        {session.status === 'checking' ? (
          <Loading />
        ) : session.status === 'unavailable' ? (
          <ProblemMessage error={session.error} />
        ) : session.status === 'signedOut' ? (
          <PortalSignIn ended={session.ended} />
        ) : (
          <Routes>
            <Route index element={<PortalHome />} />
            <Route path="cases/:caseId" element={<PortalCasePage />} />
            <Route path="cases/:caseId/difficulty" element={<PortalDifficultyPage />} />
            <Route path="cases/:caseId/callback" element={<PortalCallbackPage />} />
            <Route path="cases/:caseId/complaint" element={<PortalComplaintPage />} />
            <Route path="cases/:caseId/dispute" element={<PortalDisputePage />} />
            <Route path="cases/:caseId/budget" element={<PortalBudgetPage />} />
            <Route path="cases/:caseId/plan" element={<PortalPlanPage />} />
            <Route path="cases/:caseId/pay" element={<PortalPayPage />} />
            <Route path="cases/:caseId/pay/:cardPaymentId" element={<PortalPaidPage />} />
            <Route path="cases/:caseId/mandate" element={<PortalMandatePage />} />
            <Route path="preferences" element={<PortalPreferencesPage />} />
            <Route path="details" element={<PortalContactDetailsPage />} />
            <Route path="passkeys" element={<PortalPasskeysPage />} />
            <Route path="*" element={<PortalHome />} />
          </Routes>
        )}
      </main>
      {signedIn ? (
        <footer className="portal-footer">
          <p>
            {t('portal.footer.call', { phone: session.me.agency.phone })} {session.me.agency.hours}.
          </p>
          {session.me.agency.address.length > 0 ? <p>{session.me.agency.address.join(', ')}</p> : null}
        </footer>
      ) : null}
    </div>
  );
}
