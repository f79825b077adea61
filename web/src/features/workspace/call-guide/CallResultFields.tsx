import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.js';
import { labelOf } from '../../../i18n/labels.js';
import { CALL_RESULTS } from '../api.js';
import type { CallText } from './callGuideReducer.js';
import { describedBy, FieldError, type CallPartProps } from './callText.js';

/** What the promise, the callback and the reasons need to know of the case and of the debtor's day. */
export interface CallLimits {
  balance: string;
  today: string;
  lastPromiseDay: string;
  promiseMaxDays: number;
  zone: string;
}

/** After a conversation with the debtor: what it came to, and the details that result needs. */
export function CallResultFields(props: CallPartProps & { limits: CallLimits }) {
  const { t } = useTranslation();
  const { state, dispatch, errorOf } = props;
  const { result } = state;
  return (
    <>
      <fieldset
        className="choice-group call-result"
        aria-describedby={errorOf('result') ? 'call-result-error' : undefined}
      >
        <legend>{t('workspace.call.result')}</legend>
        {CALL_RESULTS.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="call-result"
              value={value}
              checked={result === value}
              aria-invalid={errorOf('result') ? true : undefined}
              onChange={() => dispatch({ type: 'result', result: value })}
            />
            {labelOf(t, 'workspace.call.results', value)}
          </label>
        ))}
        <FieldError field="result" errorOf={errorOf} />
      </fieldset>
      {result === 'promise' ? <PromiseFields {...props} /> : null}
      {result === 'callback' ? <CallbackFields {...props} /> : null}
      {result === 'dispute' || result === 'hardship' || result === 'bereavement' ? (
        <ReasonField {...props} kind={result} />
      ) : null}
    </>
  );
}

const setText = (dispatch: CallPartProps['dispatch'], field: CallText) => (value: string) =>
  dispatch({ type: 'text', field, value });

function PromiseFields({ state, dispatch, errorOf, limits }: CallPartProps & { limits: CallLimits }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="grid-form call-fields">
      <div className="field">
        <label htmlFor="call-amount">{t('workspace.call.amount')}</label>
        <input
          id="call-amount"
          inputMode="decimal"
          autoComplete="off"
          value={state.text.amount}
          aria-invalid={errorOf('amount') ? true : undefined}
          aria-describedby={describedBy(errorOf, 'amount', 'call-amount-hint')}
          onChange={(event) => setText(dispatch, 'amount')(event.target.value)}
        />
        <p id="call-amount-hint" className="hint">
          {t('workspace.call.amountHint', { balance: limits.balance })}
        </p>
        <FieldError field="amount" errorOf={errorOf} />
      </div>
      <div className="field">
        <label htmlFor="call-due-on">{t('workspace.call.dueOn')}</label>
        <input
          id="call-due-on"
          type="date"
          min={limits.today}
          max={limits.lastPromiseDay}
          value={state.text.dueOn}
          aria-invalid={errorOf('dueOn') ? true : undefined}
          aria-describedby={describedBy(errorOf, 'dueOn', 'call-due-on-hint')}
          onChange={(event) => setText(dispatch, 'dueOn')(event.target.value)}
        />
        <p id="call-due-on-hint" className="hint">
          {t('workspace.call.dueOnHint', { count: limits.promiseMaxDays, to: format.date(limits.lastPromiseDay) })}
        </p>
        <FieldError field="dueOn" errorOf={errorOf} />
      </div>
    </div>
  );
}

function CallbackFields({ state, dispatch, errorOf, limits }: CallPartProps & { limits: CallLimits }) {
  const { t } = useTranslation();
  const invalid = errorOf('callback') ? true : undefined;
  return (
    <fieldset
      className="choice-group call-fields"
      aria-describedby={describedBy(errorOf, 'callback', 'call-callback-hint')}
    >
      <legend>{t('workspace.call.callbackAt')}</legend>
      <div className="grid-form">
        <div className="field">
          <label htmlFor="call-callback-date">{t('workspace.call.callbackDate')}</label>
          <input
            id="call-callback-date"
            type="date"
            min={limits.today}
            value={state.text.callbackDate}
            aria-invalid={invalid}
            onChange={(event) => setText(dispatch, 'callbackDate')(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="call-callback-time">{t('workspace.call.callbackTime')}</label>
          <input
            id="call-callback-time"
            type="time"
            value={state.text.callbackTime}
            aria-invalid={invalid}
            onChange={(event) => setText(dispatch, 'callbackTime')(event.target.value)}
          />
        </div>
      </div>
      <p id="call-callback-hint" className="hint">
        {t('workspace.call.callbackHint', { zone: limits.zone })}
      </p>
      <FieldError field="callback" errorOf={errorOf} />
    </fieldset>
  );
}

function ReasonField({
  state,
  dispatch,
  errorOf,
  kind,
}: CallPartProps & { kind: 'dispute' | 'hardship' | 'bereavement' }) {
  const { t } = useTranslation();
  return (
    <div className="field call-fields">
      <label htmlFor="call-reason">{t(`workspace.call.${kind}Reason`)}</label>
      <textarea
        id="call-reason"
        rows={2}
        maxLength={500}
        value={state.text.reason}
        aria-invalid={errorOf('reason') ? true : undefined}
        aria-describedby={describedBy(errorOf, 'reason', 'call-reason-hint')}
        onChange={(event) => setText(dispatch, 'reason')(event.target.value)}
      />
      <p id="call-reason-hint" className="hint">
        {t(`workspace.call.${kind}Hint`)}
      </p>
      <FieldError field="reason" errorOf={errorOf} />
    </div>
  );
}
