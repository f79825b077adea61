import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENTS, DRIVERS, LEGAL_BASES, DEFAULT_REVIEW_MONTHS } from '../../../../src/care/contract.js';
import { addMonths } from '../../../../src/platform/calendar/dates.js';
import { CodeSelect, Field } from '../../ui/fields.js';
import { SectionForm } from '../../ui/SectionForm.js';
import { browserToday } from '../../ui/today.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { recordVulnerability, type RecordInput } from './api.js';
import { DriverChoices } from './DriverChoices.js';
import { adaptationsOfDraft, AdaptationFields, emptyAdaptations, type AdaptationDraft } from './AdaptationFields.js';

type Driver = (typeof DRIVERS)[number];
type Basis = (typeof LEGAL_BASES)[number];
type Consent = (typeof CONSENTS)[number];

interface Draft {
  drivers: Driver[];
  note: string;
  adaptations: AdaptationDraft;
  legalBasis: Basis;
  consent: Consent;
  consentOn: string;
  reviewOn: string;
  breathingSpace: boolean;
}

/**
 * Records a vulnerability (FG21/1): the drivers, the note saying how to adapt (never a diagnosis), the adaptations the
 * contact policy applies, the legal basis and consent, the review date (three months ahead by default). From a signal,
 * it confirms the signal. Any case worker may record one; the care team follows it.
 */
export function RecordForm(props: { debtorId: string; caseId: string; signalId?: string; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const today = browserToday();
  const [draft, setDraft] = useState<Draft>({
    drivers: [],
    note: '',
    adaptations: emptyAdaptations,
    legalBasis: 'explicit_consent',
    consent: 'given',
    consentOn: today,
    reviewOn: addMonths(today, DEFAULT_REVIEW_MONTHS),
    breathingSpace: false,
  });
  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const id = props.signalId ? `care-record-${props.signalId}` : 'care-record';
  const send = () =>
    void submit
      .run(async () => {
        const body: RecordInput = {
          drivers: draft.drivers,
          note: draft.note.trim(),
          adaptations: adaptationsOfDraft(draft.adaptations),
          legalBasis: draft.legalBasis,
          consent: draft.consent,
          // The consent's day at noon: a moment on that day that is never in the future once the day has come.
          consentAt: draft.consent === 'not_asked' ? null : consentMoment(draft.consentOn),
          reviewOn: draft.reviewOn,
          caseId: props.caseId,
          breathingSpace: draft.breathingSpace,
          ...(props.signalId ? { signalId: props.signalId } : {}),
        };
        await recordVulnerability(props.debtorId, body);
        return (t) => t('care.record.done');
      })
      .then((ok) => ok && props.onDone());
  return (
    <SectionForm
      id={id}
      heading={t('care.record.heading')}
      submitLabel={t('care.record.submit')}
      submit={submit}
      onSubmit={send}
    >
      <DriverChoices value={draft.drivers} onChange={(drivers) => change({ drivers })} />
      <Field id={`${id}-note`} label={t('care.record.note')} hint={t('care.record.noteHint')} wide>
        {(control) => (
          <textarea
            {...control}
            required
            maxLength={500}
            value={draft.note}
            onChange={(e) => change({ note: e.target.value })}
          />
        )}
      </Field>
      <AdaptationFields id={id} value={draft.adaptations} onChange={(adaptations) => change({ adaptations })} />
      <ConsentFields id={id} draft={draft} today={today} change={change} />
      <Field id={`${id}-review`} label={t('care.record.reviewOn')} hint={t('care.record.reviewHint')}>
        {(control) => (
          <input
            {...control}
            type="date"
            required
            value={draft.reviewOn}
            onChange={(e) => change({ reviewOn: e.target.value })}
          />
        )}
      </Field>
      <label className="choice wide">
        <input
          type="checkbox"
          checked={draft.breathingSpace}
          onChange={(e) => change({ breathingSpace: e.target.checked })}
        />{' '}
        {t('care.record.breathingSpace')}
      </label>
    </SectionForm>
  );
}

function consentMoment(day: string): string {
  const noon = new Date(`${day}T12:00:00`);
  return (noon.getTime() > Date.now() ? new Date() : noon).toISOString();
}

/** The legal basis (GDPR art. 9(2)), the debtor's consent and its day. */
function ConsentFields(props: { id: string; draft: Draft; today: string; change: (patch: Partial<Draft>) => void }) {
  const { t } = useTranslation();
  const { id, draft, today, change } = props;
  return (
    <>
      <CodeSelect
        id={`${id}-basis`}
        label={t('care.record.basis')}
        group="care.bases"
        values={LEGAL_BASES}
        value={draft.legalBasis}
        onChange={(legalBasis) => change({ legalBasis })}
      />
      <CodeSelect
        id={`${id}-consent`}
        label={t('care.record.consent')}
        group="care.consents"
        values={CONSENTS}
        value={draft.consent}
        onChange={(consent) => change({ consent })}
      />
      {draft.consent === 'not_asked' ? null : (
        <Field id={`${id}-consent-on`} label={t('care.record.consentAt')}>
          {(control) => (
            <input
              {...control}
              type="date"
              required
              max={today}
              value={draft.consentOn}
              onChange={(e) => change({ consentOn: e.target.value })}
            />
          )}
        </Field>
      )}
    </>
  );
}
