import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { pagesOf, type ExportTable } from '../platform/export/send.js';
import type { Message } from '../platform/message.js';
import type { TeamQueue } from './contract.js';
import { teamQueues } from './supervision.js';

type SegmentLine = TeamQueue['segments'][number] & { team: string };

const ARM: Record<SegmentLine['arm'], Message> = {
  champion: { fr: 'Champion', en: 'Champion', it: 'Campione' },
  challenger: { fr: 'Challenger', en: 'Challenger', it: 'Sfidante' },
};
const YES_NO = { true: { fr: 'Oui', en: 'Yes', it: 'Sì' }, false: { fr: 'Non', en: 'No', it: 'No' } };

/** The team queues as the supervision page shows them: one line per team, segment and arm. */
export function teamQueuesExport(deps: Deps, actor: Actor): ExportTable<SegmentLine> {
  const locale = actor.locale;
  return {
    fileStem: 'queues',
    title: { fr: 'Files', en: 'Queues', it: 'Code' },
    columns: [
      { header: { fr: 'Équipe', en: 'Team', it: 'Squadra' }, kind: 'text', value: (s) => s.team },
      { header: { fr: 'Segment', en: 'Segment', it: 'Segmento' }, kind: 'text', value: (s) => s.name },
      { header: { fr: 'Bras', en: 'Arm', it: 'Braccio' }, kind: 'text', value: (s) => ARM[s.arm][locale] },
      { header: { fr: 'Dossiers', en: 'Cases', it: 'Pratiche' }, kind: 'count', value: (s) => s.cases },
      {
        header: { fr: 'Appelables', en: 'Callable now', it: 'Chiamabili' },
        kind: 'count',
        value: (s) => s.callableNow,
      },
      { header: { fr: 'En cours', en: 'Leased', it: 'In lavorazione' }, kind: 'count', value: (s) => s.leased },
      {
        header: { fr: 'En pause', en: 'Paused', it: 'In pausa' },
        kind: 'text',
        value: (s) => YES_NO[`${s.paused}`][locale],
      },
      {
        header: { fr: 'Priorité ajoutée', en: 'Priority boost', it: 'Priorità aggiunta' },
        kind: 'count',
        value: (s) => s.priorityBoost,
      },
    ],
    readPage: pagesOf(async () =>
      (await teamQueues(deps, actor)).items.flatMap((queue) =>
        queue.segments.map((segment) => ({ ...segment, team: queue.team.name })),
      ),
    ),
  };
}
