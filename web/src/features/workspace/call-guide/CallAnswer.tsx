import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { labelOf } from '../../../i18n/labels.js';
import { withAmounts } from '../../../i18n/amounts.js';
import { useFormat } from '../../../i18n/format.js';
import { ProblemMessage } from '../../../ui/ProblemMessage.js';
import { DualTime, usePolicyText } from '../../contact-policy/case-contact/shared.js';
import type { CallResult } from '../api.js';

/** One refusal reason as a 409 contact.refused carries it (the contact policy's words, in French, English and Italian). */
interface RefusalReason {
  rule?: string;
  message?: string;
  messages?: { fr?: string; en?: string; it?: string };
  until?: string | null;
}

export interface Refusal {
  reasons: RefusalReason[];
  nextAllowedAt: string | null;
}

/** The reasons and the next allowed moment of a 409 contact.refused, when the error is one. */
export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof ApiError) || error.code !== 'contact.refused') return null;
  const problem = error.problem as {
    reasons?: unknown;
    nextAllowedAt?: unknown;
    decision?: { reasons?: unknown; nextAllowedAt?: unknown };
  };
  const reasons = Array.isArray(problem.reasons)
    ? problem.reasons
    : Array.isArray(problem.decision?.reasons)
      ? problem.decision.reasons
      : [];
  const next =
    typeof problem.nextAllowedAt === 'string'
      ? problem.nextAllowedAt
      : typeof problem.decision?.nextAllowedAt === 'string'
        ? problem.decision.nextAllowedAt
        : null;
  return {
    reasons: reasons.filter((reason): reason is RefusalReason => typeof reason === 'object' && reason !== null),
    nextAllowedAt: next,
  };
}

/** What the server answered: the call recorded and what followed automatically (announced, and focused). */
export function CallRecorded({ recorded, focusRef }: { recorded: CallResult | null; focusRef: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div role="status" className="status-area">
      {recorded ? (
        <div ref={focusRef} tabIndex={-1} className="call-recorded success">
          <p>
            <strong>
              {t('workspace.call.recorded', { outcome: labelOf(t, 'workspace.call.outcomes', recorded.outcome) })}
              {recorded.result ? ` — ${labelOf(t, 'workspace.call.results', recorded.result)}` : ''}
            </strong>
          </p>
          {recorded.actions.length > 0 ? (
            <>
              <p>{t('workspace.call.actions')}</p>
              <ul className="call-actions">
                {recorded.actions.map((action, index) => (
                  <li key={`${action.kind}-${index}`} data-action={action.kind}>
                    {withAmounts(format, action.message)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** Why the call was not recorded: the policy's refusal with its reasons and next moment, or the problem met. */
export function CallProblem({ error, zone }: { error: unknown; zone: string }) {
  const refusal = refusalOf(error);
  if (refusal) return <CallRefusal refusal={refusal} zone={zone} />;
  return error ? <ProblemMessage error={error} /> : null;
}

function CallRefusal({ refusal, zone }: { refusal: Refusal; zone: string }) {
  const { t } = useTranslation();
  const policyText = usePolicyText();
  return (
    <div className="problem refusal" role="alert">
      <p className="problem-title">{t('workspace.call.refused')}</p>
      {refusal.reasons.length > 0 ? (
        <ul className="decision-reasons">
          {refusal.reasons.map((item, index) => {
            const { text, lang: textLang } = policyText(item);
            return (
              <li key={item.rule ?? index}>
                <span lang={textLang}>{text}</span>
                {item.until && refusal.reasons.length > 1 ? (
                  <span className="muted">
                    {' '}
                    {t('contact.reasonUntil')} <DualTime iso={item.until} timeZone={zone} />
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <p className="next-allowed">
        <strong>{t('contact.nextAllowed')}</strong>{' '}
        {refusal.nextAllowedAt ? (
          <DualTime iso={refusal.nextAllowedAt} timeZone={zone} />
        ) : (
          t('contact.nextAllowedNone')
        )}
      </p>
    </div>
  );
}
