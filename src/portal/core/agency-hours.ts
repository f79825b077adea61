/** The agency's opening hours (`AGENCY_HOURS`: `mon-fri 09:00-19:00;sat 09:00-12:00`) said in the reader's language. */

type Lang = 'fr' | 'en' | 'it';

const DAYS: Record<Lang, Record<string, string>> = {
  fr: { mon: 'lundi', tue: 'mardi', wed: 'mercredi', thu: 'jeudi', fri: 'vendredi', sat: 'samedi', sun: 'dimanche' },
  en: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
  it: {
    mon: 'lunedì',
    tue: 'martedì',
    wed: 'mercoledì',
    thu: 'giovedì',
    fri: 'venerdì',
    sat: 'sabato',
    sun: 'domenica',
  },
};

const SAY: Record<
  Lang,
  {
    range: (a: string, b: string) => string;
    one: (a: string) => string;
    hours: (f: string, t: string) => string;
    join: string;
  }
> = {
  fr: { range: (a, b) => `du ${a} au ${b}`, one: (a) => `le ${a}`, hours: (f, t) => `de ${f} à ${t}`, join: ' ; ' },
  en: { range: (a, b) => `${a} to ${b}`, one: (a) => a, hours: (f, t) => `${f} to ${t}`, join: '; ' },
  it: {
    range: (a, b) => `dal ${a} al ${b}`,
    one: (a) => `il ${a}`,
    hours: (f, t) => `dalle ${f} alle ${t}`,
    join: '; ',
  },
};

/** French says `9 h`, `18 h 30`; English and Italian keep `09:00`. */
function clock(hhmm: string, lang: Lang): string {
  if (lang !== 'fr') return hhmm;
  const [hours = '', minutes = ''] = hhmm.split(':');
  return minutes === '00' ? `${Number(hours)} h` : `${Number(hours)} h ${minutes}`;
}

export function agencyHoursInWords(hours: string, lang: Lang): string {
  const say = SAY[lang];
  return hours
    .split(';')
    .map((part) => {
      const [days = '', span = ''] = part.trim().split(' ');
      const [first = '', last] = days.split('-');
      const [from = '', to = ''] = span.split('-');
      const when = last ? say.range(DAYS[lang][first]!, DAYS[lang][last]!) : say.one(DAYS[lang][first]!);
      return `${when} ${say.hours(clock(from, lang), clock(to, lang))}`;
    })
    .join(say.join);
}

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * Whether the agency is open on a weekday (0 = Sunday) at a local time `HH:MM`: a callback the person asks for must
 * fall when someone can make it.
 */
export function agencyOpenAt(hours: string, weekday: number, hhmm: string): boolean {
  const day = DAY_KEYS[weekday]!;
  return hours.split(';').some((part) => {
    const [days = '', span = ''] = part.trim().split(' ');
    const [first = '', last = first] = days.split('-');
    const from = DAY_KEYS.indexOf(first as (typeof DAY_KEYS)[number]);
    const to = DAY_KEYS.indexOf(last as (typeof DAY_KEYS)[number]);
    const index = DAY_KEYS.indexOf(day);
    const inDays = from <= to ? index >= from && index <= to : index >= from || index <= to;
    const [start = '', end = ''] = span.split('-');
    return inDays && hhmm >= start && hhmm < end;
  });
}
