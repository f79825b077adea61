import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HOLD_KINDS } from '../../../../../src/contact-policy/contract.js';
import { liftHold, placeHold, type Hold, type HoldKind } from './api.js';
import { ProblemMessage } from '../../../ui/ProblemMessage.js';
import { HoldsTable } from './HoldsTable.js';
import { labelOf } from '../../../i18n/labels.js';
import { can } from '../../identity/permissions.js';
import { useMe } from '../../identity/SessionProvider.js';
import type { ContactPartProps } from './ContactPanel.js';
import { CodeSelect } from '../../../ui/fields.js';
import { localToIso } from './shared.js';
import { SubmitFeedback, useSubmit } from '../../../ui/useSubmit.js';

/** The debtor's holds (on this case or on all of the debtor's cases): list, place, lift with a reason. */
export function HoldsPanel(props: ContactPartProps) {
  const { t } = useTranslation();
  const me = useMe();
  const { caseId, contact } = props;
  const manage = can(me.role, 'holds.manage');
  const [lifting, setLifting] = useState<Hold | null>(null);
  const holds = contact.holds.filter((hold) => hold.caseId === null || hold.caseId === caseId);

  return (
    <section className="card" aria-labelledby="holds-heading">
      <h2 id="holds-heading">{t('case.holds')}</h2>
      {holds.length === 0 ? (
        <p>{t('case.noHolds')}</p>
      ) : (
        <HoldsTable
          holds={holds}
          detailed
          timeZone={contact.location.timeZone}
          action={
            manage
              ? {
                  header: t('common.actions'),
                  cell: (hold) =>
                    hold.status === 'active' ? (
                      <button
                        type="button"
                        className="button secondary small"
                        aria-label={t('contact.holds.liftOne', { kind: labelOf(t, 'values.holdKinds', hold.kind) })}
                        onClick={() => setLifting(contact.holds.find((candidate) => candidate.id === hold.id) ?? null)}
                      >
                        {t('contact.holds.lift')}
                      </button>
                    ) : null,
                }
              : undefined
          }
        />
      )}
      {manage && lifting ? (
        <LiftHoldForm key={lifting.id} hold={lifting} onClose={() => setLifting(null)} reload={props.reload} />
      ) : null}
      {manage ? <PlaceHoldForm {...props} /> : null}
    </section>
  );
}

function LiftHoldForm({ hold, onClose, reload }: { hold: Hold; onClose: () => void; reload: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const kind = labelOf(t, 'values.holdKinds', hold.kind);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) return;
    if (await submit.run(async () => void (await liftHold(hold.id, reason.trim())))) {
      onClose();
      reload();
    }
  }

  return (
    <form className="grid-form lift-form" aria-labelledby="lift-hold-heading" onSubmit={(event) => void send(event)}>
      <h3 id="lift-hold-heading" className="form-title">
        {t('contact.holds.liftHeading', { kind })}
      </h3>
      <div className="field wide">
        <label htmlFor="lift-reason">{t('contact.holds.liftReason')}</label>
        {/* The form opens on a click on "Lift": the focus follows it to the one field to fill. */}
        <input
          id="lift-reason"
          type="text"
          required
          autoFocus
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {t('contact.holds.liftConfirm')}
        </button>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('contact.cancel')}
        </button>
      </div>
      {submit.error ? <ProblemMessage error={submit.error} /> : null}
    </form>
  );
}

