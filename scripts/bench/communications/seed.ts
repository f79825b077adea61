import { performance } from 'node:perf_hooks';
import type { Database } from '../../../src/platform/db/database.js';
import { FRENCH_FIRST_NAMES, FRENCH_LAST_NAMES, ITALIAN_FIRST_NAMES } from '../../../src/demo/places.js';
import { h, uid } from '../queue/load.js';

// The cases of bench:communications, set-based: row n of generate_series is case n, its debtor, its address, its
// contact points and its history; ids derive from n, so each table is one statement. Case n is a letter's case when
// n % 3 = 0 (no first letter yet), an e-mail's when n % 3 = 1 and an SMS's when n % 3 = 2 (first letter gone out
// 30 to 150 days ago, then months of contacts across channels).

/** The kind of case n (SQL expression): 0 letter, 1 e-mail, 2 SMS. */
const kindOf = (n: string) => `(${n} % 3)`;
/** Where the debtor lives, by draw 1: 85 % mainland France, 5 % Moselle, 6 % La Réunion, 3 % Italy, 1 % no address. */
const region = (n: string) => `(${h(n, 1)} % 100)`;
/** Days between the first letter and the run's day (SQL expression, 30–149). */
const letterAge = (n: string) => `(30 + ${h(n, 20)} % 120)`;
const pick = (list: readonly string[], n: string, k: number) =>
  `(array[${list.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}])[1 + ${h(n, k)} % ${list.length}]`;

export interface Seeded {
  seconds: number;
  cases: number;
  contacts: number;
  holds: number;
  optOuts: number;
}

/**
 * Seeds `count` cases for the run at `start` (the debtors' addresses, e-mail and mobile, claims, holds, opt-outs,
 * past contacts), their queue entries in `segments` segments per channel (`bench-email-k`, `bench-sms-k`) for the
 * campaigns, and analyzes.
 */
