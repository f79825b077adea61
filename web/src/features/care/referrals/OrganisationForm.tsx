import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COVERAGES, DIRECTORY_COUNTRIES, HELPS_WITH } from '../../../../../src/care/referrals/contract.js';
import type { Saying } from '../../../i18n/saying.js';
import { CodeSelect, Field } from '../../../ui/fields.js';
import { SubmitFeedback, useSubmit } from '../../../ui/useSubmit.js';
import { createOrganisation, updateOrganisation, type OrganisationInput, type OrganisationView } from './api.js';

type Draft = Required<Omit<OrganisationInput, 'area' | 'phone' | 'email' | 'website' | 'address' | 'description'>> & {
  area: string;
  phone: string;
  email: string;
  website: string;
  address: string;
  description: string;
};

const EMPTY: Draft = {
  country: 'FR',
  name: '',
  helpsWith: [],
  coverage: 'national',
  area: '',
  phone: '',
  email: '',
  website: '',
  address: '',
  description: '',
  active: true,
};

function draftOf(row: OrganisationView | null): Draft {
  if (!row) return EMPTY;
  return {
    country: row.country,
    name: row.name,
    helpsWith: row.helpsWith,
    coverage: row.coverage,
    area: row.area ?? '',
    phone: row.phone ?? '',
    email: row.email ?? '',
    website: row.website ?? '',
    address: row.address ?? '',
    description: row.description ?? '',
    active: row.active,
  };
}

/** What the server takes: empty texts as null, the area only for a local organisation. */
function bodyOf(draft: Draft): OrganisationInput {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    ...draft,
    area: draft.coverage === 'national' ? null : text(draft.area),
    phone: text(draft.phone),
    email: text(draft.email),
    website: text(draft.website),
    address: text(draft.address),
    description: text(draft.description),
  };
}

/**
 * Adds an organisation to the directory or changes one (administrators, compliance officers): what it helps with,
 * where it acts, how to reach it, whether it is offered. The focus goes to the first field when the form opens.
 */
export function OrganisationForm(props: {
  row: OrganisationView | null;
  onCancel: () => void;
  onSaved: (said: Saying) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.row));
  const set: SetDraft = (key, value) => setDraft((current) => ({ ...current, [key]: value }));
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  async function send() {
    const body = bodyOf(draft);
    const ok = await submit.run(async () => {
      await (props.row ? updateOrganisation(props.row.id, body) : createOrganisation(body));
    });
    if (ok) props.onSaved((say) => say('careReferrals.directory.saved', { name: body.name }));
  }
  const text = (key: 'phone' | 'email' | 'website' | 'address', type = 'text', max = 300) => (
    <Field id={`organisation-${key}`} label={t(`careReferrals.form.${key}`)}>
      {(control) => (
        <input {...control} type={type} maxLength={max} value={draft[key]} onChange={(e) => set(key, e.target.value)} />
      )}
    </Field>
  );
  const heading = props.row
    ? t('careReferrals.form.headingEdit', { name: props.row.name })
    : t('careReferrals.form.headingNew');
  return (
    <form
      className="grid-form card"
      aria-labelledby="organisation-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <h2 id="organisation-form-heading" className="wide">
        {heading}
      </h2>
      <Field id="organisation-name" label={t('careReferrals.form.name')} wide>
        {(control) => (
          <input
            {...control}
            ref={first}
            required
            maxLength={200}
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
          />
        )}
      </Field>
      <WhatAndWhere draft={draft} set={set} />
      <p className="hint wide">{t('careReferrals.form.contactHint')}</p>
      {text('phone', 'tel', 40)}
      {text('email', 'email', 200)}
      {text('website', 'url')}
      {text('address')}
      <Field id="organisation-description" label={t('careReferrals.form.description')} wide>
        {(control) => (
          <textarea
            {...control}
            maxLength={1000}
            value={draft.description}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>
      <div className="checkbox-field wide">
        <label>
          <input type="checkbox" checked={draft.active} onChange={(e) => set('active', e.target.checked)} />{' '}
          {t('careReferrals.form.activeLabel')}
        </label>
      </div>
      <div className="form-footer">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {t('careReferrals.form.submit')}
        </button>{' '}
        <button type="button" className="button secondary" onClick={props.onCancel}>
          {t('careReferrals.form.cancel')}
        </button>
        <SubmitFeedback submit={{ done: null, error: submit.error }} />
      </div>
    </form>
  );
}

type SetDraft = <K extends keyof Draft>(key: K, value: Draft[K]) => void;

/** The country, what it helps with, and where it acts. */
function WhatAndWhere({ draft, set }: { draft: Draft; set: SetDraft }) {
  const { t } = useTranslation();
  return (
    <>
      <CodeSelect
        id="organisation-country"
        label={t('careReferrals.form.country')}
        group="careReferrals.countries"
        values={DIRECTORY_COUNTRIES}
        value={draft.country}
        onChange={(value) => set('country', value)}
      />
      <fieldset className="wide">
        <legend>{t('careReferrals.form.helpsWith')}</legend>
        {HELPS_WITH.map((help) => (
          <label key={help} className="choice">
            <input
              type="checkbox"
              checked={draft.helpsWith.includes(help)}
              onChange={(e) =>
                set(
                  'helpsWith',
                  e.target.checked
                    ? HELPS_WITH.filter((h) => h === help || draft.helpsWith.includes(h))
                    : draft.helpsWith.filter((h) => h !== help),
                )
              }
            />{' '}
            {t(`careReferrals.helpsWith.${help}`)}
          </label>
        ))}
      </fieldset>
      <CodeSelect
        id="organisation-coverage"
        label={t('careReferrals.form.coverage')}
        group="careReferrals.coverages"
        values={COVERAGES}
        value={draft.coverage}
        onChange={(value) => set('coverage', value)}
      />
      <Field id="organisation-area" label={t('careReferrals.form.area')} hint={t('careReferrals.form.areaHint')}>
        {(control) => (
          <input
            {...control}
            maxLength={40}
            disabled={draft.coverage === 'national'}
            required={draft.coverage !== 'national'}
            value={draft.coverage === 'national' ? '' : draft.area}
            onChange={(e) => set('area', e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
