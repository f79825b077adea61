import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { ChannelTemplateFields } from './ChannelTemplateFields.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { DecisionDetails, refusalOf } from '../contact-policy/case-contact/shared.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import {
  getCaseMessages,
  issueReminderLetter,
  previewMessage,
  previewReminderLetter,
  sendMessage,
  type CaseMessage,
  type MessageChannel,
  type MessagePreview,
  type MessageTemplate,
  type ReminderLetterPreview,
  type SmsReply,
  type TemplateChannel,
} from './api.js';
import { ReminderLetterPreviewBlock } from './ReminderLetterPreview.js';

/** The channels of the case's message form: a reminder letter goes by post with the next print run. */
const FORM_CHANNELS = ['email', 'sms', 'letter'] as const satisfies readonly TemplateChannel[];

/**
 * The case's e-mails and SMS: the ones sent, with their exact text and what the transport reported; and, for those who
 * record contacts, a template to preview on this case and send, or a reminder letter by post to preview (its text and
 * its PDF) and issue for the next print run (on the timeline once issued). The contact policy decides at the send: a
 * refusal says why and when it next could.
 */
export function MessagesPanel(props: {
  caseId: string;
  caseOpen: boolean;
  /** The debtor's time zone: a refusal says when the next send could go, there and here. */
  timeZone: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const messages = useLiveData((signal) => getCaseMessages(props.caseId, signal), props.caseId);
  return (
    <section className="card" aria-labelledby="messages-heading">
      <h2 id="messages-heading">{t('messages.heading')}</h2>
      {props.caseOpen && can(me.role, 'contacts.record') ? (
        <MessageForm
          caseId={props.caseId}
          timeZone={props.timeZone}
          onSent={() => {
            messages.reload();
            props.onChanged();
          }}
        />
      ) : null}
      <AsyncContent data={messages} onRetry={messages.reload}>
        {(found) => (
          <>
            {found.replies.length > 0 ? <SmsReplies replies={found.replies} /> : null}
            {found.items.length === 0 ? (
              <p className="hint">{t('messages.none')}</p>
            ) : (
              <MessageList items={found.items} />
            )}
            {props.caseOpen && can(me.role, 'contacts.record') ? (
              <p className="hint">{t('messages.lettersOnTimeline')}</p>
            ) : null}
          </>
        )}
      </AsyncContent>
    </section>
  );
}

function MessageForm(props: { caseId: string; timeZone: string; onSent: () => void }) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<(typeof FORM_CHANNELS)[number]>('email');
  const [template, setTemplate] = useState<MessageTemplate>('reminder');
  const [preview, setPreview] = useState<MessagePreview | null>(null);
  const [letter, setLetter] = useState<ReminderLetterPreview | null>(null);
  const submit = useSubmit();
  async function showPreview() {
    setPreview(null);
    setLetter(null);
    await submit.run(async () => {
      if (channel === 'letter') setLetter(await previewReminderLetter(props.caseId));
      else setPreview(await previewMessage(props.caseId, { channel, template }));
    });
  }
  async function send(request: { channel: MessageChannel; template: MessageTemplate }) {
    const ok = await submit.run(async () => {
      await sendMessage(props.caseId, request);
      return (t) => t('messages.queued', { channel: t(`values.channels.${request.channel}`) });
    });
    if (ok) {
      setPreview(null);
      props.onSent();
    }
  }
  async function issueLetter() {
    const ok = await submit.run(async () => {
      const issued = await issueReminderLetter(props.caseId);
      return (t) => t('messages.letter.issued', { reference: issued.reference });
    });
    if (ok) {
      setLetter(null);
      props.onSent();
    }
  }
  return (
    <form
      className="form-grid"
      aria-label={t('messages.formLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        void showPreview();
      }}
    >
      <ChannelTemplateFields
        idPrefix="message"
        channels={FORM_CHANNELS}
        channel={channel}
        template={template}
        onChange={(choice) => {
          setChannel(choice.channel);
          setTemplate(choice.template);
          setPreview(null);
          setLetter(null);
        }}
      />
      <div className="form-actions">
        <button type="submit" className="button secondary" disabled={submit.busy}>
          {t('messages.preview')}
        </button>
      </div>
      {preview ? (
        <MessagePreviewBlock
          preview={preview}
          busy={submit.busy}
          onSend={() => void send({ channel: preview.channel, template: preview.template })}
        />
      ) : null}
      {letter ? (
        <ReminderLetterPreviewBlock
          caseId={props.caseId}
          letter={letter}
          busy={submit.busy}
          onSend={() => void issueLetter()}
        />
      ) : null}
      <div className="wide">
        <SubmitFeedback submit={submit} problem={<Refusal error={submit.error} timeZone={props.timeZone} />} />
      </div>
    </form>
  );
}

