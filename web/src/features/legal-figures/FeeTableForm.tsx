import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useFormat } from '../../i18n/format.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { SectionForm } from '../../ui/SectionForm.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { addFeeTable } from './api.js';
import { DecimalField, SourceField, TagSelect, ValidFromField, type FigureFormProps } from './figure-fields.js';
import { feeDraftOf, readFeeDraft, withBandAdded, type DraftField, type FeeDraft } from './fee-table-draft.js';
import { BandRows } from './FeeTableBands.js';

const ID = 'fee-table';
const TAGS = ['law', 'check'] as const;

/** Where the form shows each refusal of the server (legal_figures.*): next to the field it is about. */
const REFUSAL_FIELDS: Readonly<Record<string, 'validFrom' | 'cap' | 'bands'>> = {
  'legal_figures.valid_from_past': 'validFrom',
  'legal_figures.already_dated': 'validFrom',
  'legal_figures.floor_above_cap': 'cap',
  'legal_figures.bands_unordered': 'bands',
  'legal_figures.last_band_open': 'bands',
};

/**
 * Adds the commissaire's proportional fee table (A444-32) from a day, today or later: prefilled with the table in
 * force, amounts typed in euros and rates in percent, each band "up to an amount at a rate" and the last one open.
 * What is typed wrong is said next to its field before anything is sent; what the server refuses, next to the field
 * it is about.
 */
export function FeeTableForm({ figures, onClose, onAdded }: FigureFormProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const submit = useSubmit();
  const current = figures.feeTables.find((table) => table.inForce) ?? figures.feeTables.at(-1);
  const [draft, setDraft] = useState<FeeDraft>(() => feeDraftOf(current, figures.today, locale));
  const [checked, setChecked] = useState(false);
  const nextKey = useRef(draft.bands.length);
  const set: Set = (patch) => setDraft((d) => ({ ...d, ...patch }));
  useEffect(() => document.getElementById(`${ID}-valid-from`)?.focus(), []);

  const read = readFeeDraft(draft);
  const wrong = (field: DraftField) => checked && (read.invalid as string[]).includes(field);
  const code = submit.error instanceof ApiError ? submit.error.code : '';
  const refusedAt = REFUSAL_FIELDS[code];
  const refusal = (field: 'validFrom' | 'cap' | 'bands') => (refusedAt === field ? t(`problems.${code}`) : null);
  const fieldLabels = {
    validFrom: t('legalFigures.form.validFrom'),
    cap: t('legalFigures.feeForm.cap'),
    bands: t('legalFigures.feeForm.bands'),
  };

  function send() {
    setChecked(true);
    if (!read.body) {
      document.getElementById(`${ID}-${read.invalid[0]}`)?.focus();
      return;
    }
    const body = read.body;
    void submit.run(async () => {
      const added = await addFeeTable(body);
      onAdded();
      return (say, format) => say('legalFigures.feeForm.added', { date: format.date(added.validFrom) });
    });
  }

  return (
    <>
      <SectionForm
        id={`${ID}-form`}
        heading={t('legalFigures.feeForm.heading')}
        submitLabel={t('legalFigures.feeForm.submit')}
        submit={submit}
        onSubmit={send}
        problem={
          refusedAt ? (
            <ProblemMessage
              error={submit.error}
              overrides={{ [code]: t('legalFigures.feeForm.seeField', { field: fieldLabels[refusedAt] }) }}
            />
          ) : undefined
        }
      >
        <ValidFromField
          id={`${ID}-valid-from`}
          today={figures.today}
          hint={t('legalFigures.feeForm.validFromHint')}
          error={refusal('validFrom')}
          value={draft.validFrom}
          onChange={(value) => set({ validFrom: value })}
        />
        <TagSelect id={`${ID}-tag`} tags={TAGS} value={draft.tag} onChange={(value) => set({ tag: value })} />
        <AmountField field="floor" draft={draft} set={set} wrong={wrong('floor')} />
        <AmountField field="floorUpto" draft={draft} set={set} wrong={wrong('floorUpto')} />
        <AmountField field="cap" draft={draft} set={set} wrong={wrong('cap')} refusal={refusal('cap')} />
        <BandRows
          id={ID}
          bands={draft.bands}
          wrong={wrong}
          error={refusal('bands')}
          onChange={(bands) => set({ bands })}
          onAdd={() => {
            const key = nextKey.current++;
            set({ bands: withBandAdded(draft.bands, key) });
            return key;
          }}
        />
        <SourceField id={`${ID}-source`} value={draft.source} onChange={(value) => set({ source: value })} />
      </SectionForm>
      <button type="button" className="button secondary" onClick={onClose}>
        {t('legalFigures.form.close')}
      </button>
    </>
  );
}

type Set = (patch: Partial<FeeDraft>) => void;

/** An amount of the table typed in euros: what is typed wrong, or what the server refused, said under it. */
function AmountField(props: {
  field: 'floor' | 'floorUpto' | 'cap';
  draft: FeeDraft;
  set: Set;
  wrong: boolean;
  refusal?: string | null;
}) {
  const { t } = useTranslation();
  const { field } = props;
  const label = t(`legalFigures.feeForm.${field}`);
  return (
    <DecimalField
      id={`${ID}-${field}`}
      label={label}
      hint={t('legalFigures.feeForm.amountHint')}
      error={props.wrong ? t('legalFigures.feeForm.amountInvalid', { field: label }) : props.refusal}
      value={props.draft[field]}
      onChange={(value) => props.set({ [field]: value })}
    />
  );
}
