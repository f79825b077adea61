import { useTranslation } from 'react-i18next';
import type { ScriptStep } from '../api.js';
import { identityConfirmed } from './callGuideReducer.js';
import { FieldError, type CallPartProps } from './callText.js';

/**
 * The script as a checklist ticked off during the call, identity first: until it is confirmed, the steps said only to
 * the debtor stay closed and a reminder says to disclose nothing.
 */
export function CallSteps({ script, state, dispatch, errorOf }: CallPartProps & { script: readonly ScriptStep[] }) {
  const { t } = useTranslation();
  const confirmed = identityConfirmed(state);
  const { checklist } = state;
  const describedBy = [confirmed ? null : 'identity-reminder', errorOf('disclosed') ? 'call-disclosed-error' : null]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset className="choice-group call-steps" aria-describedby={describedBy || undefined}>
      <legend>{t('workspace.call.steps')}</legend>
      {!confirmed ? (
        <p id="identity-reminder" className="identity-reminder">
          <strong>{t('workspace.call.identityReminderTitle')}</strong> {t('workspace.call.identityReminder')}
        </p>
      ) : null}
      <ol className="step-list">
        {script.map((step) => {
          const locked = step.rightPartyOnly && !confirmed;
          const isIdentity = step.id === state.identityStepId;
          const invalid =
            (isIdentity && errorOf('identity')) || (errorOf('disclosed') && step.rightPartyOnly && checklist[step.id]);
          return (
            <li
              key={step.id}
              className={`step${locked ? ' step-locked' : ''}${checklist[step.id] ? ' step-done' : ''}`}
            >
              <input
                type="checkbox"
                id={`step-${step.id}`}
                checked={checklist[step.id] === true}
                disabled={locked}
                aria-describedby={[
                  `step-${step.id}-guidance`,
                  isIdentity && errorOf('identity') ? 'call-identity-error' : null,
                ]
                  .filter(Boolean)
                  .join(' ')}
                aria-invalid={invalid ? true : undefined}
                onChange={(event) => dispatch({ type: 'tick', stepId: step.id, checked: event.target.checked })}
              />
              <div>
                <label htmlFor={`step-${step.id}`} className="step-title">
                  {step.title}
                </label>
                <p id={`step-${step.id}-guidance`} className="hint">
                  {step.guidance}
                  {locked ? <span className="step-lock"> {t('workspace.call.lockedStep')}</span> : null}
                </p>
                {isIdentity ? <FieldError field="identity" errorOf={errorOf} /> : null}
              </div>
            </li>
          );
        })}
      </ol>
      <FieldError field="disclosed" errorOf={errorOf} />
    </fieldset>
  );
}
