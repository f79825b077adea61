import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../portfolio/api.js';
import { labelOf } from '../../../i18n/labels.js';
import { CALL_OUTCOMES } from '../api.js';
import { describedBy, FieldError, type CallPartProps } from './callText.js';

const OUTCOME_NAME = 'call-outcome';

/** The O shortcut: the focus goes to the outcome of the call (the one chosen, else the first), scrolled into view. */
export function focusOutcome(): void {
  const target =
    document.querySelector<HTMLInputElement>(`input[name="${OUTCOME_NAME}"]:checked`) ??
    document.querySelector<HTMLInputElement>(`input[name="${OUTCOME_NAME}"]`);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

type Phone = CaseDetail['debtor']['contactPoints'][number];

/** How the call went (who answered, or not), and what goes with that outcome: the voicemail text, the wrong number. */
export function CallOutcomeFields({
  state,
  dispatch,
  errorOf,
  voicemailScript,
  phones,
}: CallPartProps & { voicemailScript: string; phones: readonly Phone[] }) {
  const { t } = useTranslation();
  const { outcome } = state;
  return (
    <>
      <fieldset
        className="choice-group call-outcome"
        aria-describedby={errorOf('outcome') ? 'call-outcome-error' : undefined}
      >
        <legend>{t('workspace.call.outcome')}</legend>
        {CALL_OUTCOMES.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={OUTCOME_NAME}
              value={value}
              checked={outcome === value}
              aria-invalid={errorOf('outcome') ? true : undefined}
              onChange={() => dispatch({ type: 'outcome', outcome: value })}
            />
            {labelOf(t, 'workspace.call.outcomes', value)}
          </label>
        ))}
        <FieldError field="outcome" errorOf={errorOf} />
      </fieldset>
      {outcome === 'voicemail' ? (
        <div className="voicemail-script">
          <p id="voicemail-title" className="script-title">
            {t('workspace.call.voicemailTitle')}
          </p>
          <blockquote>{voicemailScript}</blockquote>
          <p className="hint">{t('workspace.call.voicemailHint')}</p>
        </div>
      ) : null}
      {outcome === 'third_party' ? <p className="info">{t('workspace.call.thirdPartyHint')}</p> : null}
      {outcome === 'wrong_number' ? (
        <WrongNumber state={state} dispatch={dispatch} errorOf={errorOf} phones={phones} />
      ) : null}
    </>
  );
}

/** Which number turned out wrong: it is marked so and never offered again. */
function WrongNumber({ state, dispatch, errorOf, phones }: CallPartProps & { phones: readonly Phone[] }) {
  const { t } = useTranslation();
  return (
    <div className="grid-form call-fields">
      {phones.length === 0 ? (
        <p className="warning-text wide-hint">{t('workspace.call.noPhones')}</p>
      ) : (
        <div className="field wide">
          <label htmlFor="call-contact-point">{t('workspace.call.contactPoint')}</label>
          <select
            id="call-contact-point"
            value={state.text.contactPointId}
            aria-invalid={errorOf('contactPoint') ? true : undefined}
            aria-describedby={describedBy(errorOf, 'contactPoint', 'call-contact-point-hint')}
            onChange={(event) => dispatch({ type: 'text', field: 'contactPointId', value: event.target.value })}
          >
            <option value="">{t('workspace.call.choosePhone')}</option>
            {phones.map((point) => (
              <option key={point.id} value={point.id}>
                {point.value} ({labelOf(t, 'values.usages', point.usage)})
              </option>
            ))}
          </select>
          <p id="call-contact-point-hint" className="hint">
            {t('workspace.call.contactPointHint')}
          </p>
          <FieldError field="contactPoint" errorOf={errorOf} />
        </div>
      )}
    </div>
  );
}
