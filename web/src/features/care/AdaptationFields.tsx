import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/fields.js';
import type { VulnerabilityView } from './api.js';

type Adaptations = VulnerabilityView['adaptations'];

/** The four adaptations the form offers: written only, hours, a pace, a third party present. */
export interface AdaptationDraft {
  writtenOnly: boolean;
  from: string;
  to: string;
  paceDays: string;
  thirdParty: boolean;
}

export const emptyAdaptations: AdaptationDraft = {
  writtenOnly: false,
  from: '',
  to: '',
  paceDays: '',
  thirdParty: false,
};

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The adaptations as the contact policy reads them; hours apply every day. */
export function adaptationsOfDraft(draft: AdaptationDraft): Adaptations {
  const hours = draft.from !== '' || draft.to !== '';
  return {
    channels: draft.writtenOnly ? ['letter', 'email'] : null,
    windows: hours ? [{ days: [...EVERY_DAY], from: draft.from || '00:00', to: draft.to || '24:00' }] : null,
    minDaysBetweenContacts: draft.paceDays === '' ? null : Number(draft.paceDays),
    thirdPartyPresent: draft.thirdParty,
  };
}

/** A record's adaptations back into the form's four fields. */
export function draftOfAdaptations(adaptations: Adaptations): AdaptationDraft {
  const window = adaptations.windows?.[0];
  return {
    writtenOnly: adaptations.channels !== null && adaptations.channels.every((c) => c === 'letter' || c === 'email'),
    from: window?.from ?? '',
    to: window?.to ?? '',
    paceDays: adaptations.minDaysBetweenContacts === null ? '' : String(adaptations.minDaysBetweenContacts),
    thirdParty: adaptations.thirdPartyPresent,
  };
}

export function AdaptationFields(props: {
  id: string;
  value: AdaptationDraft;
  onChange: (value: AdaptationDraft) => void;
}) {
  const { t } = useTranslation();
  const { id, value } = props;
  const change = (patch: Partial<AdaptationDraft>) => props.onChange({ ...value, ...patch });
  return (
    <fieldset className="wide">
      <legend>{t('care.facts.adaptations')}</legend>
      <label className="choice">
        <input
          type="checkbox"
          checked={value.writtenOnly}
          onChange={(e) => change({ writtenOnly: e.target.checked })}
        />{' '}
        {t('care.record.writtenOnly')}
      </label>
      <Field id={`${id}-from`} label={t('care.record.hoursFrom')} hint={t('care.record.hoursHint')}>
        {(control) => (
          <input {...control} type="time" value={value.from} onChange={(e) => change({ from: e.target.value })} />
        )}
      </Field>
      <Field id={`${id}-to`} label={t('care.record.hoursTo')}>
        {(control) => (
          <input {...control} type="time" value={value.to} onChange={(e) => change({ to: e.target.value })} />
        )}
      </Field>
      <Field id={`${id}-pace`} label={t('care.record.pace')} hint={t('care.record.paceHint')}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            max={90}
            value={value.paceDays}
            onChange={(e) => change({ paceDays: e.target.value })}
          />
        )}
      </Field>
      <label className="choice">
        <input type="checkbox" checked={value.thirdParty} onChange={(e) => change({ thirdParty: e.target.checked })} />{' '}
        {t('care.record.thirdParty')}
      </label>
    </fieldset>
  );
}
