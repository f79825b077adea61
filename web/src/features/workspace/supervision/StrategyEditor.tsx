import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { NOTE_MIN_LENGTH, publishStrategy, type StrategyDocument, type StrategyVersion } from './api.js';
import { ProblemMessage } from '../../../ui/ProblemMessage.js';
import { useSubmit } from '../../../ui/useSubmit.js';
import { strategyDocumentSchema } from '../../../../../src/workspace/contract.js';
import { StrategyForm } from './StrategyForm.js';
import { formShape } from './strategyForm.js';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The server's own schema, checked before asking: each issue by its path in the document. */
function schemaIssues(document: unknown): string[] {
  const result = strategyDocumentSchema.safeParse(document);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`);
}

/**
 * For managers: the whole strategy document as JSON, prefilled with the version in force, and a version note.
 * "Publier" asks for a confirmation; a document the server refuses comes back with each issue named by its path.
 */
export function StrategyEditor({
  document,
  nextVersion,
  onPublished,
}: {
  document: StrategyDocument;
  nextVersion: number;
  onPublished: (version: StrategyVersion) => void;
}) {
  const { t } = useTranslation();
  const formatted = JSON.stringify(document, null, 2);
  const [text, setText] = useState(formatted);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<{ field: 'json' | 'note'; text: string } | null>(null);
  const [parsed, setParsed] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [mode, setMode] = useState<'form' | 'json'>('json');
  const [issues, setIssues] = useState<string[]>([]);
  const formDocument = formShape(parseJson(text));
  const publication = useSubmit();
  const publishing = publication.busy;
  const error = publication.error;
  const confirmButton = useRef<HTMLButtonElement>(null);
  const publishButton = useRef<HTMLButtonElement>(null);

  useEffect(() => setText(formatted), [formatted]);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const documentRefused = error instanceof ApiError && error.code === 'strategy.invalid';

  function ask() {
    publication.reset();
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (caught) {
      setRefusal({
        field: 'json',
        text: t('supervision.strategies.editor.jsonSyntax', {
          message: caught instanceof Error ? caught.message : String(caught),
        }),
      });
      return;
    }
    // The form checks with the server's schema before asking; the JSON view leaves it to the server, issue by path.
    const found = mode === 'form' ? schemaIssues(document) : [];
    setIssues(found);
    if (found.length > 0) {
      setRefusal({ field: 'json', text: t('strategyForm.invalid') });
      return;
    }
    if (note.trim().length < NOTE_MIN_LENGTH) {
      setRefusal({ field: 'note', text: t('supervision.strategies.editor.noteTooShort') });
      return;
    }
    setRefusal(null);
    setParsed(document);
    setConfirming(true);
  }

  function cancel() {
    setConfirming(false);
    requestAnimationFrame(() => publishButton.current?.focus());
  }

  async function publish() {
    const published = await publication.run(async () => {
      const version = await publishStrategy(parsed, note.trim());
      setNote('');
      onPublished(version);
    });
    if (!published) setConfirming(false);
  }

  return (
    <section aria-labelledby="strategy-editor-heading" className="card strategy-editor">
      <h2 id="strategy-editor-heading">{t('supervision.strategies.editor.heading')}</h2>
      <p className="muted">{t('supervision.strategies.editor.intro')}</p>
      <form
        className="stacked-form"
        aria-labelledby="strategy-editor-heading"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="mode-switch" role="group" aria-label={t('strategyForm.modes')}>
          {(['form', 'json'] as const).map((each) => (
            <button
              key={each}
              type="button"
              className="button secondary small"
              aria-pressed={mode === each}
              onClick={() => setMode(each)}
            >
              {t(`strategyForm.${each}`)}
            </button>
          ))}
        </div>
        {mode === 'form' ? (
          formDocument ? (
            <StrategyForm
              document={formDocument}
              onChange={(next) => {
                setText(JSON.stringify(next, null, 2));
                setConfirming(false);
              }}
            />
          ) : (
            <p className="field-error">{t('strategyForm.notAForm')}</p>
          )
        ) : null}
        <div className="field" hidden={mode !== 'json'}>
          <label htmlFor="strategy-json">{t('supervision.strategies.editor.json')}</label>
          <textarea
            id="strategy-json"
            className="code-input"
            rows={24}
            spellCheck={false}
            value={text}
            aria-describedby="strategy-json-hint"
            aria-invalid={documentRefused || refusal?.field === 'json' ? true : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setConfirming(false);
            }}
          />
          <p id="strategy-json-hint" className="hint">
            {t('supervision.strategies.editor.jsonHint')}
          </p>
          <div>
            <button
              type="button"
              className="button secondary small"
              disabled={publishing || text === formatted}
              onClick={() => {
                setText(formatted);
                setConfirming(false);
                publication.reset();
                setRefusal(null);
              }}
            >
              {t('supervision.strategies.editor.reset')}
            </button>
          </div>
        </div>
        <div className="field">
          <label htmlFor="strategy-note">{t('supervision.strategies.editor.note')}</label>
          <textarea
            id="strategy-note"
            rows={3}
            maxLength={500}
            value={note}
            aria-describedby="strategy-note-hint"
            aria-invalid={refusal?.field === 'note' ? true : undefined}
            onChange={(event) => setNote(event.target.value)}
          />
          <p id="strategy-note-hint" className="hint">
            {t('supervision.strategies.editor.noteHint')}
          </p>
        </div>
        {confirming ? (
          <div className="confirm-box" role="group" aria-labelledby="strategy-confirm-text">
            <p id="strategy-confirm-text">{t('supervision.strategies.editor.confirm', { version: nextVersion })}</p>
            <div className="form-actions">
              <button
                ref={confirmButton}
                type="button"
                className="button primary"
                disabled={publishing}
                onClick={() => void publish()}
              >
                {publishing
                  ? t('supervision.strategies.editor.publishing')
                  : t('supervision.strategies.editor.yes', { version: nextVersion })}
              </button>
              <button type="button" className="button secondary" disabled={publishing} onClick={cancel}>
                {t('supervision.strategies.editor.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <div className="form-actions">
            <button ref={publishButton} type="button" className="button primary" onClick={ask}>
              {t('supervision.strategies.editor.publish')}
            </button>
          </div>
        )}
        <div role="status" className="status-area">
          {refusal ? <p className="field-error">{refusal.text}</p> : null}
          {issues.length > 0 ? (
            <ul className="field-error">
              {issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          ) : null}
        </div>
        {error ? <ProblemMessage error={error} title={t('supervision.strategies.editor.failed')} /> : null}
      </form>
    </section>
  );
}
