import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { navigationFor } from './navigation.js';
import { useMe, useSession } from '../features/identity/SessionProvider.js';
import { LanguageSwitcher } from '../ui/LanguageSwitcher.js';
import { ProblemMessage } from '../ui/ProblemMessage.js';
import { can } from '../features/identity/permissions.js';
import { SearchBox } from '../features/search/SearchBox.js';
import { NotificationBell } from '../features/notifications/NotificationBell.js';

/** The frame of every signed-in page: header, role-aware navigation, and the page in <main>. */
export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut, changeLocale } = useSession();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const [languageError, setLanguageError] = useState<unknown>(null);

  // After a navigation, focus moves to the new page so keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  async function saveLanguage(locale: Parameters<typeof changeLocale>[0]) {
    setLanguageError(null);
    await changeLocale(locale);
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        {can(me.role, 'cases.read') ? <SearchBox /> : null}
        <div className="header-tools">
          <p className="identity">
            <span className="identity-name">{me.displayName}</span>{' '}
            <span className="identity-role">{t(`roles.${me.role}`)}</span>
          </p>
          <NotificationBell />
          <LanguageSwitcher onChange={saveLanguage} onError={setLanguageError} />
          <button type="button" className="button ghost" onClick={() => void signOut()}>
            {t('header.logout')}
          </button>
        </div>
      </header>
      {languageError ? (
        <div className="header-problem">
          <ProblemMessage error={languageError} />
        </div>
      ) : null}
      <div className="layout">
        <nav className="side-nav" aria-label={t('nav.label')}>
          <ul>
            {navigationFor(me.role).map((entry) => (
              <li key={entry.path}>
                <NavLink to={entry.path} end={entry.path === '/'}>
                  {t(entry.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {/* data-location tells automated checks which address the rendered page belongs to. */}
        <main
          id="main"
          ref={mainRef}
          tabIndex={-1}
          className="content"
          data-location={location.pathname + location.search}
        >
          <Outlet />
        </main>
      </div>
    </div>
  );
}
