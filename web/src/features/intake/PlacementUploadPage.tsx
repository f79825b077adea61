import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isAbort } from '../../api/client.js';
import { getCreditor, listCreditors } from '../portfolio/api.js';
import { placementMediaType, uploadPlacement } from './api.js';
import type { CreditorDetail } from '../portfolio/api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { useMe } from '../identity/SessionProvider.js';
import { browserToday } from '../../ui/today.js';
import { Said, type Saying } from '../../i18n/saying.js';

type Mandate = CreditorDetail['mandates'][number];

/** A mandate in force today (the server decides on the agency's today, docs/calendar.md). */
function inForce(mandate: Mandate, today = browserToday()): boolean {
  return mandate.startsOn <= today && (mandate.endsOn === null || mandate.endsOn >= today);
}

/** Upload progress is announced to screen readers at these steps only, not at every event. */
const ANNOUNCED_STEP = 25;

interface Progress {
  loaded: number;
  total: number;
}

export function PlacementUploadPage() {
  const { t } = useTranslation();
  usePageTitle(t('upload.title'));
  const me = useMe();
  const creditors = useApiData(listCreditors, 'creditors');
  return (
    <>
      <p className="back-link">
        <Link to="/placements">
          <span aria-hidden="true">← </span>
          {t('upload.back')}
        </Link>
      </p>
      <h1>{t('upload.heading')}</h1>
      <p className="muted">{t('upload.intro')}</p>
      <AsyncContent data={creditors} onRetry={creditors.reload}>
        {({ items }) => {
          // A creditor user places for its own creditor only (the API answers 404 for any other).
          const choices = me.creditorId === null ? items : items.filter((creditor) => creditor.id === me.creditorId);
          return <UploadForm creditors={choices.map(({ id, name }) => ({ id, name }))} />;
        }}
      </AsyncContent>
    </>
  );
}

