import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData.js';
import { getCreditor, listCreditors, type CreditorSummary } from '../portfolio/api.js';
import { useFormat } from '../../i18n/format.js';
import { getReportPlacements } from './api.js';
import { REPORT_FILTER_FIELDS, type ReportFilterValues } from './report-filters.js';

/**
 * The portfolio and responsible-collection reports' filters: a creditor (not for a creditor's own users, whose scope
 * is theirs whatever they ask), one of its mandates once a creditor is known, the months, and a team when the report
 * offers more than one (`teams`: the conduct page for the teams report's readers). Choosing another creditor clears
 * the mandate, and the portfolio page (`placements`) one placement of the creditor, or of the mandate, chosen: choosing
 * another creditor or mandate clears it. The labels are the report's own (`ns`), the ids prefixed so two forms never
 * clash.
 */
export function ReportFilters(props: {
  ns: 'portfolioReport' | 'conductReport';
  idPrefix: string;
  filters: ReportFilterValues;
  ownCreditorId: string | null;
  teams?: readonly { id: string; name: string }[];
  /** Offer the placements of the creditor chosen (the portfolio page). */
  placements?: boolean;
  onApply: (next: ReportFilterValues) => void;
}) {
  const { t } = useTranslation();
  const { ns, idPrefix } = props;
  const [values, setValues] = useState(props.filters);
  const incoming = REPORT_FILTER_FIELDS.map((field) => props.filters[field]).join('|');
  useEffect(() => {
    const [creditorId = '', mandateId = '', from = '', to = '', teamId = '', placementId = ''] = incoming.split('|');
    setValues({ creditorId, mandateId, from, to, teamId, placementId });
  }, [incoming]);
  const chooseCreditor = props.ownCreditorId === null;
  const creditors = useApiData(
    (signal) => (chooseCreditor ? listCreditors(signal) : Promise.resolve({ items: [] as CreditorSummary[] })),
    `${idPrefix}-creditors-${chooseCreditor}`,
  );
  const creditorOfMandates = props.ownCreditorId ?? values.creditorId;
  const mandates = useApiData(
    (signal) =>
      creditorOfMandates ? getCreditor(creditorOfMandates, signal).then((c) => c.mandates) : Promise.resolve([]),
    `${idPrefix}-mandates-${creditorOfMandates}`,
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onApply(values);
  }
  const set = (field: keyof ReportFilterValues) => (value: string) =>
    setValues((current) => ({
      ...current,
      [field]: value,
      ...(field === 'creditorId' ? { mandateId: '', placementId: '' } : {}),
      ...(field === 'mandateId' ? { placementId: '' } : {}),
    }));
  return (
    <form className="filters" onSubmit={submit} aria-labelledby={`${idPrefix}-filters-heading`}>
      <h2 id={`${idPrefix}-filters-heading`} className="visually-hidden">
        {t(`${ns}.filters`)}
      </h2>
      {chooseCreditor ? (
        <ChoiceField
          id={`${idPrefix}-creditor`}
          label={t(`${ns}.creditor`)}
          all={t(`${ns}.allCreditors`)}
          value={values.creditorId}
          onChange={set('creditorId')}
          choices={(creditors.status === 'ready' ? creditors.data.items : []).map((c) => ({ id: c.id, name: c.name }))}
        />
      ) : null}
      {creditorOfMandates ? (
        <ChoiceField
          id={`${idPrefix}-mandate`}
          label={t(`${ns}.mandate`)}
          all={t(`${ns}.allMandates`)}
          value={values.mandateId}
          onChange={set('mandateId')}
          choices={(mandates.status === 'ready' ? mandates.data : []).map((m) => ({ id: m.id, name: m.code }))}
        />
      ) : null}
      {props.placements && creditorOfMandates ? (
        <PlacementField
          id={`${idPrefix}-placement`}
          creditorId={creditorOfMandates}
          mandateId={values.mandateId}
          value={values.placementId}
          onChange={set('placementId')}
        />
      ) : null}
      <MonthFields ns={ns} idPrefix={idPrefix} values={values} set={set} />
      {props.teams && props.teams.length > 1 ? (
        <ChoiceField
          id={`${idPrefix}-team`}
          label={t('conductReport.team')}
          all={t('conductReport.allTeams')}
          value={values.teamId}
          onChange={set('teamId')}
          choices={props.teams}
        />
      ) : null}
      <p id={`${idPrefix}-months-hint`} className="hint">
        {t(`${ns}.monthsHint`)}
      </p>
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t(`${ns}.show`)}
        </button>
      </div>
    </form>
  );
}

/** The first and last months of the period, with the hint that says what empty means. */
function MonthFields(props: {
  ns: 'portfolioReport' | 'conductReport';
  idPrefix: string;
  values: ReportFilterValues;
  set: (field: 'from' | 'to') => (value: string) => void;
}) {
  const { t } = useTranslation();
  const { ns, idPrefix } = props;
  return (
    <>
      {(['from', 'to'] as const).map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`${idPrefix}-${field}`}>{t(`${ns}.${field}`)}</label>
          <input
            id={`${idPrefix}-${field}`}
            type="month"
            pattern="[0-9]{4}-[0-9]{2}"
            value={props.values[field]}
            onChange={(event) => props.set(field)(event.target.value)}
            aria-describedby={`${idPrefix}-months-hint`}
          />
        </div>
      ))}
    </>
  );
}

/** A placement of the creditor (or of its mandate chosen): its date, file, mandate and the cases it placed first. */
function PlacementField(props: {
  id: string;
  creditorId: string;
  mandateId: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const placements = useApiData(
    (signal) => getReportPlacements({ creditorId: props.creditorId, mandateId: props.mandateId }, signal),
    `${props.id}-${props.creditorId}-${props.mandateId}`,
  );
  const choices = (placements.status === 'ready' ? placements.data.items : []).map((placement) => ({
    id: placement.id,
    name: t('portfolioReport.placementChoice', {
      date: format.date(placement.placedOn),
      file: placement.fileName ?? t('portfolioReport.placementNoFile'),
      mandate: placement.mandateCode,
      cases: format.count(placement.cases),
    }),
  }));
  return (
    <ChoiceField
      id={props.id}
      label={t('portfolioReport.placement')}
      all={t('portfolioReport.allPlacements')}
      value={props.value}
      onChange={props.onChange}
      choices={choices}
      wide
    />
  );
}

/** One filter chosen from a list, "all" first. */
function ChoiceField(props: {
  id: string;
  label: string;
  all: string;
  value: string;
  onChange: (value: string) => void;
  choices: readonly { id: string; name: string }[];
  /** Two columns wide: its choices' names are long (a placement's date, file, mandate and cases). */
  wide?: boolean;
}) {
  return (
    <div className={props.wide ? 'field wide' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">{props.all}</option>
        {props.choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
    </div>
  );
}
