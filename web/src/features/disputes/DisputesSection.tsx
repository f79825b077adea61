import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SuccessMessage, type Saying } from '../../i18n/saying.js';
import { useLiveData } from '../../api/useLiveData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { getCaseDocuments } from '../documents/api.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { getCaseDisputes } from './api.js';
import { DisputeCard } from './DisputeCard.js';
import { AnswerDisputeForm, RecordDisputeForm, ReviewDisputeForm } from './DisputeForms.js';

/**
 * The disputes of a case: each with its deadline, evidence, answer and decision; the agent records one, the creditor
 * answers an evidence request, a person decides on the answer. The case reloads after each, so its stage, holds and
 * timeline show what changed.
 */
export function DisputesSection(props: {
  caseId: string;
  caseOpen: boolean;
  claims: readonly { id: string; reference: string; status: string }[];
  /** Changes when a document is added or erased on the case: the evidence offered reloads. */
  documentsVersion?: number;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const disputes = useLiveData((signal) => getCaseDisputes(props.caseId, signal), props.caseId);
  const documents = useLiveData(
    (signal) => getCaseDocuments(props.caseId, signal),
    props.caseId,
    String(props.documentsVersion ?? 0),
  );
  // The answer and decision forms leave once done: their confirmation stays here, announced politely.
  const [notice, setNotice] = useState<Saying | null>(null);
  const changed = () => {
    disputes.reload();
    props.onChanged();
  };
  const concluded = (said: Saying) => {
    setNotice(() => said);
    changed();
  };
  const available = documents.status === 'ready' ? documents.data.items : [];
  const creditorUser = me.role === 'creditor_user';
  return (
    <section className="card" aria-labelledby="disputes-heading">
      <h2 id="disputes-heading">{t('disputes.heading')}</h2>
      {creditorUser ? <p className="hint">{t('disputes.creditorIntro')}</p> : null}
      <div role="status" className="status-area">
        <SuccessMessage saying={notice} />
      </div>
      <AsyncContent data={disputes} onRetry={disputes.reload}>
        {(found) => (
          <>
            {found.items.length === 0 ? <p>{t('disputes.none')}</p> : null}
            {found.items.map((dispute) => (
              <DisputeCard key={dispute.id} dispute={dispute}>
                {dispute.status === 'evidence_requested' && can(me.role, 'disputes.answer') ? (
                  <AnswerDisputeForm
                    dispute={dispute}
                    documents={available.filter((d) => d.source === 'creditor')}
                    onDone={concluded}
                  />
                ) : null}
                {dispute.status === 'answered' && can(me.role, 'disputes.review') ? (
                  <ReviewDisputeForm dispute={dispute} onDone={concluded} />
                ) : null}
              </DisputeCard>
            ))}
          </>
        )}
      </AsyncContent>
      {props.caseOpen && can(me.role, 'disputes.record') ? (
        <RecordDisputeForm
          caseId={props.caseId}
          claims={props.claims}
          documents={available.filter((d) => !d.specialCategory)}
          onDone={changed}
        />
      ) : null}
    </section>
  );
}
