import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { verifyAudit, type AuditVerification } from './api.js';

/** Checks the hash chain of the whole log on demand and says whether it is intact. */
export function ChainVerification() {
  const { t } = useTranslation();
  const verifying = useSubmit();
  const [result, setResult] = useState<AuditVerification | null>(null);

  async function verify() {
    setResult(null);
    await verifying.run(async () => setResult(await verifyAudit()));
  }

  return (
    <section className="verification" aria-labelledby="verify-heading">
      <h2 id="verify-heading" className="visually-hidden">
        {t('audit.verify')}
      </h2>
      <button type="button" className="button primary" onClick={() => void verify()} disabled={verifying.busy}>
        {t('audit.verify')}
      </button>
      <div role="status" className="status-area">
        {verifying.busy ? <p>{t('audit.verifying')}</p> : null}
        {result ? (
          <div className={result.ok ? 'verification-ok' : 'verification-broken'}>
            <p>
              <strong>
                {result.ok ? t('audit.verifiedOk', { count: result.entriesChecked }) : t('audit.verifiedBroken')}
              </strong>
            </p>
            <p className="muted">
              {result.problem
                ? t(`audit.verification.${result.problem.kind}`, { ...result.problem })
                : t('audit.verification.intact', { batches: result.sealedBatches })}
            </p>
          </div>
        ) : null}
      </div>
      {verifying.error ? <ProblemMessage error={verifying.error} /> : null}
    </section>
  );
}