export async function seedCases(
  database: Database,
  options: { count: number; start: Date; history: number; segments: number },
): Promise<Seeded> {
  const began = performance.now();
  const { count, start, history, segments } = options;
  const at = `'${start.toISOString()}'::timestamptz`;
  const day = `(${at} at time zone 'Europe/Paris')::date`;
  const n = 'n';
  const series = `generate_series(1, ${count}) n`;
  const run = (text: string) => database.executeSql(text);
  const r = region(n);
  await run(`
    insert into debtors (id, kind, first_name, last_name, language)
    select ${uid('bcd', n)}, 'person',
      case when ${r} between 96 and 98 then ${pick(ITALIAN_FIRST_NAMES, n, 2)} else ${pick(FRENCH_FIRST_NAMES, n, 2)} end,
      ${pick(FRENCH_LAST_NAMES, n, 3)}, case when ${r} between 96 and 98 then 'it' else 'fr' end
    from ${series}`);
  await run(`
    insert into debtor_addresses (debtor_id, line1, postal_code, city, country, subdivision, time_zone, is_primary)
    select ${uid('bcd', n)}, n || ' rue du Banc',
      case when ${r} < 85 then '75011' when ${r} < 90 then '57000' when ${r} < 96 then '97400' else '00184' end,
      case when ${r} < 85 then 'Paris' when ${r} < 90 then 'Metz' when ${r} < 96 then 'Saint-Denis' else 'Roma' end,
      case when ${r} between 96 and 98 then 'IT' else 'FR' end,
      case when ${r} < 85 then '75' when ${r} < 90 then '57' when ${r} < 96 then '974' else 'RM' end,
      case when ${r} < 90 then 'Europe/Paris' when ${r} < 96 then 'Indian/Reunion' else 'Europe/Rome' end, true
    from ${series} where ${r} < 99`);
  // An e-mail and a mobile each; 2 % of e-mails opted out at the address, 2 % of mobiles reached someone else.
  await run(`
    insert into debtor_contact_points (debtor_id, channel, value, usage, opted_out_at, wrong_number_at)
    select ${uid('bcd', n)}, 'email', 'debiteur' || n || '@example.test', 'personal',
      case when ${h(n, 4)} % 100 < 2 then ${at} - interval '40 days' end, null
    from ${series}
    union all
    select ${uid('bcd', n)}, 'phone',
      case when ${r} < 90 then '+336' || lpad(n::text, 8, '0') when ${r} < 96 then '+262692' || lpad((n % 1000000)::text, 6, '0')
        else '+393' || lpad(n::text, 9, '0') end, 'mobile', null,
      case when ${h(n, 5)} % 100 < 2 then ${at} - interval '25 days' end
    from ${series}`);
  // 3 % opted out of the case's channel (by a reply or a link); 3 % in dispute (stops everything); 2 % with an
  // over-indebtedness file filed (stops calls and SMS).
  const optOuts = await counted(
    database,
    `
    insert into contact_opt_outs (debtor_id, channel, opted_out_at, via)
    select ${uid('bcd', n)}, case ${kindOf(n)} when 0 then 'letter' when 1 then 'email' else 'sms' end,
      ${at} - interval '20 days', case ${kindOf(n)} when 1 then 'email_link' when 2 then 'sms_reply' else 'person' end
    from ${series} where ${kindOf(n)} <> 0 and ${h(n, 6)} % 100 < 3
`,
  );
  const holds = await counted(
    database,
    `
    insert into holds (debtor_id, kind, reason, starts_at, review_at, status)
    select ${uid('bcd', n)}, case when ${h(n, 7)} % 100 < 3 then 'dispute' else 'overindebtedness_filed' end,
      'Bench', ${at} - interval '10 days', ${at} + interval '20 days', 'active'
    from ${series} where ${h(n, 7)} % 100 < 5`,
  );
  // Claims: one or two per case, the case's balance their sum.
  const principal = (k: 1 | 2) => (k === 1 ? `(40000 + ${h(n, 8)} % 300000)` : `(20000 + ${h(n, 9)} % 100000)`);
  const claimSum = (k: 1 | 2) => `(${principal(k)} + ${principal(k)} / 10 + 4000)`;
  const twoClaims = `(${h(n, 10)} % 2 = 0)`;
  await run(`
    with creditor as (
      select array_agg(c.id order by c.code) as ids, array_agg(m.id order by c.code) as mandates
      from creditors c join lateral (select id from mandates where creditor_id = c.id order by id limit 1) m on true
    )
    insert into cases (id, reference, creditor_id, mandate_id, debtor_id, stage, opened_on, balance_cents,
                       first_letter_sent_on, first_letter_reference)
    select ${uid('bcc', n)}, 'BCOM-' || lpad(n::text, 7, '0'),
      creditor.ids[1 + n % cardinality(creditor.ids)], creditor.mandates[1 + n % cardinality(creditor.ids)],
      ${uid('bcd', n)}, 'amicable', ${day} - 200,
      ${claimSum(1)} + case when ${twoClaims} then ${claimSum(2)} else 0 end,
      case when ${kindOf(n)} <> 0 then ${day} - ${letterAge(n)} end,
      case when ${kindOf(n)} <> 0 then 'LR-BCOM-' || lpad(n::text, 7, '0') end
    from ${series}, creditor`);
  await run(`
    insert into claims (case_id, creditor_id, reference, contract_type, principal_cents, interest_cents, fees_cents, default_on)
    select c.id, c.creditor_id, 'BC-' || n || '-' || k, ${pick(['consumer_credit', 'telecom', 'energy', 'overdraft'], n, 11)},
      p, p / 10, 4000, ${day} - 300 - 40 * k
    from ${series}
      join cases c on c.id = ${uid('bcc', n)}
      cross join lateral (select 1 as k, ${principal(1)} as p union all select 2, ${principal(2)} where ${twoClaims}) claim`);
  const contacts = await seedHistory(database, { series, at, history, n });
  // The queue's entries the campaigns select by segment: an e-mail's case plans e-mails, an SMS's case SMS.
  // (Their explanation: no reason, stored once under the key refresh-queue.ts gives it.)
  await run(`insert into queue_explanations (key, reasons) values (md5('[]')::uuid, '[]') on conflict do nothing`);
  await run(`
    insert into case_queue (case_id, debtor_id, creditor_id, strategy_version, segment_id, arm, channels, tier, priority,
                            explanation, refreshed_at)
    select c.id, c.debtor_id, c.creditor_id, (select max(version) from strategy_versions),
      'bench-' || (case ${kindOf(n)} when 1 then 'email' else 'sms' end) || '-' || (n % ${segments}), 'champion',
      array[case ${kindOf(n)} when 1 then 'email' else 'sms' end], 0, ${h(n, 12)} % 1000, md5('[]')::uuid, ${at}
    from ${series} join cases c on c.id = ${uid('bcc', n)} where ${kindOf(n)} <> 0`);
  await run('analyze');
  return {
    seconds: (performance.now() - began) / 1000,
    cases: count,
    contacts,
    holds,
    optOuts,
  };
}

