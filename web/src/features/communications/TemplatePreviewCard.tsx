import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/fields.js';
import {
  previewTemplate,
  type TemplatePreview,
  type TemplatePreviewInput,
  type TemplateSlotKey,
  type TemplateSlotView,
} from './api.js';

const EDGES = ['company', 'no_birth_date', 'overseas', 'italian'] as const;
type SampleChoice = (typeof EDGES)[number] | 'case';

export interface LivePreview {
  sample: SampleChoice;
  setSample: (sample: SampleChoice) => void;
  caseReference: string;
  setCaseReference: (reference: string) => void;
  result: TemplatePreview | null;
  error: string | null;
}

/** The text rendered by the server as it is typed (a short pause first), on the chosen sample. */
export function useLivePreview(slot: TemplateSlotKey, text: { subject: string | null; body: string }): LivePreview {
  const [sample, setSample] = useState<SampleChoice>('company');
  const [caseReference, setCaseReference] = useState('');
  const [result, setResult] = useState<TemplatePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation();
  const { template, channel, language } = slot;
  const { subject, body } = text;
  useEffect(() => {
    if (sample === 'case' && caseReference.trim() === '') {
      setError(t('templates.preview.needReference'));
      return;
    }
    const controller = new AbortController();
    const input: TemplatePreviewInput = {
      template,
      channel,
      language,
      subject,
      body,
      sample:
        sample === 'case' ? { kind: 'case', caseReference: caseReference.trim() } : { kind: 'edge', edge: sample },
    };
    const timer = setTimeout(() => {
      previewTemplate(input, controller.signal)
        .then((found) => {
          setResult(found);
          setError(null);
        })
        .catch((problem: unknown) => {
          if (controller.signal.aborted) return;
          setError(problem instanceof Error ? problem.message : String(problem));
        });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [template, channel, language, subject, body, sample, caseReference, t]);
  return { sample, setSample, caseReference, setCaseReference, result, error };
}

/** The text as a debtor would read it: an SMS bubble with its size, or an e-mail's subject and body. */
export function PreviewCard({ view, preview }: { view: TemplateSlotView; preview: LivePreview }) {
  const { t } = useTranslation();
  const result = preview.result;
  return (
    <section className="card" aria-labelledby="template-preview-heading">
      <h2 id="template-preview-heading">{t('templates.preview.heading')}</h2>
      <div className="grid-form">
        <Field id="template-sample" label={t('templates.preview.sample')}>
          {(control) => (
            <select
              {...control}
              value={preview.sample}
              onChange={(event) => preview.setSample(event.target.value as SampleChoice)}
            >
              {EDGES.map((edge) => (
                <option key={edge} value={edge}>
                  {t(`templates.preview.edges.${edge}`)}
                </option>
              ))}
              <option value="case">{t('templates.preview.realCase')}</option>
            </select>
          )}
        </Field>
        {preview.sample === 'case' ? (
          <Field id="template-case" label={t('templates.preview.caseReference')}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={preview.caseReference}
                placeholder="C-2026-000001"
                onChange={(event) => preview.setCaseReference(event.target.value)}
              />
            )}
          </Field>
        ) : null}
      </div>
      <div aria-live="polite">
        {preview.error ? <p className="warning-text">{preview.error}</p> : null}
        {result && !result.sample.firstLetterSent ? (
          <p className="warning-text">{t('templates.preview.noFirstLetter')}</p>
        ) : null}
        {result && result.body === null ? <p className="muted">{t('templates.preview.cannotRender')}</p> : null}
        {result && result.body !== null ? (
          <figure className={`message-preview ${view.channel}`} lang={view.language}>
            <figcaption className="muted">
              {view.channel === 'sms' && result.sms
                ? t('templates.preview.smsSize', {
                    units: result.sms.units,
                    segments: result.sms.segments,
                    encoding: result.sms.encoding === 'gsm7' ? 'GSM 7' : 'UCS-2',
                  })
                : view.channel === 'letter'
                  ? t('templates.preview.letterCaption')
                  : t('templates.preview.emailCaption')}
            </figcaption>
            {result.subject !== null ? (
              <p className="message-subject">
                <strong>{t('templates.subject')} :</strong> {result.subject}
              </p>
            ) : null}
            <pre className="message-body">{result.body}</pre>
          </figure>
        ) : null}
      </div>
    </section>
  );
}