/** A send the contact policy refused: its reasons and when the next could go; any other problem as usual. */
function Refusal({ error, timeZone }: { error: unknown; timeZone: string }) {
  const { t } = useTranslation();
  const refusal = refusalOf(error);
  if (!refusal) return error ? <ProblemMessage error={error} /> : null;
  return (
    <div className="problem refusal" role="alert">
      <p className="problem-title">{t('messages.refused')}</p>
      <DecisionDetails decision={refusal} timeZone={timeZone} />
    </div>
  );
}

function MessagePreviewBlock(props: { preview: MessagePreview; busy: boolean; onSend: () => void }) {
  const { t } = useTranslation();
  const { preview } = props;
  return (
    <div className="wide message-preview" aria-live="polite">
      <h3>{t('messages.previewHeading')}</h3>
      <p>{preview.recipient ? t('messages.recipient', { recipient: preview.recipient }) : t('messages.noRecipient')}</p>
      {preview.subject ? (
        <p>
          <strong>{t('messages.subject')}</strong> {preview.subject}
        </p>
      ) : null}
      <pre className="message-text" lang={preview.language}>
        {preview.body}
      </pre>
      {preview.recipient ? (
        <div className="form-actions">
          <button type="button" className="button primary" disabled={props.busy} onClick={props.onSend}>
            {t('messages.send', { channel: t(`values.channels.${preview.channel}`) })}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function MessageList({ items }: { items: readonly CaseMessage[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const staff = items.some((item) => item.recipient !== null);
  return (
    <DataTable
      caption={t('messages.caption')}
      rows={items}
      rowKey={(item) => item.id}
      columns={[
        {
          header: t('messages.when'),
          cell: (item) => format.dateTime(item.queuedAt),
          rowHeader: true,
          cellClassName: 'nowrap',
        },
        { header: t('messages.channel'), cell: (item) => t(`values.channels.${item.channel}`) },
        { header: t('messages.template'), cell: (item) => t(`values.messageTemplates.${item.template}`) },
        { header: t('messages.recipientColumn'), cell: (item) => item.recipient, hidden: !staff },
        { header: t('messages.status'), cell: (item) => t(`values.messageStatuses.${item.status}`) },
        {
          header: t('messages.text'),
          cell: (item) => (
            <details>
              <summary>{item.subject ?? t('messages.showText')}</summary>
              <pre className="message-text" lang={item.language}>
                {item.body}
              </pre>
            </details>
          ),
        },
      ]}
    />
  );
}

/** What the debtor wrote back by SMS (not STOP), newest first: each came with a task for the case's team to answer. */
export function SmsReplies({ replies, caption }: { replies: SmsReply[]; caption?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      caption={caption ?? t('messages.replies.caption')}
      rows={replies}
      rowKey={(r) => r.id}
      columns={[
        { header: t('messages.replies.receivedAt'), cell: (r) => format.dateTime(r.receivedAt), rowHeader: true },
        { header: t('messages.replies.from'), cell: (r) => r.from },
        { header: t('messages.replies.body'), cell: (r) => <pre className="message-text">{r.body}</pre> },
      ]}
    />
  );
}
