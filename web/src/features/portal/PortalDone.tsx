import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What a person sees once a request is recorded: that it is, what happens now, and the way back to the file. */
export function PortalDone({ caseId, heading, text }: { caseId: string; heading: string; text: string }) {
  const { t } = useTranslation();
  return (
    <div className="portal-card">
      <h1>{heading}</h1>
      <p role="status">{text}</p>
      <p>
        <Link to={`/portal/cases/${caseId}`}>{t('portal.case.backToCase')}</Link>
      </p>
    </div>
  );
}
