import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Field } from '../../ui/fields.js';
import { SubmitFeedback, useSubmit, type Submit } from '../../ui/useSubmit.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import {
  discardTemplateDraft,
  getTemplateSlot,
  saveTemplateDraft,
  submitTemplateDraft,
  TEMPLATE_SLOTS,
  type FindingView,
  type TemplateSlotKey,
  type TemplateSlotView,
} from './api.js';
import { Findings, Mentions } from './TemplateChecks.js';
import { PreviewCard, useLivePreview } from './TemplatePreviewCard.js';
import { ChangesCard, HistoryCard, ReviewCard } from './TemplateReview.js';

/**
 * One template on one channel in one language: the text in force, the draft being written with its live preview on a
 * real case or an edge case, the mandatory mentions ticked as they appear, the changes against the text in force,
 * then its review by another person (returned with a comment, or published from an effective date) and the history.
 */
export function TemplateEditorPage() {
  const { t } = useTranslation();
  const { template = '', channel = '', language = '' } = useParams();
  const slot = TEMPLATE_SLOTS.find((s) => s.template === template && s.channel === channel && s.language === language);
  usePageTitle(t('templates.editorTitle'));
  if (!slot)
    return (
      <>
        <h1>{t('templates.editorTitle')}</h1>
        <p role="alert">{t('templates.unknownSlot')}</p>
        <Link to="/templates">{t('templates.back')}</Link>
      </>
    );
  return <SlotLoader slot={slot} />;
}

function SlotLoader({ slot }: { slot: TemplateSlotKey }) {
  const key = `${slot.template}/${slot.channel}/${slot.language}`;
  const data = useLiveData((signal) => getTemplateSlot(slot, signal), `message-template:${key}`);
  // What the last act did, said here: the form that did it may be gone (a published draft has no review card).
  const [announcement, setAnnouncement] = useState('');
  const changed = (said: string) => {
    setAnnouncement(said);
    data.reload();
  };
  return (
    <>
      <p role="status" className={announcement ? 'success' : 'visually-hidden'}>
        {announcement}
      </p>
      <AsyncContent data={data} onRetry={data.reload}>
        {(view) => (
          <SlotEditor
            key={`${key}:${view.draft?.updatedAt ?? ''}:${view.draft?.status ?? ''}`}
            view={view}
            onChanged={changed}
          />
        )}
      </AsyncContent>
    </>
  );
}

function SlotEditor({ view, onChanged }: { view: TemplateSlotView; onChanged: (announcement: string) => void }) {
  const me = useMe();
  const manage = can(me.role, 'templates.manage');
  const slot: TemplateSlotKey = { template: view.template, channel: view.channel, language: view.language };
  const start = view.draft ?? view.inForce;
  const [subject, setSubject] = useState(start.subject ?? '');
  const [body, setBody] = useState(start.body);
  const inReview = view.draft?.status === 'in_review';
  const text = { subject: view.channel === 'email' ? subject : null, body };
  const preview = useLivePreview(slot, text);
  const findings = preview.result?.findings ?? view.draft?.findings ?? [];
  return (
    <>
      <SlotHeading view={view} />
      <div className="template-editor">
        <TextCard
          view={view}
          slot={slot}
          writable={manage && !inReview}
          manage={manage}
          dirty={(start.subject ?? '') !== subject || start.body !== body}
          subject={subject}
          body={body}
          onSubject={setSubject}
          onBody={setBody}
          findings={findings}
          onChanged={onChanged}
        />
        <PreviewCard view={view} preview={preview} />
      </div>
      <ChangesCard inForce={view.inForce} subject={text.subject} body={body} />
      {inReview && view.draft ? (
        <ReviewCard
          view={view}
          slot={slot}
          mine={[view.draft.drafted.id, view.draft.submitted?.id].includes(me.id)}
          onChanged={onChanged}
        />
      ) : null}
      <HistoryCard history={view.history} />
    </>
  );
}

