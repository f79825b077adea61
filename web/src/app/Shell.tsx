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
  const announcerRef = useRef<HTMLParagraphElement>(null);
  const firstRender = useRef(true);
  const menuRef = useRef<HTMLUListElement>(null);
  const [languageError, setLanguageError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');

  // After a navigation, the focus goes back to the top of the document, on a hidden line naming the new page (the
  // page's title, which it has just set): a screen reader announces it, and the next Tab reaches the skip link, as
  // on a page loaded afresh. (Focusing <main> instead left the skip link behind the focus, out of reach.)
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    setAnnouncement(document.title);
    announcerRef.current?.focus();
  }, [location.pathname]);

  // On a phone the menu is one row that scrolls sideways: the current entry is brought into it, at its nearest edge.
  useEffect(() => revealCurrentEntry(menuRef.current), [location.pathname]);

  async function saveLanguage(locale: Parameters<typeof changeLocale>[0]) {
    setLanguageError(null);
    await changeLocale(locale);
  }

  return (
    <div className="app">
      <p ref={announcerRef} className="visually-hidden route-announcer" tabIndex={-1}>
        {announcement}
      </p>
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
          <ul ref={menuRef}>
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
        <main id="main" tabIndex={-1} className="content" data-location={location.pathname + location.search}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}

/**
 * Scrolls the menu's row so that the current entry shows, when the row scrolls sideways (a phone); a menu that fits
 * (a laptop's column) is left alone, so that the page never moves under the reader.
 */
export function revealCurrentEntry(list: HTMLUListElement | null): void {
  const current = list?.querySelector<HTMLElement>('a[aria-current="page"]');
  if (!list || !current || list.scrollWidth <= list.clientWidth) return;
  current.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
