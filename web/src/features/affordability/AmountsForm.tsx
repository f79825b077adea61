import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { centsToInput, parseEurosToCents, useFormat } from '../../i18n/format.js';
import type { FigureStatus } from './api.js';
import { RowForm, StatusSourceFields, TextField } from './fields.js';

export interface AmountsValues<K extends string> {
  cents: Record<K, number>;
  status: FigureStatus;
  source: string;
}

/**
 * Adds or corrects a row made of monthly amounts (the RSA by household, a standard allowance): each typed in euros
 * and parsed to integer cents without floats, plus the status and the source. `keyFields` are the row's key when
 * adding one (its date, its category); `keyValid` says whether they are filled in correctly.
 */
export function AmountsForm<K extends string>(props: {
  id: string;
  heading: string;
  amounts: readonly { name: K; label: string }[];
  initial: AmountsValues<K> | null;
  keyFields?: (checked: boolean) => ReactNode;
  keyValid?: boolean;
  onSave: (values: AmountsValues<K>) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const { initial } = props;
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      props.amounts.map(({ name }) => [name, initial ? centsToInput(initial.cents[name], locale) : '']),
    ),
  );
  const [status, setStatus] = useState<FigureStatus>(initial?.status ?? 'check');
  const [source, setSource] = useState(initial?.source ?? '');

  async function save(): Promise<boolean> {
    const cents: Partial<Record<K, number>> = {};
    for (const { name } of props.amounts) {
      const parsed = parseEurosToCents(texts[name] ?? '');
      if (parsed === null) return false;
      cents[name] = parsed;
    }
    if (props.keyValid === false || source.trim() === '') return false;
    await props.onSave({ cents: cents as Record<K, number>, status, source: source.trim() });
    return true;
  }

  return (
    <RowForm id={props.id} heading={props.heading} save={save} onCancel={props.onCancel}>
      {(checked) => (
        <>
          {props.keyFields?.(checked)}
          {props.amounts.map(({ name, label }) => (
            <TextField
              key={name}
              id={`${props.id}-${name}`}
              label={label}
              inputMode="decimal"
              value={texts[name] ?? ''}
              onChange={(value) => setTexts((all) => ({ ...all, [name]: value }))}
              hint={t('referenceData.form.amountHint')}
              error={
                checked && parseEurosToCents(texts[name] ?? '') === null
                  ? t('referenceData.form.amountInvalid', { field: label })
                  : null
              }
            />
          ))}
          <StatusSourceFields
            id={props.id}
            status={status}
            source={source}
            onStatus={setStatus}
            onSource={setSource}
            checked={checked}
          />
        </>
      )}
    </RowForm>
  );
}