function UploadForm({ creditors }: { creditors: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [creditorId, setCreditorId] = useState(creditors.length === 1 ? (creditors[0]?.id ?? '') : '');
  const [mandateCode, setMandateCode] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [uploadedMandate, setUploadedMandate] = useState('');
  const [notice, setNotice] = useState<{ text: Saying; kind: 'success' | 'info' } | null>(null);
  const controller = useRef<AbortController | null>(null);

  // Leaving the page cancels an upload still under way.
  useEffect(() => () => controller.current?.abort(), []);

  const creditor = useApiData(
    (signal): Promise<CreditorDetail | null> => (creditorId ? getCreditor(creditorId, signal) : Promise.resolve(null)),
    creditorId,
  );
  const mandates = creditor.status === 'ready' && creditor.data ? creditor.data.mandates : [];

  // The only mandate in force is chosen for the user; a choice that no longer exists is cleared.
  const chooseMandate = useEffectEvent(() => {
    const usable = mandates.filter((mandate) => inForce(mandate));
    setMandateCode((current) => {
      if (current && usable.some((mandate) => mandate.code === current)) return current;
      return usable.length === 1 ? (usable[0]?.code ?? '') : '';
    });
  });
  useEffect(() => {
    if (creditor.status === 'ready') chooseMandate();
  }, [creditor.status, creditorId]);

  const fileProblem = !file
    ? t('upload.fileRequired')
    : placementMediaType(file.name) === null
      ? t('upload.fileType', { name: file.name })
      : file.size === 0
        ? t('upload.fileEmpty', { name: file.name })
        : null;
  const problems = {
    'placement-creditor': creditorId ? null : t('upload.creditorRequired'),
    'placement-mandate': mandateCode ? null : t('upload.mandateRequired'),
    'placement-file': fileProblem,
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    setError(null);
    setNotice(null);
    const firstInvalid = Object.entries(problems).find(([, problem]) => problem !== null)?.[0];
    if (firstInvalid || !file) {
      // The messages appear next to their fields; the focus goes to the first field to fix.
      if (firstInvalid) document.getElementById(firstInvalid)?.focus();
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    setUploading(true);
    setUploadedMandate(mandateCode);
    setProgress({ loaded: 0, total: file.size });
    try {
      const placement = await uploadPlacement(
        { creditorId, mandateCode, file },
        { signal: abort.signal, onProgress: (next) => setProgress(next) },
      );
      setNotice({ text: (t) => t('upload.sent'), kind: 'success' });
      void navigate(`/placements/${placement.id}`);
    } catch (caught) {
      if (isAbort(caught)) setNotice({ text: (t) => t('upload.cancelled'), kind: 'info' });
      else setError(caught);
      setProgress(null);
    } finally {
      controller.current = null;
      setUploading(false);
    }
  }

  const show = (field: keyof typeof problems) => (checked ? problems[field] : null);
  const describedBy = (field: keyof typeof problems, hint?: string) =>
    [show(field) ? `${field}-error` : null, hint].filter(Boolean).join(' ') || undefined;

  return (
    <section className="card upload-card" aria-labelledby="upload-form-heading">
      <h2 id="upload-form-heading" className="visually-hidden">
        {t('upload.heading')}
      </h2>
      <form
        className="stacked-form upload-form"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-busy={uploading}
      >
        <div className="field">
          <label htmlFor="placement-creditor">{t('upload.creditor')}</label>
          <select
            id="placement-creditor"
            value={creditorId}
            disabled={uploading}
            required
            aria-invalid={show('placement-creditor') !== null}
            aria-describedby={describedBy('placement-creditor')}
            onChange={(e) => {
              setCreditorId(e.target.value);
              setMandateCode('');
            }}
          >
            {creditors.length === 1 ? null : <option value="">{t('upload.chooseCreditor')}</option>}
            {creditors.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
          <FieldError id="placement-creditor-error" text={show('placement-creditor')} />
        </div>
        <div className="field">
          <label htmlFor="placement-mandate">{t('upload.mandate')}</label>
          <select
            id="placement-mandate"
            value={mandateCode}
            disabled={uploading || !creditorId || creditor.status !== 'ready'}
            required
            aria-invalid={show('placement-mandate') !== null}
            aria-describedby={describedBy('placement-mandate', 'placement-mandate-hint')}
            onChange={(e) => setMandateCode(e.target.value)}
          >
            <option value="">{t('upload.chooseMandate')}</option>
            {mandates.map((mandate) => {
              const usable = inForce(mandate);
              return (
                <option key={mandate.id} value={mandate.code} disabled={!usable}>
                  {usable
                    ? t('upload.mandateOption', {
                        code: mandate.code,
                        kind: labelOf(t, 'creditor.kinds', mandate.kind),
                      })
                    : t('upload.mandateNotInForce', { code: mandate.code })}
                </option>
              );
            })}
          </select>
          <p id="placement-mandate-hint" className="hint">
            {creditor.status === 'ready' && creditor.data && mandates.length === 0
              ? t('upload.noMandates')
              : t('upload.mandateHint')}
          </p>
          {creditorId && creditor.status === 'loading' ? <Loading label={t('upload.loadingMandates')} /> : null}
          {creditor.status === 'error' ? <ProblemMessage error={creditor.error} onRetry={creditor.reload} /> : null}
          <FieldError id="placement-mandate-error" text={show('placement-mandate')} />
        </div>
        <div className="field">
          <label htmlFor="placement-file">{t('upload.file')}</label>
          <input
            id="placement-file"
            type="file"
            accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
            disabled={uploading}
            required
            aria-invalid={show('placement-file') !== null}
            aria-describedby={describedBy('placement-file', 'placement-file-hint')}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
              setNotice(null);
            }}
          />
          <p id="placement-file-hint" className="hint">
            {t('upload.fileHint')}
            {file ? (
              <>
                {' '}
                <span className="chosen-file">
                  {t('upload.chosenFile', { name: file.name, size: format.bytes(file.size) })}
                </span>
              </>
            ) : null}
          </p>
          <FieldError id="placement-file-error" text={show('placement-file')} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={uploading}>
            {uploading ? t('upload.submitting') : t('upload.submit')}
          </button>
          {uploading ? (
            <button type="button" className="button secondary" onClick={() => controller.current?.abort()}>
              {t('upload.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      {progress ? <UploadProgress progress={progress} /> : null}
      <div role="status" className="status-area">
        {notice ? (
          <p className={notice.kind}>
            <Said saying={notice.text} />
          </p>
        ) : null}
      </div>
      {error ? (
        <ProblemMessage
          error={error}
          title={t('upload.failed')}
          overrides={{
            not_found: t('upload.unknownMandate', { mandate: uploadedMandate }),
            'intake.unknown_mandate': t('upload.unknownMandate', { mandate: uploadedMandate }),
          }}
        />
      ) : null}
    </section>
  );
}

function FieldError({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p id={id} className="field-error">
      {text}
    </p>
  );
}

/**
 * The bytes sent so far: a labelled <progress> that updates at every event, and a polite status that speaks only
 * at each quarter, so a screen reader is told how it goes without being flooded.
 */
function UploadProgress({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = Math.max(progress.total, 1);
  const percent = Math.min(100, Math.floor((progress.loaded / total) * 100));
  const announcedPercent = Math.floor(percent / ANNOUNCED_STEP) * ANNOUNCED_STEP;
  const text = (shown: number) =>
    t('upload.progress', {
      percent: format.percentOf(shown, 100),
      loaded: format.bytes(Math.round((progress.total * shown) / 100)),
      total: format.bytes(progress.total),
    });
  return (
    <div className="upload-progress">
      <label htmlFor="placement-upload-progress">{t('upload.progressLabel')}</label>
      <progress
        id="placement-upload-progress"
        max={total}
        value={Math.min(progress.loaded, total)}
        aria-describedby="placement-upload-progress-text"
      >
        {format.percentOf(percent, 100)}
      </progress>
      <p id="placement-upload-progress-text" className="hint">
        {t('upload.progress', {
          percent: format.percentOf(percent, 100),
          loaded: format.bytes(progress.loaded),
          total: format.bytes(progress.total),
        })}
      </p>
      <p role="status" className="visually-hidden">
        {text(announcedPercent)}
      </p>
    </div>
  );
}