/**
 * The past contacts. An e-mail's or SMS's case: its first letter, then `history` contacts per 90 days (at least two)
 * between it and the run (calls, SMS, e-mails, reminder letters; one in seven inbound), and for 5 % of them three
 * messages in the last six days (the 7-day message cap refuses the next). A letter's case: up to two inbound calls in the last month (the
 * debtor rang after the creditor's notice).
 */
async function seedHistory(
  database: Database,
  { series, at, history, n }: { series: string; at: string; history: number; n: string },
): Promise<number> {
  const decision = (channel: string, when: string) =>
    `jsonb_build_object('allowed', true, 'channel', ${channel}, 'at', ${when}, 'reasons', '[]'::jsonb,
      'notices', '[]'::jsonb, 'nextAllowedAt', null, 'policyVersion', 1, 'callback', false, 'override', null)`;
  const draw = (k: number) => h(`${n}::bigint * 1000 + g`, k);
  const hoursBack = `(1 + ${draw(21)} % (${letterAge(n)} * 24 - 2))`;
  const inbound = `(${draw(22)} % 7 = 0)`;
  const channel = `(array['phone','phone','phone','sms','email','email','letter'])[1 + ${draw(23)} % 7]`;
  const rows = await Promise.all([
    counted(
      database,
      `
      insert into contacts (debtor_id, case_id, channel, direction, outcome, conversation, first_letter, occurred_at,
                            recorded_at, policy_version, decision)
      select d, c, ch, dir, case when ch = 'phone' then (case when dir = 'inbound' then 'right_party' else 'no_answer' end)
          else 'sent' end, ch = 'phone' and dir = 'inbound', false, t, t, 1, ${decision('ch', 't')}
      from (select ${uid('bcd', n)} as d, ${uid('bcc', n)} as c, ${channel} as ch,
                   case when ${inbound} then 'inbound' else 'outbound' end as dir, ${at} - make_interval(hours => ${hoursBack}) as t
            from ${series}, generate_series(1, greatest(2, ${history} * ${letterAge(n)} / 90)) g where ${kindOf(n)} <> 0) k
      union all
      select ${uid('bcd', n)}, ${uid('bcc', n)}, 'letter', 'outbound', 'sent', false, true,
        ${at} - make_interval(days => ${letterAge(n)}), ${at} - make_interval(days => ${letterAge(n)}), 1,
        ${decision("'letter'", `${at} - make_interval(days => ${letterAge(n)})`)}
      from ${series} where ${kindOf(n)} <> 0
      union all
      select ${uid('bcd', n)}, ${uid('bcc', n)}, case when g = 2 then 'sms' else 'email' end, 'outbound', 'sent', false,
        false, ${at} - make_interval(hours => 12 + g * 40), ${at} - make_interval(hours => 12 + g * 40), 1,
        ${decision(`case when g = 2 then 'sms' else 'email' end`, `${at} - make_interval(hours => 12 + g * 40)`)}
      from ${series}, generate_series(1, 3) g where ${kindOf(n)} <> 0 and ${h(n, 13)} % 100 < 5`,
    ),
    counted(
      database,
      `
      insert into contacts (debtor_id, case_id, channel, direction, outcome, conversation, occurred_at, recorded_at,
                            policy_version, decision)
      select ${uid('bcd', n)}, ${uid('bcc', n)}, 'phone', 'inbound', 'right_party', true,
        ${at} - make_interval(hours => ${draw(24)} % (30 * 24) + 1), ${at} - make_interval(hours => ${draw(24)} % (30 * 24) + 1),
        1, ${decision("'phone'", `${at} - make_interval(hours => ${draw(24)} % (30 * 24) + 1)`)}
      from ${series}, generate_series(1, 2) g where ${kindOf(n)} = 0 and ${draw(25)} % 3 = 0`,
    ),
  ]);
  return rows[0] + rows[1];
}

/** Runs an insert and answers how many rows it made. */
async function counted(database: Database, insert: string): Promise<number> {
  const result = await database.executeSql<{ count: number }>(
    `with made as (${insert} returning 1) select count(*)::int as count from made`,
  );
  return result.rows[0]!.count;
}
