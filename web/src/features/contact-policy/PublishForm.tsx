import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmBox } from '../../ui/ConfirmBox.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { Field } from '../../ui/fields.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { useFormat } from '../../i18n/format.js';
import { publishPolicyDraft } from './api.js';
import { browserToday } from '../../ui/today.js';
import { addDays } from '../../../../src/platform/calendar/dates.js';

/** Tomorrow at midnight, in this browser's time, as a datetime-local value. */
function tomorrowMidnight(): string {
  return `${addDays(browserToday(), 1)}T00:00`;
}

/** Publishes the saved draft as a new version: an effective date, a note, then a confirmation. */
export function PublishForm({ dirty, changes }: { dirty: boolean; changes: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [effective, setEffective] = useState(tomorrowMidnight);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState('');
  const [confirming, setConfirming] = useState(false);
  const publication = useSubmit();
  // Published: the page moves to the version in force; nothing here may be pressed meanwhile.
  const [published, setPublished] = useState(false);
  const publishing = publication.busy || published;
  const publishButton = useRef<HTMLButtonElement>(null);
  const effectiveAt = new Date(effective);
  const effectiveValid = effective !== '' && !Number.isNaN(effectiveAt.getTime());

  function ask() {
    publication.reset();
    const reason = dirty
      ? t('contactPolicy.publish.needsSave')
      : !effectiveValid
        ? t('contactPolicy.publish.needsDate')
        : note.trim() === ''
          ? t('contactPolicy.publish.needsNote')
          : '';
    setRefusal(reason);
    if (!reason) setConfirming(true);
  }

  async function publish() {
    const done = await publication.run(async () => {
      const version = await publishPolicyDraft({ effectiveFrom: effectiveAt.toISOString(), note: note.trim() });
      setPublished(true);
      await navigate('/contact-policy', {
        state: {
          announcement: t('contactPolicy.publish.published', {
            version: version.version,
            date: format.dateTime(version.effectiveFrom),
          }),
        },
      });
    });
    if (!done) setConfirming(false);
  }

  return (
    <section aria-labelledby="publish-heading" className="card">
      <h2 id="publish-heading">{t('contactPolicy.publish.heading')}</h2>
      <p className="muted">{t('contactPolicy.publish.intro')}</p>
      <form className="stacked-form" onSubmit={(event) => event.preventDefault()} aria-labelledby="publish-heading">
        <PublicationFields
          effective={effective}
          note={note}
          onEffective={(value) => {
            setEffective(value);
            setConfirming(false);
          }}
          onNote={setNote}
        />
        {confirming ? (
          <ConfirmBox
            textId="publish-confirm-text"
            yes={publishing ? t('contactPolicy.publish.publishing') : t('contactPolicy.publish.yes')}
            cancel={t('contactPolicy.draft.cancel')}
            busy={publishing}
            onConfirm={() => void publish()}
            onCancel={() => {
              setConfirming(false);
              requestAnimationFrame(() => publishButton.current?.focus());
            }}
          >
            <p id="publish-confirm-text">
              {t('contactPolicy.publish.confirm', { date: format.dateTime(effectiveAt.toISOString()) })}
            </p>
            <p>{t('contactPolicy.publish.confirmChanges', { summary: changes })}</p>
          </ConfirmBox>
        ) : (
          <div className="form-actions">
            <button ref={publishButton} type="button" className="button primary" onClick={ask}>
              {t('contactPolicy.publish.button')}
            </button>
          </div>
        )}
        <div role="status" className="status-area">
          {refusal ? <p className="field-error">{refusal}</p> : null}
        </div>
        {publication.error ? (
          <ProblemMessage error={publication.error} title={t('contactPolicy.publish.failed')} />
        ) : null}
      </form>
    </section>
  );
}

/** The moment the version takes effect and the note that says why it changes. */
function PublicationFields(props: {
  effective: string;
  note: string;
  onEffective: (value: string) => void;
  onNote: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        id="publish-effective"
        label={t('contactPolicy.publish.effectiveFrom')}
        hint={t('contactPolicy.publish.effectiveHint')}
      >
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            value={props.effective}
            onChange={(event) => props.onEffective(event.target.value)}
          />
        )}
      </Field>
      <Field id="publish-note" label={t('contactPolicy.publish.note')} hint={t('contactPolicy.publish.noteHint')}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={1000}
            value={props.note}
            onChange={(event) => props.onNote(event.target.value)}
          />
        )}
      </Field>
    </>
  );
}
