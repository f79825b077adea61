import { useTranslation } from 'react-i18next';
import {
  LAST_OUTCOMES,
  PLAN_STATES,
  STRATEGY_CHANNELS,
  STRATEGY_LANGUAGES,
  STRATEGY_STAGES,
  TEAM_KINDS,
} from '../../../../../src/workspace/contract.js';
import type { Conditions, Treatment } from './api.js';
import { labelOf } from '../../../i18n/labels.js';
import { toggled, wholeNumber, withCondition } from './strategyForm.js';

/** A list of values to tick, each shown by its translation. */
export function CheckboxGroup<T extends string>(props: {
  id: string;
  legend: string;
  all: readonly T[];
  chosen: readonly T[] | undefined;
  labelGroup: string;
  onChange: (next: T[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice-group">
      <legend>{props.legend}</legend>
      {props.all.map((value) => (
        <label key={value} className="choice">
          <input
            type="checkbox"
            id={`${props.id}-${value}`}
            checked={props.chosen?.includes(value) ?? false}
            onChange={() => props.onChange(toggled(props.chosen, value, props.all))}
          />
          {labelOf(t, props.labelGroup, value)}
        </label>
      ))}
    </fieldset>
  );
}

function NumberField(props: { id: string; label: string; value: number | undefined; onChange: (n?: number) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={0}
        inputMode="numeric"
        value={props.value ?? ''}
        onChange={(event) => props.onChange(wholeNumber(event.target.value))}
      />
    </div>
  );
}

type SetCondition = <K extends keyof Conditions>(key: K, value: Conditions[K]) => void;

/** The amounts, ages and counts of a segment's conditions, and whether the debtor is vulnerable. */
function RangeFields({ id, when, set }: { id: string; when: Conditions; set: SetCondition }) {
  const { t } = useTranslation();
  const euros = (cents: number | undefined) => (cents === undefined ? undefined : Math.round(cents / 100));
  const cents = (whole: number | undefined) => (whole === undefined ? undefined : whole * 100);
  return (
    <div className="inline-filters">
      <NumberField
        id={`${id}-min-balance`}
        label={t('strategyForm.minBalance')}
        value={euros(when.minBalanceCents)}
        onChange={(n) => set('minBalanceCents', cents(n))}
      />
      <NumberField
        id={`${id}-max-balance`}
        label={t('strategyForm.maxBalance')}
        value={euros(when.maxBalanceCents)}
        onChange={(n) => set('maxBalanceCents', cents(n))}
      />
      <NumberField
        id={`${id}-min-age`}
        label={t('strategyForm.minAge')}
        value={when.minAgeDays}
        onChange={(n) => set('minAgeDays', n)}
      />
      <NumberField
        id={`${id}-max-age`}
        label={t('strategyForm.maxAge')}
        value={when.maxAgeDays}
        onChange={(n) => set('maxAgeDays', n)}
      />
      <NumberField
        id={`${id}-broken`}
        label={t('strategyForm.minBrokenPromises')}
        value={when.minBrokenPromises}
        onChange={(n) => set('minBrokenPromises', n === 0 ? undefined : n)}
      />
      <div className="field">
        <label htmlFor={`${id}-vulnerable`}>{t('strategyForm.vulnerable')}</label>
        <select
          id={`${id}-vulnerable`}
          value={when.vulnerable === undefined ? '' : String(when.vulnerable)}
          onChange={(event) => set('vulnerable', event.target.value === '' ? undefined : event.target.value === 'true')}
        >
          <option value="">{t('strategyForm.any')}</option>
          <option value="true">{t('strategyForm.vulnerableYes')}</option>
          <option value="false">{t('strategyForm.vulnerableNo')}</option>
        </select>
      </div>
    </div>
  );
}

/** The conditions of a segment: every one left empty does not narrow the segment. */
export function ConditionFields({
  id,
  when,
  onChange,
}: {
  id: string;
  when: Conditions;
  onChange: (c: Conditions) => void;
}) {
  const { t } = useTranslation();
  const set: SetCondition = (key, value) => onChange(withCondition(when, key, value));
  return (
    <div className="strategy-form-conditions">
      <CheckboxGroup
        id={`${id}-stages`}
        legend={t('strategyForm.stages')}
        all={STRATEGY_STAGES}
        chosen={when.stages}
        labelGroup="stages"
        onChange={(v) => set('stages', v)}
      />
      <div className="field">
        <label htmlFor={`${id}-creditors`}>{t('strategyForm.creditors')}</label>
        <input
          id={`${id}-creditors`}
          value={(when.creditors ?? []).join(', ')}
          aria-describedby={`${id}-creditors-hint`}
          onChange={(event) =>
            set(
              'creditors',
              event.target.value
                .split(',')
                .map((code) => code.trim().toUpperCase())
                .filter(Boolean),
            )
          }
        />
        <p id={`${id}-creditors-hint`} className="hint">
          {t('strategyForm.creditorsHint')}
        </p>
      </div>
      <RangeFields id={id} when={when} set={set} />
      <CheckboxGroup
        id={`${id}-plans`}
        legend={t('strategyForm.planStates')}
        all={PLAN_STATES}
        chosen={when.planStates}
        labelGroup="supervision.strategies.planStates"
        onChange={(v) => set('planStates', v)}
      />
      <CheckboxGroup
        id={`${id}-outcomes`}
        legend={t('strategyForm.lastOutcomes')}
        all={LAST_OUTCOMES}
        chosen={when.lastOutcomes}
        labelGroup="supervision.strategies.lastOutcomes"
        onChange={(v) => set('lastOutcomes', v)}
      />
      <CheckboxGroup
        id={`${id}-languages`}
        legend={t('strategyForm.languages')}
        all={STRATEGY_LANGUAGES}
        chosen={when.languages}
        labelGroup="supervision.strategies.languages"
        onChange={(v) => set('languages', v)}
      />
    </div>
  );
}

/** Who works the cases, over which channels (in this order of preference), at what priority. */
export function TreatmentFields(props: {
  id: string;
  legend: string;
  treatment: Treatment;
  onChange: (t: Treatment) => void;
}) {
  const { t } = useTranslation();
  const { treatment, onChange } = props;
  return (
    <fieldset className="choice-group strategy-form-treatment">
      <legend>{props.legend}</legend>
      <div className="inline-filters">
        <div className="field">
          <label htmlFor={`${props.id}-team`}>{t('strategyForm.team')}</label>
          <select
            id={`${props.id}-team`}
            value={treatment.team}
            onChange={(event) => onChange({ ...treatment, team: event.target.value as Treatment['team'] })}
          >
            {TEAM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {labelOf(t, 'supervision.strategies.teamKinds', kind)}
              </option>
            ))}
          </select>
        </div>
        <NumberField
          id={`${props.id}-priority`}
          label={t('strategyForm.priority')}
          value={treatment.priority}
          onChange={(n) => onChange({ ...treatment, priority: n ?? 0 })}
        />
      </div>
      <CheckboxGroup
        id={`${props.id}-channels`}
        legend={t('strategyForm.channels')}
        all={STRATEGY_CHANNELS}
        chosen={treatment.channels}
        labelGroup="values.channels"
        onChange={(channels) => onChange({ ...treatment, channels })}
      />
    </fieldset>
  );
}
