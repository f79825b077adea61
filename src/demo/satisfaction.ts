import { createHash, randomUUID } from 'node:crypto';
import { DAY_MS } from '../platform/calendar/index.js';
import type { Insertable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { INTERACTION_KINDS, SURVEY_BLOCKING_HOLDS } from '../satisfaction/core/eligibility.js';
import { minimiseComment } from '../satisfaction/core/minimise.js';
import { Random } from './random.js';

/**
 * Six months of satisfaction surveys as history (no message in the outbox: they went out before the demo's day), over
 * the case workers and their teams, so the Satisfaction page shows trends: the agency improving month by month, one
 * person well above the others, a challenger arm a little ahead, and comments as debtors write them.
 */
const PEOPLE: readonly { email: string; base: number }[] = [
  { email: 'agent@demo.accord.test', base: 0.62 },
  { email: 'team.leader@demo.accord.test', base: 0.7 },
  { email: 'care@demo.accord.test', base: 0.84 },
  { email: 'overindebtedness@demo.accord.test', base: 0.66 },
  { email: 'judicial@demo.accord.test', base: 0.48 },
];

const MONTHS = 6;
const PER_MONTH = 36;

const COMMENTS: Record<'fr' | 'it', { good: string[]; bad: string[] }> = {
  fr: {
    good: [
      'Conseillère très à l’écoute, elle a pris le temps de comprendre ma situation.',
      'Échéancier raisonnable, merci de ne pas m’avoir mis la pression.',
      'Clair et poli. Vous pouvez me joindre au 06 12 34 56 78 le soir.',
      'On m’a bien expliqué la suite de la procédure.',
    ],
    bad: [
      'Trop d’appels la même semaine.',
      'Je n’ai pas compris le montant réclamé, écrivez-moi à marc.durand@exemple.fr',
      'Attente longue avant d’avoir quelqu’un.',
    ],
  },
  it: {
    good: ['Operatore gentile e paziente, grazie.', 'Piano di rate sostenibile, spiegato bene.'],
    bad: ['Non mi è stato spiegato bene il debito.', 'Troppe chiamate.'],
  },
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function loadDemoSatisfaction(deps: Deps): Promise<void> {
  const random = new Random(20261205);
  // The recommendation draws from its own generator, so the scores, eases and comments stay those of before it.
  const recommend = new Random(20261206);
  const now = deps.now().getTime();
  const people = await deps.db
    .selectFrom('users')
    .select(['id', 'email', 'team_id'])
    .where(
      'email',
      'in',
      PEOPLE.map((person) => person.email),
    )
    .execute();
  if (people.length === 0) return;
  const cases = await deps.db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
    .leftJoin('case_queue as q', 'q.case_id', 'c.id')
    .select(['c.id', 'c.debtor_id', 'c.creditor_id', 'd.language', 'q.arm', 'q.segment_id'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('holds as h')
            .select('h.id')
            .whereRef('h.debtor_id', '=', 'c.debtor_id')
            .where('h.kind', 'in', [...SURVEY_BLOCKING_HOLDS]),
        ),
      ),
    )
    // The newest cases: the oldest ones, which carry the first letters sent, stay free for today's surveys. By
    // reference, not by id: ids drawn in the same millisecond come in any order, and a demo that differs on each run
    // makes the tests that read it pass or fail by chance.
    .orderBy('c.reference', 'desc')
    .limit(MONTHS * PER_MONTH)
    .execute();
  const invitations: (Insertable<DB['satisfaction_invitations']> & { id: string })[] = [];
  const answers: Insertable<DB['satisfaction_answers']>[] = [];
  for (const [index, kase] of cases.entries()) {
    const monthsAgo = MONTHS - 1 - Math.floor(index / PER_MONTH);
    const spec = PEOPLE[index % PEOPLE.length]!;
    const person = people.find((row) => row.email === spec.email);
    if (!person) continue;
    // The oldest first: each debtor once, so the gap between two surveys is kept.
    const sentAt = now - (monthsAgo * 30 + random.int(1, 27)) * DAY_MS - random.int(0, 8) * 3_600_000;
    const id = randomUUID();
    const channel = random.chance(0.7) ? 'email' : 'sms';
    invitations.push({
      id,
      debtor_id: kase.debtor_id,
      case_id: kase.id,
      creditor_id: kase.creditor_id,
      interaction_kind: INTERACTION_KINDS[index % INTERACTION_KINDS.length]!,
      interaction_id: randomUUID(),
      interaction_at: new Date(sentAt - random.int(1, 2) * DAY_MS),
      agent_id: person.id,
      team_id: person.team_id,
      strategy_arm: kase.arm,
      segment_id: kase.segment_id,
      channel,
      message_id: null,
      token_sha256: sha256(`demo-survey-${id}`),
      language: kase.language,
      sent_at: new Date(sentAt),
      expires_at: new Date(sentAt + 14 * DAY_MS),
      answered_at: null,
    });
    if (!random.chance(channel === 'email' ? 0.42 : 0.3)) continue;
    // Satisfaction rises by about two points a month; the challenger arm a little above.
    const satisfied = spec.base + (MONTHS - 1 - monthsAgo) * 0.02 + (kase.arm === 'challenger' ? 0.04 : 0);
    const score = random.chance(satisfied) ? random.int(4, 5) : random.int(1, 3);
    const answeredAt = new Date(sentAt + random.int(1, 48) * 3_600_000);
    invitations[invitations.length - 1]!.answered_at = answeredAt;
    const texts = COMMENTS[kase.language === 'it' ? 'it' : 'fr'];
    const comment = random.chance(0.35) ? random.pick(score >= 4 ? texts.good : texts.bad) : null;
    answers.push({
      invitation_id: id,
      score,
      ease: random.chance(0.6) ? Math.min(7, Math.max(1, score + random.int(0, 2))) : null,
      // Most answer it; the satisfied recommend (9-10 or 7-8), the others rarely do.
      recommendation: recommend.chance(0.85)
        ? score >= 4
          ? recommend.int(recommend.chance(0.7) ? 9 : 7, 10)
          : recommend.int(0, score === 3 ? 8 : 6)
        : null,
      comment: comment ? minimiseComment(comment) : null,
      answered_at: answeredAt,
    });
  }
  if (invitations.length === 0) return;
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('satisfaction_invitations').values(invitations).execute();
    if (answers.length > 0) await trx.insertInto('satisfaction_answers').values(answers).execute();
  });
}
