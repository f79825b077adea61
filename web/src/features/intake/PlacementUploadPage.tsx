import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isAbort } from '../../api/client.js';
import { getCreditor, listCreditors } from '../portfolio/api.js';
import { placementMediaType, uploadPlacement } from './api.js';
import type { CreditorDetail } from '../portfolio/api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { useMe } from '../identity/SessionProvider.js';
import { CreditorField, FileField, inForce, MandateField } from './UploadFields.js';
import { Said, type Saying } from '../../i18n/saying.js';

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
  const [creditorId, setCreditorId] = useState(creditors.length === 1 ? (creditors[0]?.id ?? '') : '');
  const { creditor, mandates, mandateCode, setMandateCode } = useMandateChoice(creditorId);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState(false);
  const upload = usePlacementUpload();
  const { uploading } = upload;

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
    upload.clear();
    const firstInvalid = Object.entries(problems).find(([, problem]) => problem !== null)?.[0];
    if (firstInvalid || !file) {
      // The messages appear next to their fields; the focus goes to the first field to fix.
      if (firstInvalid) document.getElementById(firstInvalid)?.focus();
      return;
    }
    await upload.send({ creditorId, mandateCode, file });
  }

  const show = (field: keyof typeof problems) => (checked ? problems[field] : null);

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
        <CreditorField
          creditors={creditors}
          creditorId={creditorId}
          disabled={uploading}
          error={show('placement-creditor')}
          onChange={(id) => {
            setCreditorId(id);
            setMandateCode('');
          }}
        />
        <MandateField
          creditor={creditor}
          creditorId={creditorId}
          mandates={mandates}
          mandateCode={mandateCode}
          disabled={uploading}
          error={show('placement-mandate')}
          onChange={setMandateCode}
        />
        <FileField
          file={file}
          disabled={uploading}
          error={show('placement-file')}
          onChange={(chosen) => {
            setFile(chosen);
            upload.clear();
          }}
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={uploading}>
            {uploading ? t('upload.submitting') : t('upload.submit')}
          </button>
          {uploading ? (
            <button type="button" className="button secondary" onClick={upload.cancel}>
              {t('upload.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      {upload.progress ? <UploadProgress progress={upload.progress} /> : null}
      <UploadOutcome notice={upload.notice} error={upload.error} mandate={upload.mandate} />
    </section>
  );
}

/**
 * One upload at a time: its progress, then where it went (the placement's page), or that it was cancelled, or the
 * problem it met. Leaving the page cancels an upload still under way.
 */
function usePlacementUpload() {
  const navigate = useNavigate();
  const [uploading, setUploading] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [mandate, setMandate] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  async function send(placement: { creditorId: string; mandateCode: string; file: File }) {
    const abort = new AbortController();
    controller.current = abort;
    setUploading(true);
    setMandate(placement.mandateCode);
    setProgress({ loaded: 0, total: placement.file.size });
    try {
      const created = await uploadPlacement(placement, {
        signal: abort.signal,
        onProgress: (next) => setProgress(next),
      });
      setNotice({ text: (t) => t('upload.sent'), kind: 'success' });
      void navigate(`/placements/${created.id}`);
    } catch (caught) {
      if (isAbort(caught)) setNotice({ text: (t) => t('upload.cancelled'), kind: 'info' });
      else setError(caught);
      setProgress(null);
    } finally {
      controller.current = null;
      setUploading(false);
    }
  }

  const clear = () => {
    setError(null);
    setNotice(null);
  };
  const cancel = () => controller.current?.abort();
  return { uploading, progress, error, mandate, notice, send, clear, cancel };
}

interface Notice {
  text: Saying;
  kind: 'success' | 'info';
}

/** The creditor's mandates, and the mandate chosen: the only one in force is chosen for the user. */
function useMandateChoice(creditorId: string) {
  const [mandateCode, setMandateCode] = useState('');
  const creditor = useApiData(
    (signal): Promise<CreditorDetail | null> => (creditorId ? getCreditor(creditorId, signal) : Promise.resolve(null)),
    creditorId,
  );
  const mandates = creditor.status === 'ready' && creditor.data ? creditor.data.mandates : [];

  // A choice that no longer exists is cleared.
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
  return { creditor, mandates, mandateCode, setMandateCode };
}

/** What became of the upload: sent, cancelled, or the problem the server found (an unknown mandate by name). */
function UploadOutcome({ notice, error, mandate }: { notice: Notice | null; error: unknown; mandate: string }) {
  const { t } = useTranslation();
  return (
    <>
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
            not_found: t('upload.unknownMandate', { mandate }),
            'intake.unknown_mandate': t('upload.unknownMandate', { mandate }),
          }}
        />
      ) : null}
    </>
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
