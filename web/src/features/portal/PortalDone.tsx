import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * What a person sees once a request is recorded: that it is, what happens now (and what follows, `children`: the
 * survey offered in place), and the way back to the file.
 */
export function PortalDone({
  caseId,
  heading,
  text,
  children,
}: {
  caseId: string;
  heading: string;
  text: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="portal-card">
      <h1>{heading}</h1>
      <p role="status">{text}</p>
      {children}
      <p>
        <Link to={`/portal/cases/${caseId}`}>{t('portal.case.backToCase')}</Link>
      </p>
    </div>
  );
}
