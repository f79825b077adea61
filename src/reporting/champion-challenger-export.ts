import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import type { Message } from '../platform/message.js';
import { pagesOf, type ExportTable } from '../platform/export/send.js';
import type { ChampionChallengerQuery, ChampionChallengerReport } from './contract.js';
import { championChallenger } from './champion-challenger.js';

type Segment = ChampionChallengerReport['segments'][number];

/** One line of the file: one figure of one segment, both arms side by side, with its test. */
interface FigureLine {
  segmentName: string;
  figure: Message;
  champion: string | null;
  challenger: string | null;
  championN: number;
  challengerN: number;
  test: string | null;
  pValue: string | null;
  recommendation: Message;
}

const RECOMMENDATION: Record<Segment['recommendation'], Message> = {
  keep_champion: { fr: 'Garder le champion', en: 'Keep the champion', it: 'Mantenere il campione' },
  promote_challenger: { fr: 'Promouvoir le challenger', en: 'Promote the challenger', it: 'Promuovere lo sfidante' },
  keep_testing: { fr: 'Poursuivre le test', en: 'Keep testing', it: 'Continuare il test' },
};

const FIGURES: { key: 'collected' | 'keptPromises' | 'complaints' | 'satisfaction'; label: Message }[] = [
  {
    key: 'collected',
    label: { fr: 'Encaissé par dossier (€)', en: 'Collected per case (€)', it: 'Incassato per pratica (€)' },
  },
  { key: 'keptPromises', label: { fr: 'Promesses tenues (%)', en: 'Kept promises (%)', it: 'Promesse mantenute (%)' } },
  {
    key: 'complaints',
    label: { fr: 'Dossiers avec réclamation (%)', en: 'Cases with a complaint (%)', it: 'Pratiche con reclamo (%)' },
  },
  { key: 'satisfaction', label: { fr: 'Satisfaction (1–5)', en: 'Satisfaction (1–5)', it: 'Soddisfazione (1–5)' } },
];

/** An integer in hundredths (cents, basis points of a percent, hundredths of a score) with two decimals. */
function hundredths(value: number | null, locale: Actor['locale']): string | null {
  if (value === null) return null;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const text = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return locale === 'en' ? text : text.replace('.', ',');
}

function linesOf(segment: Segment, locale: Actor['locale']): FigureLine[] {
  return FIGURES.map(({ key, label }) => {
    const figure = segment[key];
    const [champion, challenger] =
      'rateBp' in figure.champion
        ? [figure.champion.rateBp, (figure.challenger as { rateBp: number | null }).rateBp]
        : [figure.champion.mean, (figure.challenger as { mean: number | null }).mean];
    return {
      segmentName: segment.segmentName,
      figure: label,
      champion: hundredths(champion, locale),
      challenger: hundredths(challenger, locale),
      championN: figure.champion.n,
      challengerN: figure.challenger.n,
      test: figure.test,
      pValue: figure.pValue === null ? null : figure.pValue.toFixed(4),
      recommendation: RECOMMENDATION[segment.recommendation],
    };
  });
}

/** The comparison as a file: four lines per segment (collected, kept promises, complaints, satisfaction), same scope. */
export function championChallengerExport(
  deps: Deps,
  actor: Actor,
  query: ChampionChallengerQuery,
): ExportTable<FigureLine> {
  const locale = actor.locale;
  return {
    fileStem: 'champion-challenger',
    title: { fr: 'Champion et challenger', en: 'Champion and challenger', it: 'Campione e sfidante' },
    columns: [
      { header: { fr: 'Segment', en: 'Segment', it: 'Segmento' }, kind: 'text', value: (l) => l.segmentName },
      { header: { fr: 'Indicateur', en: 'Figure', it: 'Indicatore' }, kind: 'text', value: (l) => l.figure[locale] },
      { header: { fr: 'Champion', en: 'Champion', it: 'Campione' }, kind: 'text', value: (l) => l.champion, width: 12 },
      {
        header: { fr: 'Effectif champion', en: 'Champion n', it: 'Numerosità campione' },
        kind: 'count',
        value: (l) => l.championN,
      },
      {
        header: { fr: 'Challenger', en: 'Challenger', it: 'Sfidante' },
        kind: 'text',
        value: (l) => l.challenger,
        width: 12,
      },
      {
        header: { fr: 'Effectif challenger', en: 'Challenger n', it: 'Numerosità sfidante' },
        kind: 'count',
        value: (l) => l.challengerN,
      },
      { header: { fr: 'Test', en: 'Test', it: 'Test' }, kind: 'text', value: (l) => l.test, width: 16 },
      { header: { fr: 'p', en: 'p', it: 'p' }, kind: 'text', value: (l) => l.pValue, width: 8 },
      {
        header: { fr: 'Recommandation', en: 'Recommendation', it: 'Raccomandazione' },
        kind: 'text',
        value: (l) => l.recommendation[locale],
      },
    ],
    readPage: pagesOf(async () => {
      const report = await championChallenger(deps, actor, query);
      return report.segments.flatMap((segment) => linesOf(segment, locale));
    }),
  };
}
