import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayNumberOf, fromLocal, minutesOf } from '../../../../../src/platform/calendar/local-time.js';
import { CARE_RULE_ID } from '../../../../../src/need-to-know/contract.js';
import { ApiError } from '../../../api/client.js';
import type { Decision } from './api.js';
import { useFormat } from '../../../i18n/format.js';

/** The language of the policy's own texts for this reader: the reader's own (French, English or Italian). */
export function usePolicyLanguage(): 'fr' | 'en' | 'it' {
  const { i18n } = useTranslation();
  return i18n.language === 'fr' || i18n.language === 'it' ? i18n.language : 'en';
}

interface PolicyItem {
  rule?: string | undefined;
  until?: string | null | undefined;
  message?: string | undefined;
  messages?: { fr?: string | undefined; en?: string | undefined; it?: string | undefined } | undefined;
}

/**
 * The words of a decision's reason or notice, and their language when it is not the page's: the neutral care rule
 * (what a reader without need-to-know sees of a care hold) in the app's own language by its rule id, every other rule
 * in the policy's words in the reader's language (a notice the policy document carries has no Italian: English).
 */
export function usePolicyText(): (
  item: PolicyItem,
  kind?: 'reason' | 'notice',
) => { text: string; lang: string | undefined } {
  const { t, i18n } = useTranslation();
  const language = usePolicyLanguage();
  return (item, kind = 'reason') => {
    if (item.rule === CARE_RULE_ID) {
      const key =
        kind === 'notice'
          ? 'needToKnow.careRule.notice'
          : item.until
            ? 'needToKnow.careRule.untilEnd'
            : 'needToKnow.careRule.untilLifted';
      return { text: t(key), lang: undefined };
    }
    const [policy, policyLanguage] =
      item.messages?.[language] !== undefined ? [item.messages[language], language] : [item.messages?.en, 'en'];
    return {
      text: policy ?? item.message ?? item.rule ?? '',
      lang: policy !== undefined && i18n.language !== policyLanguage ? policyLanguage : undefined,
    };
  };
}

/**
 * The server's "now" (a test server's clock may differ from the browser's), moving on with the browser's clock:
 * what the debtor's local time is shown from. Re-renders every 30 seconds.
 */
export function useServerNow(serverNow: string): Date {
  // How far the server's clock is from the browser's, measured when its "now" arrives (each reload brings a new one).
  const skew = useMemo(() => new Date(serverNow).getTime() - Date.now(), [serverNow]);
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setTick(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return new Date(Math.max(tick, new Date(serverNow).getTime() - skew) + skew);
}

/** A date (YYYY-MM-DD) and an optional time (HH:MM) read as wall-clock time in a zone, as an ISO instant. */
export function localToIso(timeZone: string, date: string, time = '00:00'): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  return new Date(fromLocal(timeZone, dayNumberOf(date), minutesOf(time))).toISOString();
}

/** An instant shown in the debtor's local time and in the agent's own. */
export function DualTime({ iso, timeZone }: { iso: string; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const debtors = format.dateTimeIn(iso, timeZone);
  const yours = format.dateTimeIn(iso);
  // The same wall-clock time for both (the agent works in the debtor's zone): said once.
  if (debtors === yours) {
    return (
      <>
        <time dateTime={iso}>{debtors}</time> <span className="muted">{t('contact.sameTime')}</span>
      </>
    );
  }
  return (
    <>
      <time dateTime={iso}>{debtors}</time> <span className="muted">{t('contact.debtorTime')}</span>
      {' · '}
      {yours} <span className="muted">{t('contact.yourTime')}</span>
    </>
  );
}

/** Why a channel is refused (every reason, each with when it stops), when it will be possible, and what to keep in mind. */
export function DecisionDetails({ decision, timeZone }: { decision: Decision; timeZone: string }) {
  const { t } = useTranslation();
  const policyText = usePolicyText();
  const several = decision.reasons.length > 1;
  return (
    <>
      {decision.reasons.length > 0 ? (
        <ul className="decision-reasons">
          {decision.reasons.map((reason) => (
            <li key={reason.rule}>
              <span lang={policyText(reason).lang}>{policyText(reason).text}</span>{' '}
              {/* One reason: the next allowed moment below says when it stops. Several: each says its own. */}
              {several ? (
                <span className="muted">
                  {reason.until ? (
                    <>
                      {t('contact.reasonUntil')} <DualTime iso={reason.until} timeZone={timeZone} />
                    </>
                  ) : (
                    t('contact.reasonUntilAct')
                  )}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {!decision.allowed ? (
        <p className="next-allowed">
          <strong>{t('contact.nextAllowed')}</strong>{' '}
          {decision.nextAllowedAt ? (
            <DualTime iso={decision.nextAllowedAt} timeZone={timeZone} />
          ) : (
            t('contact.nextAllowedNone')
          )}
        </p>
      ) : null}
      {decision.override ? (
        <p className="info">
          {t('contact.allowedByOverride', { name: decision.override.grantedBy })}{' '}
          <q lang="fr">{decision.override.reason}</q>
        </p>
      ) : null}
      {decision.notices.length > 0 ? (
        <ul className="decision-notices" aria-label={t('contact.notices')}>
          {decision.notices.map((notice) => (
            <li key={notice.rule} lang={policyText(notice, 'notice').lang}>
              {policyText(notice, 'notice').text}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** The decision carried by a 409 contact.refused, when the error is one. */
export function refusalOf(error: unknown): Decision | null {
  if (!(error instanceof ApiError) || error.code !== 'contact.refused') return null;
  const decision = error.problem.decision as Decision | undefined;
  if (decision && Array.isArray(decision.reasons)) return decision;
  const extra = error.problem as {
    reasons?: Decision['reasons'];
    nextAllowedAt?: string | null;
    policyVersion?: number;
  };
  if (!Array.isArray(extra.reasons)) return null;
  return {
    allowed: false,
    channel: 'phone',
    at: '',
    reasons: extra.reasons,
    notices: [],
    nextAllowedAt: extra.nextAllowedAt ?? null,
    policyVersion: extra.policyVersion ?? 0,
    callback: false,
    override: null,
  };
}
