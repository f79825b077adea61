import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { Said, type Saying } from '../../i18n/saying.js';
import { useSubmit } from '../../ui/useSubmit.js';
import type { PolicyDocument } from './api.js';

/**
 * The advanced view: the whole document as JSON. Saving sends it to the server as the draft: a valid document
 * becomes the draft (and the forms follow), an invalid one is refused with each issue named by its path.
 */
export function JsonEditor({
  document,
  onSave,
}: {
  document: PolicyDocument;
  onSave: (document: unknown) => Promise<void>;
}) {
  const { t } = useTranslation();
  const formatted = JSON.stringify(document, null, 2);
  const [text, setText] = useState(formatted);
  const [message, setMessage] = useState<{ ok: boolean; text: Saying } | null>(null);
  const sending = useSubmit();
  useEffect(() => setText(formatted), [formatted]);

  async function save() {
    sending.reset();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (caught) {
      setMessage({
        ok: false,
        text: (t) =>
          t('contactPolicy.draft.jsonSyntax', {
            message: caught instanceof Error ? caught.message : String(caught),
          }),
      });
      return;
    }
    setMessage(null);
    await sending.run(async () => {
      await onSave(parsed);
      setMessage({ ok: true, text: (t) => t('contactPolicy.draft.jsonApplied') });
    });
  }

  return (
    <details className="json-editor">
      <summary>{t('contactPolicy.draft.advanced')}</summary>
      <p className="hint" id="policy-json-hint">
        {t('contactPolicy.draft.advancedHint')}
      </p>
      <div className="field">
        <label htmlFor="policy-json">{t('contactPolicy.draft.json')}</label>
        <textarea
          id="policy-json"
          className="code-input"
          rows={24}
          spellCheck={false}
          value={text}
          aria-describedby="policy-json-hint"
          aria-invalid={(message && !message.ok) || sending.error ? true : undefined}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="button" className="button secondary" disabled={sending.busy} onClick={() => void save()}>
          {sending.busy ? t('contactPolicy.draft.saving') : t('contactPolicy.draft.applyJson')}
        </button>
      </div>
      <div role="status" className="status-area">
        {message ? (
          <p className={message.ok ? 'success' : 'field-error'}>
            <Said saying={message.text} />
          </p>
        ) : null}
      </div>
      {sending.error ? <ProblemMessage error={sending.error} title={t('contactPolicy.draft.saveFailed')} /> : null}
    </details>
  );
}
