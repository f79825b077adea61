import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { diffPolicies } from '../../../../src/contact-policy/contract.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import {
  discardPolicyDraft,
  getPolicyDraft,
  getPolicyOverview,
  savePolicyDraft,
  type PolicyDocument,
  type PolicyDraft,
  type VersionDetail,
} from './api.js';
import { DraftFigures } from './DraftFigures.js';
import { JsonEditor } from './JsonEditor.js';
import { diffSummary, PolicyDiffView } from './PolicyRules.js';
import { PublishForm } from './PublishForm.js';
import { Simulator } from './Simulator.js';
import { useFormat } from '../../i18n/format.js';

/** The draft editor of compliance officers: figures, JSON, the diff, the simulator and publication. */
export function ContactPolicyDraftPage() {
  const { t } = useTranslation();
  const data = useApiData(async (signal) => {
    const [overview, draft] = await Promise.all([getPolicyOverview(signal), getPolicyDraft(signal)]);
    return { current: overview.current, draft };
  }, 'draft');
  usePageTitle(t('contactPolicy.draft.title'));
  return (
    <>
      <p className="back-link">
        <Link to="/contact-policy">{t('contactPolicy.backToPolicy')}</Link>
      </p>
      <h1>{t('contactPolicy.draft.title')}</h1>
      <p className="muted">{t('contactPolicy.draft.intro')}</p>
      <AsyncContent data={data} onRetry={data.reload}>
        {({ current, draft }) =>
          draft ? <DraftEditor current={current} initial={draft} /> : <p>{t('contactPolicy.noDraft')}</p>
        }
      </AsyncContent>
    </>
  );
}

function DraftEditor({ current, initial }: { current: VersionDetail; initial: PolicyDraft }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [saved, setSaved] = useState(initial);
  const [document, setDocument] = useState<PolicyDocument>(() => structuredClone(initial.document));
  // Re-creates the form fields when the document is replaced whole (from the JSON view).
  const [revision, setRevision] = useState(0);
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const discardYes = useRef<HTMLButtonElement>(null);
  const dirty = JSON.stringify(document) !== JSON.stringify(saved.document);

  useEffect(() => {
    if (confirmDiscard) discardYes.current?.focus();
  }, [confirmDiscard]);

  const onValidity = useCallback((id: string, valid: boolean) => {
    setInvalid((before) => {
      if (valid === !before.has(id)) return before;
      const next = new Set(before);
      if (valid) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const update = useCallback((change: (draft: PolicyDocument) => void) => {
    setAnnouncement('');
    setDocument((before) => {
      const next = structuredClone(before);
      change(next);
      return next;
    });
  }, []);

  async function store(candidate: unknown): Promise<void> {
    const result = await savePolicyDraft({
      document: candidate,
      basedOnVersion: saved.basedOnVersion,
      expectedUpdatedAt: saved.updatedAt,
    });
    setSaved(result);
    setDocument(structuredClone(result.document));
    setAnnouncement(t('contactPolicy.draft.saved'));
  }

  async function save() {
    setSaving(true);
    setError(null);
    try {
      await store(document);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }

  async function discard() {
    setError(null);
    try {
      await discardPolicyDraft();
      await navigate('/contact-policy', { state: { announcement: t('contactPolicy.draft.discarded') } });
    } catch (caught) {
      setError(caught);
      setConfirmDiscard(false);
    }
  }

  return (
    <>
      <p>
        {t('contactPolicy.draft.basedOn', {
          version: saved.basedOnVersion ?? current.version,
          date: format.dateTime(saved.updatedAt),
          name: saved.updatedBy ?? t('contactPolicy.system'),
        })}
      </p>
      <section aria-labelledby="figures-heading" className="card">
        <h2 id="figures-heading">{t('contactPolicy.draft.figures')}</h2>
        <DraftFigures key={revision} document={document} update={update} onValidity={onValidity} />
        <div className="form-actions save-bar">
          <button
            type="button"
            className="button primary"
            disabled={saving || invalid.size > 0}
            onClick={() => void save()}
          >
            {saving ? t('contactPolicy.draft.saving') : t('contactPolicy.draft.save')}
          </button>
          {confirmDiscard ? null : (
            <button type="button" className="button secondary" onClick={() => setConfirmDiscard(true)}>
              {t('contactPolicy.draft.discard')}
            </button>
          )}
        </div>
        {confirmDiscard ? (
          <div className="confirm-box" role="group" aria-labelledby="discard-confirm-text">
            <p id="discard-confirm-text">{t('contactPolicy.draft.discardConfirm')}</p>
            <div className="form-actions">
              <button ref={discardYes} type="button" className="button primary" onClick={() => void discard()}>
                {t('contactPolicy.draft.discardYes')}
              </button>
              <button type="button" className="button secondary" onClick={() => setConfirmDiscard(false)}>
                {t('contactPolicy.draft.cancel')}
              </button>
            </div>
          </div>
        ) : null}
        <div role="status" className="status-area" id="draft-status">
          {announcement ? (
            <p className="success">{announcement}</p>
          ) : dirty ? (
            <p>{t('contactPolicy.draft.unsaved')}</p>
          ) : null}
        </div>
        {error ? <ProblemMessage error={error} title={t('contactPolicy.draft.saveFailed')} /> : null}
        <JsonEditor
          document={document}
          onSave={async (candidate) => {
            await store(candidate);
            setRevision((n) => n + 1);
          }}
        />
      </section>
      <PolicyDiffView before={current.document} after={document} version={current.version} idPrefix="draft" />
      <Simulator draft={document} current={current.document} />
      <PublishForm dirty={dirty} changes={diffSummary(t, diffPolicies(current.document, saved.document))} />
    </>
  );
}
