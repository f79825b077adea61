import { diffWords } from 'diff';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../src/platform/calendar/dates.js';
import { useFormat } from '../../i18n/format.js';
import { DataTable } from '../../ui/DataTable.js';
import { Field } from '../../ui/fields.js';
import { browserToday } from '../../ui/today.js';
import { SubmitFeedback, useSubmit, type Submit } from '../../ui/useSubmit.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import {
  publishTemplateDraft,
  returnTemplateDraft,
  type TemplateSlotKey,
  type TemplateSlotView,
  type TemplateVersionView,
} from './api.js';

/** The draft's words against the text in force: added underlined, removed struck through. */
export function ChangesCard({
  inForce,
  subject,
  body,
}: {
  inForce: TemplateVersionView;
  subject: string | null;
  body: string;
}) {
  const { t } = useTranslation();
  const parts = [
    ...(subject !== null ? [{ label: t('templates.subject'), before: inForce.subject ?? '', after: subject }] : []),
    { label: t('templates.body'), before: inForce.body, after: body },
  ];
  const unchanged = parts.every((part) => part.before === part.after);
  return (
    <section className="card" aria-labelledby="template-changes-heading">
      <h2 id="template-changes-heading">{t('templates.changes.heading', { version: inForce.version })}</h2>
      {unchanged ? (
        <p className="muted">{t('templates.changes.none')}</p>
      ) : (
        parts.map((part) => (
          <div key={part.label}>
            <h3 className="small-heading">{part.label}</h3>
            <pre className="message-body diff-text">
              {diffWords(part.before, part.after).map((change, index) =>
                change.added ? (
                  <ins key={index}>{change.value}</ins>
                ) : change.removed ? (
                  <del key={index}>{change.value}</del>
                ) : (
                  <span key={index}>{change.value}</span>
                ),
              )}
            </pre>
          </div>
        ))
      )}
      <p className="hint">{t('templates.changes.legend')}</p>
    </section>
  );
}

/** Tomorrow at midnight, in this browser's time, as a datetime-local value. */
const tomorrowMidnight = () => `${addDays(browserToday(), 1)}T00:00`;

interface ReviewProps {
  view: TemplateSlotView;
  slot: TemplateSlotKey;
  mine: boolean;
  onChanged: (announcement: string) => void;
}

/** The review of a submitted draft by someone other than its author: returned with a comment, or published. */
export function ReviewCard(props: ReviewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const submit = useSubmit();
  const draft = props.view.draft!;
  const reviewer = can(me.role, 'templates.manage') && !props.mine;
  return (
    <section className="card" aria-labelledby="template-review-heading">
      <h2 id="template-review-heading">{t('templates.review.heading')}</h2>
      <p>
        {t('templates.review.submitted', {
          name: draft.submitted?.name ?? '',
          date: draft.submittedAt ? format.dateTime(draft.submittedAt) : '',
        })}
      </p>
      {!reviewer ? (
        <p className="muted">{t(props.mine ? 'templates.review.notYours' : 'templates.review.readOnly')}</p>
      ) : (
        <div className="grid-form">
          <ReturnForm {...props} submit={submit} />
          <PublishForm {...props} submit={submit} />
        </div>
      )}
      <SubmitFeedback submit={submit} />
    </section>
  );
}

function ReturnForm(props: ReviewProps & { submit: Submit }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  return (
    <form
      className="stacked-form"
      aria-labelledby="template-return-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void props.submit.run(async () => {
          await returnTemplateDraft(props.slot, comment.trim());
          props.onChanged(t('templates.review.returned'));
        });
      }}
    >
      <h3 id="template-return-heading" className="small-heading">
        {t('templates.review.returnHeading')}
      </h3>
      <Field id="template-comment" label={t('templates.review.comment')}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={comment}
            maxLength={2000}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button" disabled={props.submit.busy || comment.trim() === ''}>
        {t('templates.review.return')}
      </button>
    </form>
  );
}

function PublishForm(props: ReviewProps & { submit: Submit }) {
  const { t } = useTranslation();
  const [effective, setEffective] = useState(tomorrowMidnight);
  const [note, setNote] = useState('');
  return (
    <form
      className="stacked-form"
      aria-labelledby="template-publish-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void props.submit.run(async () => {
          await publishTemplateDraft(props.slot, {
            effectiveFrom: new Date(effective).toISOString(),
            note: note.trim(),
          });
          props.onChanged(t('templates.review.published'));
        });
      }}
    >
      <h3 id="template-publish-heading" className="small-heading">
        {t('templates.review.publishHeading')}
      </h3>
      <Field id="template-effective" label={t('templates.review.effectiveFrom')}>
        {(control) => (
          <input {...control} type="datetime-local" value={effective} onChange={(e) => setEffective(e.target.value)} />
        )}
      </Field>
      <Field id="template-note" label={t('templates.review.note')}>
        {(control) => (
          <input {...control} type="text" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
      <button
        type="submit"
        className="button primary"
        disabled={props.submit.busy || note.trim() === '' || effective === ''}
      >
        {t('templates.review.publish')}
      </button>
    </form>
  );
}

/** Every published version down to the shipped text. */
export function HistoryCard({ history }: { history: TemplateVersionView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="template-history-heading">
      <h2 id="template-history-heading">{t('templates.history.heading')}</h2>
      <DataTable<TemplateVersionView>
        caption={t('templates.history.caption')}
        rows={history}
        rowKey={(version) => version.version}
        columns={[
          {
            header: t('templates.history.version'),
            rowHeader: true,
            cell: (version) => (version.version === 0 ? t('templates.shipped') : String(version.version)),
          },
          {
            header: t('templates.history.effectiveFrom'),
            cell: (version) => (version.effectiveFrom ? format.dateTime(version.effectiveFrom) : '—'),
          },
          { header: t('templates.history.note'), cell: (version) => version.note ?? '—' },
          { header: t('templates.history.drafted'), cell: (version) => version.drafted?.name ?? '—' },
          { header: t('templates.history.published'), cell: (version) => version.published?.name ?? '—' },
        ]}
      />
    </section>
  );
}
