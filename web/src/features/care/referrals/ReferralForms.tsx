import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HELPS_WITH,
  SENT_HOW,
  type HelpsWith,
  type ReferralOutcome,
  type SentHow,
} from '../../../../../src/care/referrals/contract.js';
import { addDays } from '../../../../../src/platform/calendar/dates.js';
import { useFormat } from '../../../i18n/format.js';
import { CodeSelect, Field } from '../../../ui/fields.js';
import { SectionForm } from '../../../ui/SectionForm.js';
import { useSubmit } from '../../../ui/useSubmit.js';
import {
  closeReferral,
  proposeReferral,
  rescheduleFollowUp,
  sendReferral,
  type OrganisationView,
  type ReferralView,
} from './api.js';

/** Two weeks ahead, as the server proposes by default. */
const DEFAULT_FOLLOW_UP_DAYS = 14;

/**
 * Proposes a referral, with the debtor's consent: what they need help with narrows the directory's suggestions for
 * them (their country, national or local to their département or region, nearest first).
 */
export function ProposeReferralForm(props: {
  debtorId: string;
  caseId: string | null;
  suggestions: OrganisationView[];
  today: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [helps, setHelps] = useState<HelpsWith>('budget_advice');
  const offered = props.suggestions.filter((organisation) => organisation.helpsWith.includes(helps));
  const [organisationId, setOrganisationId] = useState('');
  const chosen = offered.find((organisation) => organisation.id === organisationId) ?? offered[0] ?? null;
  const [need, setNeed] = useState('');
  const [followUpOn, setFollowUpOn] = useState(addDays(props.today, DEFAULT_FOLLOW_UP_DAYS));
  const [consent, setConsent] = useState(false);
  async function send() {
    if (!chosen) return;
    const ok = await submit.run(async () => {
      await proposeReferral(props.debtorId, {
        consent: true,
        organisationId: chosen.id,
        need: need.trim(),
        caseId: props.caseId,
        followUpOn,
      });
      return (say) => say('careReferrals.propose.done', { name: chosen.name });
    });
    if (ok) {
      setNeed('');
      setConsent(false);
      props.onDone();
    }
  }
  return (
    <SectionForm
      id="referral-propose"
      heading={t('careReferrals.propose.heading')}
      submitLabel={t('careReferrals.propose.submit')}
      submit={submit}
      onSubmit={() => void send()}
      disabled={!chosen || !consent}
    >
      <p className="hint wide">{t('careReferrals.propose.intro')}</p>
      <CodeSelect
        id="referral-helps-with"
        label={t('careReferrals.propose.helpsWith')}
        group="careReferrals.helpsWith"
        values={HELPS_WITH}
        value={helps}
        onChange={(value) => {
          setHelps(value);
          setOrganisationId('');
        }}
      />
      <OrganisationPicker offered={offered} chosen={chosen} onChoose={setOrganisationId} />
      <Field id="referral-need" label={t('careReferrals.propose.need')} wide>
        {(control) => (
          <input {...control} required maxLength={300} value={need} onChange={(e) => setNeed(e.target.value)} />
        )}
      </Field>
      <Field
        id="referral-follow-up"
        label={t('careReferrals.propose.followUpOn')}
        hint={t('careReferrals.propose.followUpHint')}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            required
            min={props.today}
            value={followUpOn}
            onChange={(e) => setFollowUpOn(e.target.value)}
          />
        )}
      </Field>
      <div className="checkbox-field wide">
        <label>
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />{' '}
          {t('careReferrals.propose.consent')}
        </label>
      </div>
    </SectionForm>
  );
}

