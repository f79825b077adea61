import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Facts } from '../../ui/Facts.js';
import { Field } from '../../ui/fields.js';
import { SectionForm } from '../../ui/SectionForm.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { getCareView, type BreathingSpaceView, type CareView, type VulnerabilityView } from './api.js';
import { BreathingSpaceForm, DismissForm, ReviewForm } from './CareForms.js';
import { adaptationWords, signalReasonWords } from './careWords.js';
import { RecordForm } from './RecordForm.js';

interface PanelProps {
  caseId: string;
  debtorId: string;
  caseOpen: boolean;
  onChanged: () => void;
  /** The referrals section (proposed, sent, followed up, closed): placed under the situation and the signals. */
  referrals?: ReactNode;
}

/**
 * The person first (REGULATION §4, §5): the debtor's situation as the care team recorded it (drivers, how to adapt,
 * the adaptations in words, consent and basis, the review date, the breathing space), the signals to confirm or
 * dismiss, then the referrals. Under need-to-know: a reader without it sees only that collection is adapted, and
 * until when; any case worker may still record a vulnerability.
 */
export function CarePanel(props: PanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  // A team leader or a manager outside the cases they hold reads the details by stating why.
  const [reason, setReason] = useState<string | null>(null);
  const view = useLiveData(
    (signal) => getCareView(props.debtorId, reason, signal),
    `${props.debtorId}:${reason ?? ''}`,
  );
  const changed = () => {
    view.reload();
    props.onChanged();
  };
  return (
    <section className="card" aria-labelledby="care-heading">
      <h2 id="care-heading">{t('care.heading')}</h2>
      <AsyncContent data={view} onRetry={view.reload}>
        {(found: CareView) =>
          found.restricted ? (
            <>
              <p>
                {!found.adapted
                  ? t('care.none')
                  : found.adaptedUntil
                    ? t('care.restricted', { date: format.date(found.adaptedUntil) })
                    : t('care.restrictedNoDate')}
              </p>
              {found.adapted && READ_BY_REASON.includes(me.role) ? (
                <Opening label={t('care.reasonForm.heading')}>
                  <ReasonForm onReason={setReason} />
                </Opening>
              ) : null}
              {props.caseOpen && can(me.role, 'care.record') ? (
                <Opening label={t('care.record.open')}>
                  <RecordForm debtorId={props.debtorId} caseId={props.caseId} onDone={changed} />
                </Opening>
              ) : null}
            </>
          ) : (
            <CareDetails view={found} {...props} onChanged={changed} />
          )
        }
      </AsyncContent>
    </section>
  );
}