/** The slot's name, the version sent today and the next, and a reviewer's comment on a returned draft. */
function SlotHeading({ view }: { view: TemplateSlotView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const next = view.upcoming[0];
  return (
    <>
      <p className="muted">
        <Link to="/templates">{t('templates.back')}</Link>
      </p>
      <h1>
        {t('templates.slotTitle', {
          template: t(`values.messageTemplates.${view.template}`),
          channel: t(`values.channels.${view.channel}`),
          language: t(`templates.languages.${view.language}`),
        })}
      </h1>
      <p>
        {view.inForce.version === 0
          ? t('templates.inForceShipped')
          : t('templates.inForceVersion', {
              version: view.inForce.version,
              date: format.dateTime(view.inForce.effectiveFrom!),
            })}
        {next
          ? ` ${t('templates.upcomingVersion', { version: next.version, date: format.dateTime(next.effectiveFrom!) })}`
          : ''}
      </p>
      {view.draft?.reviewComment ? (
        <div className="notice warning-text" role="note">
          <p>
            {t('templates.returnedBy', { name: view.draft.returned?.name ?? '' })}{' '}
            {`«\u00a0${view.draft.reviewComment}\u00a0»`}
          </p>
        </div>
      ) : null}
    </>
  );
}

interface TextCardProps {
  view: TemplateSlotView;
  slot: TemplateSlotKey;
  writable: boolean;
  manage: boolean;
  dirty: boolean;
  subject: string;
  body: string;
  onSubject: (subject: string) => void;
  onBody: (body: string) => void;
  findings: FindingView[];
  onChanged: (announcement: string) => void;
}

/** The text being written: subject and body, the variables to insert, the mentions, the findings, the draft's acts. */
function TextCard(props: TextCardProps) {
  const { t } = useTranslation();
  const { view, writable, body } = props;
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  function insert(name: string) {
    const area = bodyRef.current;
    const token = `{{${name}}}`;
    const at = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? at;
    props.onBody(body.slice(0, at) + token + body.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + token.length, at + token.length);
    });
  }

  return (
    <section className="card" aria-labelledby="template-text-heading">
      <h2 id="template-text-heading">
        {view.draft
          ? t(`templates.draftHeading.${view.draft.status}`, { name: view.draft.drafted.name })
          : t('templates.textHeading')}
      </h2>
      <form className="stacked-form" onSubmit={(event) => event.preventDefault()} noValidate>
        {view.channel === 'email' ? (
          <Field id="template-subject" label={t('templates.subject')} hint={t('templates.subjectHint')}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={props.subject}
                maxLength={200}
                readOnly={!writable}
                onChange={(event) => props.onSubject(event.target.value)}
              />
            )}
          </Field>
        ) : null}
        <Field id="template-body" label={t('templates.body')} hint={t(`templates.bodyHint.${view.channel}`)}>
          {(control) => (
            <textarea
              {...control}
              ref={bodyRef}
              className="template-text"
              rows={view.channel === 'sms' ? 5 : 16}
              value={body}
              maxLength={8000}
              readOnly={!writable}
              lang={view.language}
              onChange={(event) => props.onBody(event.target.value)}
            />
          )}
        </Field>
        {writable ? (
          <div className="variable-buttons" role="group" aria-label={t('templates.insertVariable')}>
            {view.variables.map((variable) => (
              <button
                key={variable.name}
                type="button"
                className="button small"
                title={t(`templates.variables.${variable.name}`)}
                onClick={() => insert(variable.name)}
              >
                {`{{${variable.name}}}`}
              </button>
            ))}
          </div>
        ) : null}
        <Mentions required={view.requiredMentions} findings={props.findings} />
        <Findings findings={props.findings} />
        {props.manage ? <DraftActions {...props} /> : null}
      </form>
    </section>
  );
}

/** Save, submit for review, discard: each refused with a reason while it cannot be done. */
function DraftActions(props: TextCardProps) {
  const { t } = useTranslation();
  const { view, slot, dirty, writable } = props;
  const submit: Submit = useSubmit();
  const inReview = view.draft?.status === 'in_review';
  const errors = props.findings.filter((finding) => finding.severity === 'error');
  const act = (action: () => Promise<unknown>, done: string) =>
    submit.run(async () => {
      await action();
      props.onChanged(t(done));
    });
  const text = { subject: view.channel === 'email' ? props.subject : null, body: props.body };
  return (
    <>
      <div className="form-actions">
        {writable ? (
          <button
            type="button"
            className="button primary"
            disabled={submit.busy || !dirty}
            onClick={() =>
              void act(
                () => saveTemplateDraft(slot, { ...text, expectedUpdatedAt: view.draft?.updatedAt ?? null }),
                'templates.saved',
              )
            }
          >
            {t('templates.save')}
          </button>
        ) : null}
        {view.draft && !inReview ? (
          <button
            type="button"
            className="button"
            disabled={submit.busy || dirty || errors.length > 0}
            aria-describedby="template-submit-hint"
            onClick={() => void act(() => submitTemplateDraft(slot), 'templates.submitted')}
          >
            {t('templates.submit')}
          </button>
        ) : null}
        {view.draft ? (
          <button
            type="button"
            className="button"
            disabled={submit.busy}
            onClick={() => void act(() => discardTemplateDraft(slot), 'templates.discarded')}
          >
            {t('templates.discard')}
          </button>
        ) : null}
      </div>
      {view.draft && !inReview ? (
        <p id="template-submit-hint" className="hint">
          {dirty ? t('templates.saveFirst') : errors.length > 0 ? t('templates.fixFirst') : t('templates.submitHint')}
        </p>
      ) : null}
      <SubmitFeedback submit={submit} />
    </>
  );
}
