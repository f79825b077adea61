import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Permission } from '../features/identity/permissions.js';
import { can } from '../features/identity/permissions.js';
import { useMe } from '../features/identity/SessionProvider.js';
import { usePageTitle } from '../ui/usePageTitle.js';

/** A page the role may not use explains why instead of calling the API for a 403. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  if (can(me.role, permission)) return <>{children}</>;
  return <Forbidden />;
}

function Forbidden() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('errors.forbidden'));
  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading">{t('errors.forbidden')}</h1>
      <p role="alert" className="problem">
        {t('errors.forbiddenPage', { role: t(`roles.${me.role}`) })}
      </p>
      <p>
        <Link to="/">{t('errors.goHome')}</Link>
      </p>
    </section>
  );
}