function CareDetails(props: PanelProps & { view: Extract<CareView, { restricted: false }> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const manage = can(me.role, 'care.manage');
  const live = props.view.records.find((record) => record.status !== 'ended') ?? null;
  const space = props.view.breathingSpaces.find((each) => each.status === 'active') ?? null;
  const open = props.view.signals.filter((signal) => signal.status === 'open');
  return (
    <>
      <h3>{t('care.situation')}</h3>
      {live ? <RecordFacts record={live} space={space} /> : <p>{t('care.none')}</p>}
      {live && manage ? (
        <Opening label={t('care.review.heading')}>
          <ReviewForm record={live} onDone={props.onChanged} />
        </Opening>
      ) : null}
      {!live && props.caseOpen && can(me.role, 'care.record') ? (
        <Opening label={t('care.record.open')}>
          <RecordForm debtorId={props.debtorId} caseId={props.caseId} onDone={props.onChanged} />
        </Opening>
      ) : null}
      {manage && (!space || space.mayRenew) ? (
        <Opening label={space ? t('care.space.renewHeading') : t('care.space.startHeading')}>
          <BreathingSpaceForm
            debtorId={props.debtorId}
            caseId={props.caseId}
            renew={space ? space.holdId : null}
            onDone={props.onChanged}
          />
        </Opening>
      ) : null}
      <h3>{t('care.signals.heading')}</h3>
      <p className="hint">{t('care.signals.intro')}</p>
      {open.length === 0 ? <p>{t('care.signals.none')}</p> : null}
      <ul className="plain-list" hidden={open.length === 0}>
        {open.map((signal) => (
          <li key={signal.id}>
            <strong>{labelOf(t, 'care.signals.kinds', signal.kind)}</strong> · {signalReasonWords(t, format, signal)}
            {signal.declarations.length > 0 ? (
              <ul>
                {signal.declarations.map((declaration) => (
                  <li key={declaration.declaredAt}>
                    {t('care.signals.declaredOn', {
                      day: format.dateTime(declaration.declaredAt),
                      kind: t(`portal.difficulty.kinds.${declaration.kind}`),
                    })}
                    {declaration.note ? <q>{declaration.note}</q> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {!live && can(me.role, 'care.record') ? (
              <Opening label={t('care.signals.confirm')}>
                <RecordForm
                  debtorId={props.debtorId}
                  caseId={props.caseId}
                  signalId={signal.id}
                  onDone={props.onChanged}
                />
              </Opening>
            ) : null}
            {manage ? (
              <Opening label={t('care.signals.dismiss')}>
                <DismissForm signal={signal} onDone={props.onChanged} />
              </Opening>
            ) : null}
          </li>
        ))}
      </ul>
      {/* The referrals to organisations that help (proposed, sent, followed up, closed) go here. */}
      {props.referrals ?? null}
    </>
  );
}

function RecordFacts({ record, space }: { record: VulnerabilityView; space: BreathingSpaceView | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const consent = labelOf(t, 'care.consents', record.consent);
  return (
    <Facts
      items={[
        { label: t('care.facts.drivers'), value: record.drivers.map((d) => labelOf(t, 'care.drivers', d)).join(', ') },
        { label: t('care.facts.note'), value: record.note },
        {
          label: t('care.facts.adaptations'),
          value: (
            <ul className="plain-list">
              {adaptationWords(t, record.adaptations).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ),
        },
        {
          label: t('care.facts.consent'),
          value: record.consentAt
            ? t('care.consentOn', { consent, date: format.instantDate(new Date(record.consentAt)) })
            : consent,
        },
        { label: t('care.facts.basis'), value: labelOf(t, 'care.bases', record.legalBasis) },
        { label: t('care.facts.reviewOn'), value: <strong>{format.date(record.reviewOn)}</strong> },
        { label: t('care.facts.status'), value: labelOf(t, 'care.statuses', record.status) },
        {
          label: t('care.facts.recordedBy'),
          value: `${record.recordedBy ?? t('common.none')} · ${format.dateTime(record.recordedAt)}`,
        },
        {
          label: t('care.facts.breathingSpace'),
          value: !space
            ? t('care.breathing.none')
            : space.renewedAt
              ? t('care.breathing.renewed', { date: format.dateTime(space.endsAt), reason: space.renewalReason })
              : t('care.breathing.until', { date: format.dateTime(space.endsAt) }),
        },
      ]}
    />
  );
}

/** Roles that read outside the cases they hold by stating a reason (need-to-know/core: REASON_ROLES). */
const READ_BY_REASON: readonly string[] = ['team_leader', 'manager'];

function ReasonForm({ onReason }: { onReason: (reason: string) => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [reason, setReason] = useState('');
  return (
    <SectionForm
      id="care-reason"
      heading={t('care.reasonForm.heading')}
      submitLabel={t('care.reasonForm.submit')}
      submit={submit}
      onSubmit={() => onReason(reason.trim())}
    >
      <Field id="care-reason-text" label={t('care.reasonForm.reason')} hint={t('care.reasonForm.hint')} wide>
        {(control) => (
          <input
            {...control}
            required
            minLength={10}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
    </SectionForm>
  );
}

/** A form behind its own button (a disclosure), so the person's situation reads first. */
function Opening({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className="disclosure">
      <summary>{label}</summary>
      {children}
    </details>
  );
}
