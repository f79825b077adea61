import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { readPolicySource, type Cap, type RuleLine, type RuleParam } from '../../../../src/contact-policy/contract.js';

type CapShape = Pick<Cap, 'channels' | 'counts' | 'per' | 'countries'>;

/**
 * Words a rule line of the policy (src/contact-policy/core/describe.ts) in the user's language. A text the document
 * itself carries (a notice) is quoted in the reader's language; one its author wrote without Italian is shown in
 * French to an Italian reader, marked with its language.
 */

function list(value: RuleParam | undefined): string[] {
  return Array.isArray(value) ? [...(value as readonly string[])] : [];
}

export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function monthDayName(monthDay: string, language: string): string {
  const [month, day] = monthDay.split('-').map(Number);
  // Any leap year: 29 February is a valid day.
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2024, month! - 1, day),
  );
}

export function channelNames(t: TFunction, channels: readonly string[]): string {
  if (channels.length === 0) return t('contactPolicy.list.none');
  // Mid-sentence, in lower case, except acronyms (SMS).
  const name = (channel: string) => {
    const label = t(`values.channels.${channel}`, { defaultValue: channel });
    return label === label.toUpperCase() ? label : label.toLocaleLowerCase();
  };
  return channels.map(name).join(t('contactPolicy.list.separator'));
}

/**
 * A cap's name in words, for the labels of its fields: what it counts, by which channels, over which period and
 * where (its id is the document's key, never shown to a person).
 */
export function capName(t: TFunction, language: string, cap: CapShape): string {
  const r = (key: string, values: Record<string, unknown> = {}) => t(`contactPolicy.rules.${key}`, values);
  const period =
    'localDay' in cap.per
      ? r('perDay')
      : 'rollingDays' in cap.per
        ? r('perDays', { count: cap.per.rollingDays })
        : r('perHours', { count: cap.per.rollingHours });
  const countries = cap.countries ?? [];
  return r('capName', {
    what: r(cap.counts === 'conversations' ? 'conversations' : 'attempts', { count: 2 }),
    channels: channelNames(t, cap.channels),
    period,
    where:
      countries.length > 0
        ? r('capWhere', {
            countries: countries.map((code) => countryName(code, language)).join(t('contactPolicy.list.separator')),
          })
        : '',
  });
}

/** A cap's line (the policy's own or the care profile's) in words. */
function capSentence(t: TFunction, language: string, p: RuleLine['params']): string {
  const r = (key: string, values: Record<string, unknown> = {}) => t(`contactPolicy.rules.${key}`, values);
  const max = typeof p.max === 'number' ? p.max : 0;
  const per = typeof p.per === 'string' ? p.per : '';
  const period =
    per === 'day'
      ? r('perDay')
      : r(per === 'days' ? 'perDays' : 'perHours', { count: typeof p.length === 'number' ? p.length : 0 });
  const countries = list(p.countries);
  return r('cap', {
    max,
    what: r(p.counts === 'conversations' ? 'conversations' : 'attempts', { count: max }),
    period,
    channels: channelNames(t, list(p.channels)),
    where:
      countries.length > 0
        ? r('capWhere', {
            countries: countries.map((code) => countryName(code, language)).join(t('contactPolicy.list.separator')),
          })
        : '',
  });
}