function PlaceHoldForm({ caseId, contact, reload }: ContactPartProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<HoldKind>('dispute');
  const [scope, setScope] = useState<'case' | 'debtor'>('case');
  const [reason, setReason] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [reviewOn, setReviewOn] = useState('');
  const [checked, setChecked] = useState(false);
  const submit = useSubmit();
  const zone = contact.location.timeZone;
  const rule = contact.holdRules[kind];
  // A kind with a default pause (a vulnerability: 30 days) may be placed without a date: the server sets its end.
  const undated = !endsOn && !reviewOn && rule.defaultDays === null;
  const noReason = !reason.trim();

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (undated || noReason) return;
    const endsAt = endsOn ? localToIso(zone, endsOn) : null;
    const reviewAt = reviewOn ? localToIso(zone, reviewOn) : null;
    const placed = await submit.run(async () => {
      const hold = await placeHold(contact.debtorId, {
        kind,
        reason: reason.trim(),
        ...(scope === 'case' ? { caseId } : {}),
        ...(endsAt ? { endsAt } : {}),
        ...(reviewAt ? { reviewAt } : {}),
      });
      return (t) => t('contact.holds.placed', { kind: labelOf(t, 'values.holdKinds', hold.kind) });
    });
    if (placed) {
      setReason('');
      setEndsOn('');
      setReviewOn('');
      setChecked(false);
      reload();
    }
  }

  const showUndated = checked && undated;
  const showNoReason = checked && noReason;
  return (
    <>
      <h3 id="place-hold-heading">{t('contact.holds.placeHeading')}</h3>
      <p id="hold-rule" className="hint contact-intro">
        {t('contact.holds.rule', { zone })}
      </p>
      <form
        className="grid-form"
        aria-labelledby="place-hold-heading"
        aria-describedby="hold-rule"
        onSubmit={(event) => void send(event)}
        noValidate
      >
        <CodeSelect
          id="hold-kind"
          label={t('case.holdKind')}
          group="values.holdKinds"
          values={HOLD_KINDS}
          value={kind}
          onChange={setKind}
        />
        <div className="field">
          <label htmlFor="hold-scope">{t('contact.holds.scope')}</label>
          <select id="hold-scope" value={scope} onChange={(event) => setScope(event.target.value as 'case' | 'debtor')}>
            <option value="case">{t('contact.holds.thisCase')}</option>
            <option value="debtor">{t('contact.holds.allCases')}</option>
          </select>
        </div>
        <HoldKindRule rule={rule} />
        <HoldDateFields
          endsOn={endsOn}
          reviewOn={reviewOn}
          onEndsOn={setEndsOn}
          onReviewOn={setReviewOn}
          showUndated={showUndated}
        />
        <HoldReasonField reason={reason} onReason={setReason} showNoReason={showNoReason} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={submit.busy}>
            {t('contact.holds.place')}
          </button>
        </div>
      </form>
      <SubmitFeedback
        submit={submit}
        problem={
          submit.error ? (
            <ProblemMessage error={submit.error} overrides={holdProblemOverrides(submit.error, t)} />
          ) : undefined
        }
      />
    </>
  );
}

/** holds.too_long says how long a hold of that kind may last: the message gives the figure. */
function holdProblemOverrides(
  error: unknown,
  t: ReturnType<typeof useTranslation>['t'],
): Partial<Record<string, string>> {
  const maxDays = (error as { problem?: { maxDays?: unknown } }).problem?.maxDays;
  return typeof maxDays === 'number' ? { 'holds.too_long': t('contact.holds.tooLong', { maxDays }) } : {};
}

/** What a hold of the kind chosen stops, and how long it lasts by default and at most. */
function HoldKindRule({ rule }: { rule: ContactPartProps['contact']['holdRules'][HoldKind] }) {
  const { t } = useTranslation();
  return (
    <p id="hold-kind-rule" className="hint wide-hint" aria-live="polite">
      {[
        rule.stops.length === 0
          ? t('contact.holds.stopsNothing')
          : t('contact.holds.stops', {
              channels: rule.stops.map((channel) => labelOf(t, 'values.channels', channel)).join(', '),
            }),
        rule.defaultDays !== null ? t('contact.holds.defaultDays', { days: rule.defaultDays }) : '',
        rule.maxDays !== null ? t('contact.holds.maxDays', { days: rule.maxDays }) : '',
      ]
        .filter(Boolean)
        .join(' ')}
    </p>
  );
}

/** The day the hold ends and the day it is reviewed (one of them, unless the kind has a default length). */
function HoldDateFields({
  endsOn,
  reviewOn,
  onEndsOn,
  onReviewOn,
  showUndated,
}: {
  endsOn: string;
  reviewOn: string;
  onEndsOn: (value: string) => void;
  onReviewOn: (value: string) => void;
  showUndated: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {[
        { id: 'hold-ends', label: t('contact.holds.endsOn'), value: endsOn, set: onEndsOn },
        { id: 'hold-review', label: t('contact.holds.reviewOn'), value: reviewOn, set: onReviewOn },
      ].map((date) => (
        <div key={date.id} className="field">
          <label htmlFor={date.id}>{date.label}</label>
          <input
            id={date.id}
            type="date"
            value={date.value}
            onChange={(event) => date.set(event.target.value)}
            aria-invalid={showUndated}
            aria-describedby={showUndated ? 'hold-dates-error' : undefined}
          />
        </div>
      ))}
      {showUndated ? (
        <p id="hold-dates-error" className="field-error wide-error" role="alert">
          {t('contact.holds.undated')}
        </p>
      ) : null}
    </>
  );
}

function HoldReasonField(props: { reason: string; onReason: (value: string) => void; showNoReason: boolean }) {
  const { t } = useTranslation();
  const { showNoReason } = props;
  return (
    <div className="field wide">
      <label htmlFor="hold-reason">{t('case.reason')}</label>
      <textarea
        id="hold-reason"
        rows={2}
        required
        value={props.reason}
        onChange={(event) => props.onReason(event.target.value)}
        aria-invalid={showNoReason}
        aria-describedby={showNoReason ? 'hold-reason-error' : undefined}
      />
      {showNoReason ? (
        <p id="hold-reason-error" className="field-error" role="alert">
          {t('contact.holds.reasonRequired')}
        </p>
      ) : null}
    </div>
  );
}
