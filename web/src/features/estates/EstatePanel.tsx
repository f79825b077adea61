import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Facts } from '../../ui/Facts.js';
import { Field } from '../../ui/fields.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { getCaseEstate, reportDeath, type EstateView } from './api.js';
import { EstateSteps } from './EstateForms.js';

/**
 * A deceased debtor's estate on the case page (REGULATION §12): its step, option and deadlines, what comes next;
 * an agent reports a death, a team leader or a specialist runs the estate's steps. A creditor user reads the state
 * only, never the heirs. The case reloads after each act, so its stage, holds and timeline show what changed.
 */
export function EstatePanel(props: {
  caseId: string;
  caseOpen: boolean;
  /** Changes when a document is added or erased on the case: the death certificates offered reload. */
  documentsVersion?: number;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const estate = useLiveData((signal) => getCaseEstate(props.caseId, signal), props.caseId);
  const changed = () => {
    estate.reload();
    props.onChanged();
  };
  return (
    <section className="card" aria-labelledby="estate-heading">
      <h2 id="estate-heading">{t('estates.heading')}</h2>
      {me.role === 'creditor_user' ? <p className="hint">{t('estates.creditorIntro')}</p> : null}
      <AsyncContent data={estate} onRetry={estate.reload}>
        {(found) =>
          found.estate ? (
            <>
              <EstateFacts estate={found.estate} />
              {can(me.role, 'estates.manage') ? (
                <EstateSteps
                  caseId={props.caseId}
                  estate={found.estate}
                  documentsVersion={props.documentsVersion ?? 0}
                  onDone={changed}
                />
              ) : null}
            </>
          ) : (
            <>
              <p>{t('estates.none')}</p>
              {props.caseOpen && can(me.role, 'estates.report') ? (
                <ReportDeathForm caseId={props.caseId} onDone={changed} />
              ) : null}
            </>
          )
        }
      </AsyncContent>
    </section>
  );
}

function EstateFacts({ estate }: { estate: EstateView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const day = (value: string | null) => (value ? format.date(value) : t('common.none'));
  return (
    <>
      <Facts
        items={[
          { label: t('estates.facts.step'), value: labelOf(t, 'estates.steps', estate.step) },
          { label: t('estates.facts.option'), value: labelOf(t, 'estates.options', estate.option) },
          { label: t('estates.facts.reportedOn'), value: format.date(estate.reportedOn) },
          { label: t('estates.facts.diedOn'), value: day(estate.diedOn) },
          { label: t('estates.facts.optionEndsOn'), value: day(estate.optionEndsOn) },
          { label: t('estates.facts.claimDeclaredOn'), value: day(estate.claimDeclaredOn) },
          ...(estate.claimDeadlineOn
            ? [{ label: t('estates.facts.claimDeadlineOn'), value: format.date(estate.claimDeadlineOn) }]
            : []),
          { label: t('estates.facts.heirs'), value: t('estates.facts.heirsCount', estate.heirs) },
          {
            label: t('estates.facts.next'),
            value: (
              <strong>
                {labelOf(t, 'estates.next', estate.next.action)} · {format.date(estate.next.dueOn)}
              </strong>
            ),
          },
        ]}
      />
      {estate.option === 'vacant' ? <p className="hint">{t('estates.closeHint')}</p> : null}
    </>
  );
}

function ReportDeathForm(props: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [note, setNote] = useState('');
  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      await reportDeath(props.caseId, { note: note.trim() });
      return (t) => t('estates.report.done');
    });
    if (ok) {
      setNote('');
      props.onDone();
    }
  }
  return (
    <form className="grid-form" onSubmit={(event) => void send(event)} aria-labelledby="estate-report-heading">
      <h3 id="estate-report-heading" className="wide">
        {t('estates.report.heading')}
      </h3>
      <p className="hint wide">{t('estates.report.intro')}</p>
      <Field id="estate-report-note" label={t('estates.report.note')} wide>
        {(control) => (
          <textarea {...control} required maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
      <div className="wide">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {t('estates.report.submit')}
        </button>
        <SubmitFeedback submit={submit} />
      </div>
    </form>
  );
}
