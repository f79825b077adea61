import { useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../ui/TableScroll.js';
import { centsToInput, parseEurosToCents, useFormat } from '../../i18n/format.js';
import type { FigureStatus, ScaleBracket, SeizureScale } from './api.js';
import { formId, openerId, type Editing } from './editing.js';
import { RowForm, StatusBadge, StatusSourceFields, TextField, useSourceText } from './fields.js';

/** The wage-seizure scales, newest year first: each year's brackets and per-dependant uplift. */
export function ScalesSection({
  scales,
  editing,
  onSave,
}: {
  scales: SeizureScale[];
  editing: Editing;
  onSave: (scale: SeizureScale) => Promise<void>;
}) {
  const { t } = useTranslation();
  const latest = scales.at(-1) ?? null;
  const addKey = 'scale:new';
  return (
    <section className="card" aria-labelledby="scales-heading">
      <h2 id="scales-heading">{t('referenceData.scales.heading')}</h2>
      <p>{t('referenceData.scales.intro')}</p>
      {scales.length === 0 ? <p className="muted">{t('referenceData.scales.none')}</p> : null}
      {[...scales].reverse().map((scale) => (
        <Scale key={scale.year} scale={scale} editing={editing} onSave={onSave} />
      ))}
      {editing.mayManage && editing.current === addKey ? (
        <ScaleForm
          id={formId(addKey)}
          heading={t('referenceData.scales.addHeading')}
          initial={latest}
          isNew
          onSave={onSave}
          onCancel={editing.close}
        />
      ) : editing.mayManage ? (
        <p>
          <button type="button" id={openerId(addKey)} className="button secondary" onClick={() => editing.open(addKey)}>
            {t('referenceData.scales.add')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

function Scale({
  scale,
  editing,
  onSave,
}: {
  scale: SeizureScale;
  editing: Editing;
  onSave: (scale: SeizureScale) => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const sourceText = useSourceText();
  const key = `scale:${scale.year}`;
  const headingId = `scale-year-${scale.year}-heading`;
  return (
    <section className="reference-scale" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('referenceData.scales.yearHeading', { year: scale.year })} <StatusBadge status={scale.status} />
      </h3>
      <p className="rule-source">{t('referenceData.sourceLine', { source: sourceText(scale.source) })}</p>
      <TableScroll label={t('referenceData.scales.caption', { year: scale.year })}>
        <table className="reference-table">
          <caption className="visually-hidden">{t('referenceData.scales.caption', { year: scale.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('referenceData.scales.bracket')}</th>
              <th scope="col" className="number">
                {t('referenceData.scales.from')}
              </th>
              <th scope="col" className="number">
                {t('referenceData.scales.upTo')}
              </th>
              <th scope="col" className="number">
                {t('referenceData.scales.fraction')}
              </th>
            </tr>
          </thead>
          <tbody>
            {scale.brackets.map((bracket, index) => (
              <tr key={index}>
                <th scope="row">{index + 1}</th>
                <td className="number">
                  {format.money(index === 0 ? 0 : (scale.brackets[index - 1]?.upToCents ?? 0))}
                </td>
                <td className="number">
                  {bracket.upToCents === null ? t('referenceData.scales.above') : format.money(bracket.upToCents)}
                </td>
                <td className="number">
                  {bracket.numerator}/{bracket.denominator}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p>{t('referenceData.scales.upliftLine', { amount: format.money(scale.upliftPerDependantCents) })}</p>
      {editing.mayManage && editing.current === key ? (
        <ScaleForm
          id={formId(key)}
          heading={t('referenceData.scales.editHeading', { year: scale.year })}
          initial={scale}
          onSave={onSave}
          onCancel={editing.close}
        />
      ) : editing.mayManage ? (
        <p>
          <button type="button" id={openerId(key)} className="button secondary" onClick={() => editing.open(key)}>
            {t('referenceData.scales.edit', { year: scale.year })}
          </button>
        </p>
      ) : null}
    </section>
  );
}

interface BracketText {
  key: number;
  upTo: string;
  numerator: string;
  denominator: string;
}

let nextKey = 1;

const wholeNumber = (text: string) => (/^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : null);

/** A bracket's typed text as the server's bracket, or null when it does not parse (an empty threshold is the open bracket). */
function parseBracket(b: BracketText): ScaleBracket | null {
  const upToCents = b.upTo.trim() === '' ? null : parseEurosToCents(b.upTo);
  const numerator = wholeNumber(b.numerator);
  const denominator = wholeNumber(b.denominator);
  if ((b.upTo.trim() !== '' && upToCents === null) || numerator === null || denominator === null || denominator < 1)
    return null;
  return { upToCents, numerator, denominator };
}

/**
 * Adds or corrects a year's scale. The brackets are checked by the server (rising thresholds, only the last one
 * open, fractions between 0 and 1), and each problem it finds is listed.
 */
function ScaleForm(props: {
  id: string;
  heading: string;
  initial: SeizureScale | null;
  isNew?: boolean;
  onSave: (scale: SeizureScale) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const { id, initial } = props;
  const [year, setYear] = useState(String(initial ? initial.year + (props.isNew ? 1 : 0) : new Date().getFullYear()));
  const [brackets, setBrackets] = useState<BracketText[]>(() =>
    (initial?.brackets ?? [{ upToCents: null, numerator: 1, denominator: 1 }]).map((b) => ({
      key: nextKey++,
      upTo: b.upToCents === null ? '' : centsToInput(b.upToCents, locale),
      numerator: String(b.numerator),
      denominator: String(b.denominator),
    })),
  );
  const [uplift, setUplift] = useState(initial ? centsToInput(initial.upliftPerDependantCents, locale) : '');
  const [status, setStatus] = useState<FigureStatus>(props.isNew ? 'check' : (initial?.status ?? 'check'));
  const [source, setSource] = useState(props.isNew ? '' : (initial?.source ?? ''));

  const yearNumber = /^\d{4}$/.test(year.trim()) && Number(year) >= 2000 && Number(year) <= 2100 ? Number(year) : null;

  async function save(): Promise<boolean> {
    const parsed = brackets.map(parseBracket);
    const upliftCents = parseEurosToCents(uplift);
    if (yearNumber === null || upliftCents === null || source.trim() === '' || parsed.some((b) => b === null))
      return false;
    await props.onSave({
      year: yearNumber,
      brackets: parsed as ScaleBracket[],
      upliftPerDependantCents: upliftCents,
      status,
      source: source.trim(),
    });
    return true;
  }

  return (
    <RowForm id={id} heading={props.heading} save={save} onCancel={props.onCancel}>
      {(checked) => (
        <>
          {props.isNew ? (
            <TextField
              id={`${id}-year`}
              label={t('referenceData.scales.year')}
              inputMode="numeric"
              value={year}
              onChange={setYear}
              error={checked && yearNumber === null ? t('referenceData.scales.yearInvalid') : null}
            />
          ) : null}
          <BracketsFields id={id} brackets={brackets} setBrackets={setBrackets} checked={checked} />
          <TextField
            id={`${id}-uplift`}
            label={t('referenceData.scales.uplift')}
            inputMode="decimal"
            value={uplift}
            onChange={setUplift}
            hint={t('referenceData.form.amountHint')}
            error={
              checked && parseEurosToCents(uplift) === null
                ? t('referenceData.form.amountInvalid', { field: t('referenceData.scales.uplift') })
                : null
            }
          />
          <StatusSourceFields
            id={id}
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

/** The scale's brackets, each a threshold and a fraction, with the buttons that add and remove one. */
function BracketsFields({
  id,
  brackets,
  setBrackets,
  checked,
}: {
  id: string;
  brackets: BracketText[];
  setBrackets: Dispatch<SetStateAction<BracketText[]>>;
  checked: boolean;
}) {
  const { t } = useTranslation();
  const change = (key: number, patch: Partial<BracketText>) =>
    setBrackets((rows) => rows.map((b) => (b.key === key ? { ...b, ...patch } : b)));
  return (
    <fieldset className="reference-brackets">
      <legend>{t('referenceData.scales.bracketsLegend')}</legend>
      <ol>
        {brackets.map((b, index) => {
          const n = index + 1;
          const upToBad = checked && b.upTo.trim() !== '' && parseEurosToCents(b.upTo) === null;
          const numbersBad = checked && !upToBad && parseBracket(b) === null;
          return (
            <li key={b.key} className="budget-row">
              <TextField
                id={`${id}-upto-${b.key}`}
                label={t('referenceData.scales.bracketUpTo', { n })}
                inputMode="decimal"
                value={b.upTo}
                onChange={(upTo) => change(b.key, { upTo })}
                hint={index === brackets.length - 1 ? t('referenceData.scales.bracketUpToHint') : undefined}
                error={
                  upToBad
                    ? t('referenceData.form.amountInvalid', {
                        field: t('referenceData.scales.bracketUpTo', { n }),
                      })
                    : null
                }
              />
              <TextField
                id={`${id}-num-${b.key}`}
                label={t('referenceData.scales.numerator', { n })}
                inputMode="numeric"
                value={b.numerator}
                onChange={(numerator) => change(b.key, { numerator })}
                error={numbersBad ? t('referenceData.scales.numberInvalid', { n }) : null}
              />
              <TextField
                id={`${id}-den-${b.key}`}
                label={t('referenceData.scales.denominator', { n })}
                inputMode="numeric"
                value={b.denominator}
                onChange={(denominator) => change(b.key, { denominator })}
              />
              <button
                type="button"
                className="button secondary"
                disabled={brackets.length === 1}
                onClick={() => setBrackets((rows) => rows.filter((r) => r.key !== b.key))}
              >
                {t('referenceData.scales.removeBracket', { n })}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button secondary"
        onClick={() => setBrackets((rows) => [...rows, { key: nextKey++, upTo: '', numerator: '', denominator: '' }])}
      >
        {t('referenceData.scales.addBracket')}
      </button>
    </fieldset>
  );
}
