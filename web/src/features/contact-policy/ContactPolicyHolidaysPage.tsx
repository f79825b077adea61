import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getPolicyOverview, listHolidays } from './api.js';
import { countryName } from './ruleText.js';
import { useFormat } from '../../i18n/format.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';

interface Choice {
  country: string;
  region: string;
  year: number;
  draft: boolean;
}

function choiceFrom(params: URLSearchParams): Choice {
  const year = Number(params.get('year'));
  return {
    country: /^[A-Z]{2}$/.test(params.get('country') ?? '') ? params.get('country')! : 'FR',
    region: (params.get('region') ?? '').trim().slice(0, 10),
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : new Date().getFullYear(),
    draft: params.get('draft') === 'true',
  };
}

/** The public holidays the policy's calendar gives, per country, region and year: the days without contact. */
export function ContactPolicyHolidaysPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const choice = choiceFrom(params);
  const overview = useApiData((signal) => getPolicyOverview(signal), 'overview');
  const holidays = useApiData(
    (signal) =>
      listHolidays(
        { country: choice.country, region: choice.region || undefined, year: choice.year, draft: choice.draft },
        signal,
      ),
    params.toString(),
  );
  usePageTitle(t('contactPolicy.holidays.title'));
  const countries =
    overview.status === 'ready' ? Object.keys(overview.data.current.document.holidays).sort() : [choice.country];

  return (
    <>
      <p className="back-link">
        <Link to="/contact-policy">
          <span aria-hidden="true">← </span>
          {t('contactPolicy.backToPolicy')}
        </Link>
      </p>
      <h1>{t('contactPolicy.holidays.title')}</h1>
      <p className="muted">{t('contactPolicy.holidays.intro')}</p>
      <ChoiceForm
        key={params.toString()}
        choice={choice}
        countries={countries.includes(choice.country) ? countries : [...countries, choice.country]}
        onApply={(next) => {
          const search = new URLSearchParams({ country: next.country, year: String(next.year) });
          if (next.region) search.set('region', next.region);
          if (next.draft) search.set('draft', 'true');
          setParams(search);
        }}
      />
      <section aria-labelledby="holidays-heading">
        <h2 id="holidays-heading">
          {t('contactPolicy.holidays.caption', {
            country: countryName(choice.country, i18n.language),
            region: choice.region,
            year: choice.year,
          })}
        </h2>
        <AsyncContent data={holidays} onRetry={holidays.reload}>
          {(list) => <HolidayTable holidays={list} country={choice.country} />}
        </AsyncContent>
      </section>
    </>
  );
}

function ChoiceForm({
  choice,
  countries,
  onApply,
}: {
  choice: Choice;
  countries: string[];
  onApply: (choice: Choice) => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [country, setCountry] = useState(choice.country);
  const [region, setRegion] = useState(choice.region);
  const [year, setYear] = useState(String(choice.year));
  const [draft, setDraft] = useState(choice.draft);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = Number(year);
    onApply({ country, region: region.trim(), year: Number.isInteger(parsed) ? parsed : choice.year, draft });
  }
  return (
    <form
      className="filters inline-filters"
      onSubmit={submit}
      role="search"
      aria-label={t('contactPolicy.holidays.title')}
    >
      <div className="field">
        <label htmlFor="holidays-country">{t('contactPolicy.holidays.country')}</label>
        <select id="holidays-country" value={country} onChange={(event) => setCountry(event.target.value)}>
          {countries.map((code) => (
            <option key={code} value={code}>
              {countryName(code, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="holidays-region">{t('contactPolicy.holidays.region')}</label>
        <input
          id="holidays-region"
          type="text"
          size={8}
          maxLength={10}
          value={region}
          aria-describedby="holidays-region-hint"
          onChange={(event) => setRegion(event.target.value)}
        />
        <p id="holidays-region-hint" className="hint">
          {t('contactPolicy.holidays.regionHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="holidays-year">{t('contactPolicy.holidays.year')}</label>
        <input
          id="holidays-year"
          type="number"
          min={2000}
          max={2100}
          value={year}
          onChange={(event) => setYear(event.target.value)}
        />
      </div>
      {can(me.role, 'contact_policy.manage') ? (
        <div className="field">
          <label htmlFor="holidays-source">{t('contactPolicy.holidays.source')}</label>
          <select
            id="holidays-source"
            value={draft ? 'draft' : 'current'}
            onChange={(event) => setDraft(event.target.value === 'draft')}
          >
            <option value="current">{t('contactPolicy.holidays.sources.current')}</option>
            <option value="draft">{t('contactPolicy.holidays.sources.draft')}</option>
          </select>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button secondary">
          {t('contactPolicy.holidays.show')}
        </button>
      </div>
    </form>
  );
}

/** The calendar names holidays in the country's language. */
const NAME_LANGUAGES: Record<string, string> = { FR: 'fr', IT: 'it' };

function HolidayTable({ holidays, country }: { holidays: { date: string; name: string }[]; country: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  if (holidays.length === 0) return <p>{t('contactPolicy.holidays.none')}</p>;
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' });
  return (
    <>
      <p className="result-count">{t('contactPolicy.holidays.count', { count: holidays.length })}</p>
      <TableScroll label={t('contactPolicy.holidays.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('contactPolicy.holidays.date')}</th>
              <th scope="col">{t('contactPolicy.holidays.weekday')}</th>
              <th scope="col">{t('contactPolicy.holidays.name')}</th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((holiday) => (
              <tr key={`${holiday.date}-${holiday.name}`}>
                <td className="nowrap">{format.date(holiday.date)}</td>
                <td>{weekday.format(Date.parse(`${holiday.date}T12:00:00Z`))}</td>
                <td lang={NAME_LANGUAGES[country]}>{holiday.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