export function ruleSentence(t: TFunction, language: string, line: RuleLine): string {
  const p = line.params;
  const r = (key: string, values: Record<string, unknown> = {}) => t(`contactPolicy.rules.${key}`, values);
  const num = (name: string) => (typeof p[name] === 'number' ? (p[name] as number) : 0);
  const str = (name: string) => (typeof p[name] === 'string' ? (p[name] as string) : '');
  const country = str('country') ? countryName(str('country'), language) : '';
  const holdName = () => t(`values.holdKinds.${str('kind')}`, { defaultValue: str('kind') });
  switch (line.message) {
    case 'title':
      return r('title', { title: str('title') });
    case 'hoursApply':
      return list(p.channels).length === 0
        ? r('hoursApplyNone')
        : r('hoursApply', { channels: channelNames(t, list(p.channels)) });
    case 'hoursOpen':
      return r('hoursOpen', {
        country,
        day: t(`contactPolicy.days.${str('day')}`),
        ranges: list(p.ranges).join(t('contactPolicy.list.separator')),
      });
    case 'hoursClosed':
      return r('hoursClosed', { country, day: t(`contactPolicy.days.${str('day')}`) });
    case 'holidayCalendar':
      return r('holidayCalendar', { country });
    case 'holidayRegion':
      return r('holidayRegion', { country, region: str('region'), calendarRegion: str('calendarRegion') });
    case 'holidayExtra': {
      const regions = list(p.regions);
      const where =
        regions.length > 0 ? r('holidayWhere', { regions: regions.join(t('contactPolicy.list.separator')) }) : '';
      return r('holidayExtra', { country, day: monthDayName(str('monthDay'), language), name: str('name'), where });
    }
    case 'holidayIgnored':
      return r('holidayIgnored', {
        country,
        day: monthDayName(str('monthDay'), language),
        name: str('name') ? ` (${str('name')})` : '',
      });
    case 'cap':
    case 'careCap':
      return capSentence(t, language, p);
    case 'spacing':
    case 'careSpacing':
      return r('spacing', { count: num('hours'), channels: channelNames(t, list(p.channels)) });
    case 'pause':
      return num('days') === 0 || list(p.channels).length === 0
        ? r('pauseNone')
        : r('pause', { count: num('days'), channels: channelNames(t, list(p.channels)) });
    case 'firstLetter':
      return num('days') === 0 ? r('firstLetter') : r('firstLetterDelay', { count: num('days') });
    case 'firstLetterNotRequired':
      return r('firstLetterNotRequired');
    case 'hold': {
      const stops = list(p.stops);
      return r('hold', {
        hold: holdName(),
        stops: stops.length === 0 ? r('holdStopsNone') : r('holdStops', { channels: channelNames(t, stops) }),
        defaultDays: typeof p.defaultDays === 'number' ? r('holdDefault', { count: p.defaultDays }) : '',
        maxDays: typeof p.maxDays === 'number' ? r('holdMax', { count: p.maxDays }) : '',
      });
    }
    case 'holdNotice':
      return r('holdNotice', { hold: holdName() });
    case 'optOut':
      return r('optOut', { count: num('hours') });
    case 'preferencesNarrow':
      return r('preferencesNarrow', { channels: channelNames(t, list(p.alwaysOpen)) });
    case 'callback':
      return r('callback', { count: num('minutes'), from: str('from'), to: str('to') });
    case 'careApplies':
      return r('careApplies');
    case 'careWrittenFirst':
      return r('careWrittenFirst');
    case 'careWrittenFirstNot':
      return r('careWrittenFirstNot');
    case 'notice': {
      const countries = list(p.countries);
      return r('notice', {
        channels: channelNames(t, list(p.channels)),
        where:
          countries.length > 0
            ? r('noticeWhere', {
                countries: countries.map((code) => countryName(code, language)).join(t('contactPolicy.list.separator')),
              })
            : '',
      });
    }
  }
}

/** The sentence of a line, then the document's own text when it has one, quoted in its language. */
export function RuleLineText({ line }: { line: RuleLine }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const own = line.text ? (language === 'en' ? line.text.en : language === 'it' ? line.text.it : line.text.fr) : null;
  return (
    <>
      {ruleSentence(t, language, line)}
      {line.text ? <> {own !== undefined && own !== null ? <q>{own}</q> : <q lang="fr">{line.text.fr}</q>}</> : null}
    </>
  );
}

/**
 * A rule's source in the reader's language: citations as written, the words the shipped policy put around them
 * ("benchmark", "as amended", "UNIREC code") by key.
 */
export function sourceWords(t: TFunction, source: string): string {
  return readPolicySource(source)
    .map((part) =>
      'name' in part
        ? t(`contactPolicy.sourceNames.${part.name}`)
        : part.note === null
          ? part.citation
          : t(`contactPolicy.sourceNotes.${part.note}`, { citation: part.citation }),
    )
    .join(t('contactPolicy.sourceSeparator'));
}

/** The basis (law, soft rule, the agency's choice) and the source of a line. */
export function RuleBasis({ line }: { line: RuleLine }) {
  const { t } = useTranslation();
  if (!line.basis && !line.source) return null;
  return (
    <span className="rule-basis">
      {line.basis ? (
        <span className={`badge basis-${line.basis.toLowerCase()}`}>{t(`contactPolicy.basis.${line.basis}`)}</span>
      ) : null}
      {line.source ? (
        <span className="rule-source"> {t('contactPolicy.source', { source: sourceWords(t, line.source) })}</span>
      ) : null}
    </span>
  );
}
