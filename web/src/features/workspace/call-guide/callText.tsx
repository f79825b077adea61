import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.js';
import type { CallErrors, CallField, CallGuideAction, CallGuideState } from './callGuideReducer.js';

/** What every part of the call guide receives: the state, the way to change it, the text of a field's mistake. */
export interface CallPartProps {
  state: CallGuideState;
  dispatch: (action: CallGuideAction) => void;
  errorOf: (field: CallField) => string | undefined;
}

/** The text of each mistake, in the reader's language (dates in their format). */
export function useCallErrorText(errors: CallErrors): (field: CallField) => string | undefined {
  const { t } = useTranslation();
  const format = useFormat();
  return (field) => {
    const values = errors[field];
    if (!values) return undefined;
    const shown =
      field === 'dueOn' ? { from: format.date(values.from ?? ''), to: format.date(values.to ?? '') } : values;
    return t(`workspace.call.errors.${field}`, shown);
  };
}

/** The paragraph of a field's mistake, pointed at by the field's `aria-describedby` (`call-<field>-error`). */
export function FieldError({ field, errorOf }: { field: CallField; errorOf: CallPartProps['errorOf'] }) {
  const text = errorOf(field);
  return text ? (
    <p id={`call-${field}-error`} className="field-error">
      {text}
    </p>
  ) : null;
}

/** A field's description: its hint, then its mistake when there is one. */
export function describedBy(errorOf: CallPartProps['errorOf'], field: CallField, hintId: string): string {
  return [hintId, errorOf(field) ? `call-${field}-error` : null].filter(Boolean).join(' ');
}
