import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { diffPolicies } from '../../../../src/contact-policy/contract.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ConfirmBox } from '../../ui/ConfirmBox.js';
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
        <Link to="/contact-policy">
          <span aria-hidden="true">← </span>
          {t('contactPolicy.backToPolicy')}
        </Link>
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
  const [invalid, onValidity] = useInvalidFields();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const dirty = JSON.stringify(document) !== JSON.stringify(saved.document);

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

  /** Resolves false when the server refused (the problem is shown). */
  async function discard(): Promise<boolean> {
    setError(null);
    try {
      await discardPolicyDraft();
      await navigate('/contact-policy', { state: { announcement: t('contactPolicy.draft.discarded') } });
      return true;
    } catch (caught) {
      setError(caught);
      return false;
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
        <SaveBar saving={saving} canSave={invalid.size === 0} onSave={() => void save()} onDiscard={discard} />
        <DraftStatus announcement={announcement} dirty={dirty} />
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

/** The ids of the fields whose text does not parse, as each field reports its validity. */
function useInvalidFields(): [ReadonlySet<string>, (id: string, valid: boolean) => void] {
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const onValidity = useCallback((id: string, valid: boolean) => {
    setInvalid((before) => {
      if (valid === !before.has(id)) return before;
      const next = new Set(before);
      if (valid) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  return [invalid, onValidity];
}

/** Saves the draft, or discards it after a confirmation. */
function SaveBar(props: { saving: boolean; canSave: boolean; onSave: () => void; onDiscard: () => Promise<boolean> }) {
  const { t } = useTranslation();
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  return (
    <>
      <div className="form-actions save-bar">
        <button
          type="button"
          className="button primary"
          disabled={props.saving || !props.canSave}
          onClick={props.onSave}
        >
          {props.saving ? t('contactPolicy.draft.saving') : t('contactPolicy.draft.save')}
        </button>
        {confirmDiscard ? null : (
          <button type="button" className="button secondary" onClick={() => setConfirmDiscard(true)}>
            {t('contactPolicy.draft.discard')}
          </button>
        )}
      </div>
      {confirmDiscard ? (
        <ConfirmBox
          textId="discard-confirm-text"
          yes={t('contactPolicy.draft.discardYes')}
          cancel={t('contactPolicy.draft.cancel')}
          onConfirm={() => void props.onDiscard().then((done) => done || setConfirmDiscard(false))}
          onCancel={() => setConfirmDiscard(false)}
        >
          <p id="discard-confirm-text">{t('contactPolicy.draft.discardConfirm')}</p>
        </ConfirmBox>
      ) : null}
    </>
  );
}

/** Says that the draft was saved, or that it has changes not saved yet. */
function DraftStatus({ announcement, dirty }: { announcement: string; dirty: boolean }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="status-area" id="draft-status">
      {announcement ? (
        <p className="success">{announcement}</p>
      ) : dirty ? (
        <p>{t('contactPolicy.draft.unsaved')}</p>
      ) : null}
    </div>
  );
}
