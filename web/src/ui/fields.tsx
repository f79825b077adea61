import { useTranslation } from 'react-i18next';
import { labelOf } from '../i18n/labels.js';

/** A labelled select of codes, each shown by its translation under `group` (values.channels, values.outcomes…). */
export function CodeSelect<T extends string>(props: {
  id: string;
  label: string;
  group: string;
  values: readonly T[];
  value: T;
  onChange: (value: T) => void;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className={props.wide ? 'field wide' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value as T)}>
        {props.values.map((value) => (
          <option key={value} value={value}>
            {labelOf(t, props.group, value)}
          </option>
        ))}
      </select>
    </div>
  );
}
