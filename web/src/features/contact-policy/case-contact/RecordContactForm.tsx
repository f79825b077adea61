import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, OUTCOMES } from '../../../../../src/contact-policy/contract.js';
import { recordContact, type Channel, type ContactDirection } from './api.js';
import { labelOf } from '../../../i18n/labels.js';
import type { ContactPartProps } from './ContactPanel.js';
import { CodeSelect } from '../../../ui/fields.js';
import { DecisionDetails, refusalOf } from './shared.js';
import { SubmitFeedback, useSubmit } from '../../../ui/useSubmit.js';

const DIRECTIONS: readonly ContactDirection[] = ['outbound', 'inbound'];

export function RecordContactForm({ caseId, contact, reload }: ContactPartProps) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<Channel>('phone');
  const [direction, setDirection] = useState<ContactDirection>('outbound');
  const [outcome, setOutcome] = useState<string>(OUTCOMES.phone[0]!);
  const [note, setNote] = useState('');
  const [firstLetter, setFirstLetter] = useState(false);
  const submit = useSubmit();
  const refusal = refusalOf(submit.error);
  const canBeFirstLetter = channel === 'letter' && direction === 'outbound' && contact.firstLetter === null;

  function chooseChannel(value: Channel) {
    setChannel(value);
    setOutcome(OUTCOMES[value][0]!);
  }

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit.run(async () => {
      const result = await recordContact({
        debtorId: contact.debtorId,
        caseId,
        channel,
        direction,
        outcome,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(canBeFirstLetter && firstLetter ? { firstLetter: true } : {}),
      });
      return (t) =>
        t('contact.record.recorded', {
          channel: labelOf(t, 'values.channels', result.contact.channel),
          outcome: labelOf(t, 'values.outcomes', result.contact.outcome),
        });
    });
    if (recorded) {
      setNote('');
      setFirstLetter(false);
    }
    // Recorded or refused, the permissions have changed or were stale: show the server's view of now.
    reload();
  }

  return (
    <section className="card" aria-labelledby="record-contact-heading">
      <h2 id="record-contact-heading">{t('contact.record.heading')}</h2>
      <p className="hint contact-intro">{t('contact.record.intro')}</p>
      <form className="grid-form" onSubmit={(event) => void send(event)}>
        <ContactKindFields
          channel={channel}
          direction={direction}
          outcome={outcome}
          onChannel={chooseChannel}
          onDirection={setDirection}
          onOutcome={setOutcome}
        />
        <div className="field wide">
          <label htmlFor="contact-note">{t('contact.record.note')}</label>
          <textarea
            id="contact-note"
            rows={2}
            value={note}
            maxLength={2000}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        {canBeFirstLetter ? <FirstLetterField checked={firstLetter} onChange={setFirstLetter} /> : null}
        <div className="form-actions">
          <button id="record-contact-submit" type="submit" className="button primary" disabled={submit.busy}>
            {submit.busy ? t('contact.record.submitting') : t('contact.record.submit')}
          </button>
        </div>
      </form>
      <SubmitFeedback
        submit={submit}
        problem={
          refusal ? (
            <div className="problem refusal" role="alert">
              <p className="problem-title">{t('contact.record.refused')}</p>
              <DecisionDetails decision={refusal} timeZone={contact.location.timeZone} />
            </div>
          ) : undefined
        }
      />
    </section>
  );
}

/** The contact's channel, direction and outcome (the outcomes the channel allows). */
function ContactKindFields(props: {
  channel: Channel;
  direction: ContactDirection;
  outcome: string;
  onChannel: (channel: Channel) => void;
  onDirection: (direction: ContactDirection) => void;
  onOutcome: (outcome: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <CodeSelect
        id="contact-channel"
        label={t('contact.record.channel')}
        group="values.channels"
        values={CHANNELS}
        value={props.channel}
        onChange={props.onChannel}
      />
      <CodeSelect
        id="contact-direction"
        label={t('contact.record.direction')}
        group="contact.record.directions"
        values={DIRECTIONS}
        value={props.direction}
        onChange={props.onDirection}
      />
      <CodeSelect
        id="contact-outcome"
        label={t('contact.record.outcome')}
        group="values.outcomes"
        values={OUTCOMES[props.channel]}
        value={props.outcome}
        onChange={props.onOutcome}
      />
    </>
  );
}

/** Whether this letter is the debtor's first (offered only for an outbound letter when none is known yet). */
function FirstLetterField({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field checkbox-field wide">
      <label>
        <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />{' '}
        {t('contact.record.firstLetter')}
      </label>
      <p className="hint">{t('contact.record.firstLetterHint')}</p>
    </div>
  );
}
