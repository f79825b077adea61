import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DecimalField } from './figure-fields.js';
import type { BandDraft, DraftField } from './fee-table-draft.js';

/**
 * The bands of a fee table, one row each: "up to an amount, at a rate", the last one open (every amount above the
 * one before). A band is added before the open one, its first field then focused; a removed band's place goes to
 * the button that adds one, so the focus is never lost.
 */
export function BandRows({
  id,
  bands,
  wrong,
  error,
  onChange,
  onAdd,
}: {
  id: string;
  bands: BandDraft[];
  wrong: (field: DraftField) => boolean;
  /** The server's refusal of the bands (they do not rise), shown under them. */
  error: string | null;
  onChange: (bands: BandDraft[]) => void;
  /** Adds a band before the open one and returns its key. */
  onAdd: () => number;
}) {
  const { t } = useTranslation();
  const addButton = useRef<HTMLButtonElement>(null);
  const edit = (key: number, patch: Partial<BandDraft>) =>
    onChange(bands.map((band) => (band.key === key ? { ...band, ...patch } : band)));
  const remove = (key: number) => {
    onChange(bands.filter((band) => band.key !== key));
    addButton.current?.focus();
  };
  const add = () => {
    const key = onAdd();
    setTimeout(() => document.getElementById(`${id}-band-${key}-upto`)?.focus());
  };
  const describedBy = [`${id}-bands-hint`, error ? `${id}-bands-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className="wide fee-bands" aria-describedby={describedBy}>
      <legend>{t('legalFigures.feeForm.bands')}</legend>
      <p id={`${id}-bands-hint`} className="hint">
        {t('legalFigures.feeForm.bandsHint')}
      </p>
      <ol className="fee-band-list">
        {bands.map((band, index) => (
          <BandRow
            key={band.key}
            id={id}
            band={band}
            n={index + 1}
            open={index === bands.length - 1}
            wrong={wrong}
            onEdit={(patch) => edit(band.key, patch)}
            onRemove={() => remove(band.key)}
          />
        ))}
      </ol>
      {error ? (
        <p id={`${id}-bands-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <button type="button" className="button secondary small" ref={addButton} onClick={add}>
        {t('legalFigures.feeForm.addBand')}
      </button>
    </fieldset>
  );
}

/** One band: its upper bound (none for the open one), its rate, and the button that removes it. */
function BandRow(props: {
  id: string;
  band: BandDraft;
  n: number;
  open: boolean;
  wrong: (field: DraftField) => boolean;
  onEdit: (patch: Partial<BandDraft>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { id, band, n, open } = props;
  const uptoLabel = t('legalFigures.feeForm.bandUpto', { n });
  const rateLabel = t(open ? 'legalFigures.feeForm.openBandRate' : 'legalFigures.feeForm.bandRate', { n });
  return (
    <li className="fee-band">
      {open ? null : (
        <DecimalField
          id={`${id}-band-${band.key}-upto`}
          label={uptoLabel}
          error={
            props.wrong(`band-${band.key}-upto`) ? t('legalFigures.feeForm.amountInvalid', { field: uptoLabel }) : null
          }
          value={band.upto}
          onChange={(value) => props.onEdit({ upto: value })}
        />
      )}
      <DecimalField
        id={`${id}-band-${band.key}-rate`}
        label={rateLabel}
        error={
          props.wrong(`band-${band.key}-rate`) ? t('legalFigures.feeForm.rateInvalid', { field: rateLabel }) : null
        }
        value={band.rate}
        onChange={(value) => props.onEdit({ rate: value })}
      />
      {open ? null : (
        <button
          type="button"
          className="button secondary small"
          aria-label={t('legalFigures.feeForm.removeBandLabel', { n })}
          onClick={props.onRemove}
        >
          {t('legalFigures.feeForm.removeBand')}
        </button>
      )}
    </li>
  );
}