/** The organisations of the directory offered for the need chosen, nearest first. */
function OrganisationPicker(props: {
  offered: OrganisationView[];
  chosen: OrganisationView | null;
  onChoose: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { offered, chosen } = props;
  const setOrganisationId = props.onChoose;
  return (
    <Field
      id="referral-organisation"
      label={t('careReferrals.propose.organisation')}
      hint={
        offered.length === 0 ? t('careReferrals.propose.noOrganisation') : t('careReferrals.propose.organisationHint')
      }
    >
      {(control) => (
        <select
          {...control}
          required
          disabled={offered.length === 0}
          value={chosen?.id ?? ''}
          onChange={(e) => setOrganisationId(e.target.value)}
        >
          {offered.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.area ? `${organisation.name} (${organisation.area})` : organisation.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** What follows an open referral: how it was sent (once), its follow-up moved, its closing with an outcome. */
export function ReferralActs(props: { referral: ReferralView; today: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { referral } = props;
  const headingId = `referral-${referral.id}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('careReferrals.act.legend', { name: referral.organisation.name })}</h3>
      {referral.status === 'proposed' ? <SendForm referral={referral} onDone={props.onDone} /> : null}
      <RescheduleForm referral={referral} today={props.today} onDone={props.onDone} />
      <CloseForm referral={referral} onDone={props.onDone} />
    </section>
  );
}

function SendForm({ referral, onDone }: { referral: ReferralView; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [how, setHow] = useState<SentHow>('letter');
  async function send() {
    if (await submit.run(async () => void (await sendReferral(referral.id, how)))) onDone();
  }
  return (
    <SectionForm
      id={`referral-${referral.id}-send`}
      heading={t('careReferrals.act.sendSubmit')}
      submitLabel={t('careReferrals.act.sendSubmit')}
      submit={submit}
      onSubmit={() => void send()}
    >
      <CodeSelect
        id={`referral-${referral.id}-how`}
        label={t('careReferrals.act.send')}
        group="careReferrals.sentHow"
        values={SENT_HOW}
        value={how}
        onChange={setHow}
      />
      <p className="hint wide">{t('careReferrals.act.sendHint')}</p>
    </SectionForm>
  );
}

function RescheduleForm(props: { referral: ReferralView; today: string; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const submit = useSubmit();
  const { referral } = props;
  const [on, setOn] = useState(referral.followUpOn < props.today ? props.today : referral.followUpOn);
  async function send() {
    const ok = await submit.run(async () => {
      await rescheduleFollowUp(referral.id, on);
      return (say) => say('careReferrals.act.rescheduled', { date: format.date(on) });
    });
    if (ok) props.onDone();
  }
  return (
    <SectionForm
      id={`referral-${referral.id}-follow-up`}
      heading={t('careReferrals.act.reschedule')}
      submitLabel={t('careReferrals.act.reschedule')}
      submit={submit}
      onSubmit={() => void send()}
    >
      <Field id={`referral-${referral.id}-follow-up-on`} label={t('careReferrals.act.followUpOn')}>
        {(control) => (
          <input
            {...control}
            type="date"
            required
            min={props.today}
            value={on}
            onChange={(e) => setOn(e.target.value)}
          />
        )}
      </Field>
    </SectionForm>
  );
}

function CloseForm({ referral, onDone }: { referral: ReferralView; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [outcome, setOutcome] = useState<ReferralOutcome>(referral.outcomes[0] ?? 'refused');
  const [note, setNote] = useState('');
  async function send() {
    const ok = await submit.run(async () => {
      await closeReferral(referral.id, { outcome, note: note.trim() === '' ? null : note.trim() });
      return (say) => say('careReferrals.act.closed');
    });
    if (ok) onDone();
  }
  return (
    <SectionForm
      id={`referral-${referral.id}-close`}
      heading={t('careReferrals.act.close')}
      submitLabel={t('careReferrals.act.close')}
      submit={submit}
      onSubmit={() => void send()}
    >
      <CodeSelect
        id={`referral-${referral.id}-outcome`}
        label={t('careReferrals.act.outcome')}
        group="careReferrals.outcomes"
        values={referral.outcomes}
        value={outcome}
        onChange={setOutcome}
      />
      <Field id={`referral-${referral.id}-note`} label={t('careReferrals.act.note')} wide>
        {(control) => <textarea {...control} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
    </SectionForm>
  );
}
