import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client.js';
import { NOTE_MIN_LENGTH, publishStrategy, type StrategyDocument, type StrategyVersion } from './api.js';
import { ConfirmBox } from '../../../ui/ConfirmBox.js';
import { ProblemMessage } from '../../../ui/ProblemMessage.js';
import { useSubmit } from '../../../ui/useSubmit.js';
import { strategyDocumentSchema } from '../../../../../src/workspace/contract.js';
import { StrategyForm } from './StrategyForm.js';
import { formShape } from './strategyForm.js';
import { useStrategyPreview } from './useStrategyPreview.js';

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

type Refusal = { field: 'json' | 'note'; text: string };

/**
 * What stops a publication before the server is asked: JSON that does not parse, a document the form sees break the
 * server's schema (the JSON view leaves that to the server, issue by path), a note too short. `issues` is left out
 * when the document could not even be read.
 */
function checkBeforePublishing(
  { text, mode, note }: { text: string; mode: 'form' | 'json'; note: string },
  t: TFunction,
): { refusal: Refusal | null; issues?: string[]; document?: unknown } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    return { refusal: { field: 'json', text: t('supervision.strategies.editor.jsonSyntax', { message }) } };
  }
  const issues = mode === 'form' ? schemaIssues(document) : [];
  if (issues.length > 0) return { refusal: { field: 'json', text: t('strategyForm.invalid') }, issues };
  if (note.trim().length < NOTE_MIN_LENGTH)
    return { refusal: { field: 'note', text: t('supervision.strategies.editor.noteTooShort') }, issues };
  return { refusal: null, issues, document };
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
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [parsed, setParsed] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [mode, setMode] = useState<'form' | 'json'>('json');
  const [issues, setIssues] = useState<string[]>([]);
  const formDocument = formShape(parseJson(text));
  const preview = useStrategyPreview(mode === 'form' ? formDocument : null);
  const publication = useSubmit();
  const publishing = publication.busy;
  const error = publication.error;

  useEffect(() => setText(formatted), [formatted]);

  const documentRefused = error instanceof ApiError && error.code === 'strategy.invalid';

  function ask() {
    publication.reset();
    const check = checkBeforePublishing({ text, mode, note }, t);
    if (check.issues) setIssues(check.issues);
    setRefusal(check.refusal);
    if (check.refusal) return;
    setParsed(check.document);
    setConfirming(true);
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
        <ModeSwitch mode={mode} onMode={setMode} />
        {mode === 'form' ? (
          formDocument ? (
            <StrategyForm
              document={formDocument}
              preview={preview}
              onChange={(next) => {
                setText(JSON.stringify(next, null, 2));
                setConfirming(false);
              }}
            />
          ) : (
            <p className="field-error">{t('strategyForm.notAForm')}</p>
          )
        ) : null}
        <JsonField
          hidden={mode !== 'json'}
          text={text}
          invalid={documentRefused || refusal?.field === 'json'}
          canReset={!publishing && text !== formatted}
          onText={(next) => {
            setText(next);
            setConfirming(false);
          }}
          onReset={() => {
            setText(formatted);
            setConfirming(false);
            publication.reset();
            setRefusal(null);
          }}
        />
        <NoteField note={note} invalid={refusal?.field === 'note'} onNote={setNote} />
        <PublishActions
          confirming={confirming}
          publishing={publishing}
          nextVersion={nextVersion}
          onAsk={ask}
          onConfirm={() => void publish()}
          onCancel={() => setConfirming(false)}
        />
        <RefusalStatus refusal={refusal?.text ?? null} issues={issues} />
        {error ? <ProblemMessage error={error} title={t('supervision.strategies.editor.failed')} /> : null}
      </form>
    </section>
  );
}

function ModeSwitch({ mode, onMode }: { mode: 'form' | 'json'; onMode: (mode: 'form' | 'json') => void }) {
  const { t } = useTranslation();
  return (
    <div className="mode-switch" role="group" aria-label={t('strategyForm.modes')}>
      {(['form', 'json'] as const).map((each) => (
        <button
          key={each}
          type="button"
          className="button secondary small"
          aria-pressed={mode === each}
          onClick={() => onMode(each)}
        >
          {t(`strategyForm.${each}`)}
        </button>
      ))}
    </div>
  );
}

/** The document as JSON, and the button that puts back the version in force. */
function JsonField(props: {
  hidden: boolean;
  text: string;
  invalid: boolean;
  canReset: boolean;
  onText: (text: string) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field" hidden={props.hidden}>
      <label htmlFor="strategy-json">{t('supervision.strategies.editor.json')}</label>
      <textarea
        id="strategy-json"
        className="code-input"
        rows={24}
        spellCheck={false}
        value={props.text}
        aria-describedby="strategy-json-hint"
        aria-invalid={props.invalid ? true : undefined}
        onChange={(event) => props.onText(event.target.value)}
      />
      <p id="strategy-json-hint" className="hint">
        {t('supervision.strategies.editor.jsonHint')}
      </p>
      <div>
        <button type="button" className="button secondary small" disabled={!props.canReset} onClick={props.onReset}>
          {t('supervision.strategies.editor.reset')}
        </button>
      </div>
    </div>
  );
}

function NoteField({ note, invalid, onNote }: { note: string; invalid: boolean; onNote: (note: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="strategy-note">{t('supervision.strategies.editor.note')}</label>
      <textarea
        id="strategy-note"
        rows={3}
        maxLength={500}
        value={note}
        aria-describedby="strategy-note-hint"
        aria-invalid={invalid ? true : undefined}
        onChange={(event) => onNote(event.target.value)}
      />
      <p id="strategy-note-hint" className="hint">
        {t('supervision.strategies.editor.noteHint')}
      </p>
    </div>
  );
}

/** Why the document cannot be published yet, and each issue the schema found by its path. */
function RefusalStatus({ refusal, issues }: { refusal: string | null; issues: string[] }) {
  return (
    <div role="status" className="status-area">
      {refusal ? <p className="field-error">{refusal}</p> : null}
      {issues.length > 0 ? (
        <ul className="field-error">
          {issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** "Publier", then the confirmation; cancelling it gives the focus back to "Publier". */
function PublishActions(props: {
  confirming: boolean;
  publishing: boolean;
  nextVersion: number;
  onAsk: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const publishButton = useRef<HTMLButtonElement>(null);
  const version = props.nextVersion;
  function cancel() {
    props.onCancel();
    requestAnimationFrame(() => publishButton.current?.focus());
  }
  return props.confirming ? (
    <ConfirmBox
      textId="strategy-confirm-text"
      yes={
        props.publishing
          ? t('supervision.strategies.editor.publishing')
          : t('supervision.strategies.editor.yes', { version })
      }
      cancel={t('supervision.strategies.editor.cancel')}
      busy={props.publishing}
      onConfirm={props.onConfirm}
      onCancel={cancel}
    >
      <p id="strategy-confirm-text">{t('supervision.strategies.editor.confirm', { version })}</p>
    </ConfirmBox>
  ) : (
    <div className="form-actions">
      <button ref={publishButton} type="button" className="button primary" onClick={props.onAsk}>
        {t('supervision.strategies.editor.publish')}
      </button>
    </div>
  );
}
