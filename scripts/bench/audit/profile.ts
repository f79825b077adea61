import type { CompiledQuery, Kysely } from 'kysely';
import pg from 'pg';
import { auditInsert } from '../../../src/audit/append.js';
import type { DB } from '../../../src/platform/db/schema.js';
import { actRecord, addEvent, lockAct, updateAct } from './act.js';

/** What the server did for one statement: its execution time and the write-ahead log it wrote. */
interface StatementCost {
  ms: number;
  walBytes: number;
  walRecords: number;
}

interface ExplainOutput {
  'Execution Time': number;
  Plan: { 'WAL Bytes'?: number; 'WAL Records'?: number };
}

async function explained(client: pg.Client, query: CompiledQuery): Promise<StatementCost> {
  const result = await client.query<{ 'QUERY PLAN': ExplainOutput[] }>(
    `explain (analyze, wal, format json) ${query.sql}`,
    query.parameters as unknown[],
  );
  const [output] = result.rows[0]!['QUERY PLAN'];
  return {
    ms: output!['Execution Time'],
    walBytes: output!.Plan['WAL Bytes'] ?? 0,
    walRecords: output!.Plan['WAL Records'] ?? 0,
  };
}

/**
 * The profile of one audited service act, statement by statement, as the server sees it (EXPLAIN ANALYZE with its
 * WAL): `acts` acts one after another on one connection, each committed. The times move with the machine's load;
 * the WAL bytes and records do not, and they are what each statement costs every writer (heap and index pages
 * written, logged, later flushed and checkpointed). Answers the lines to print.
 */
export async function profileAuditedAct(url: string, kysely: Kysely<DB>, acts: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const kinds = ['lock the row', 'update it', 'history line', 'audit entry'] as const;
  const totals = new Map<string, StatementCost>(kinds.map((kind) => [kind, { ms: 0, walBytes: 0, walRecords: 0 }]));
  const add = (kind: string, cost: StatementCost) => {
    const total = totals.get(kind)!;
    total.ms += cost.ms;
    total.walBytes += cost.walBytes;
    total.walRecords += cost.walRecords;
  };
  try {
    for (let index = 0; index < acts; index += 1) {
      const id = (index % 100) + 1;
      await client.query('begin');
      add('lock the row', await explained(client, lockAct(id)));
      const version = Number((await client.query<{ version: number }>(lockAct(id).sql, [id])).rows[0]!.version) + 1;
      add('update it', await explained(client, updateAct(id)));
      add('history line', await explained(client, addEvent(id, version)));
      add('audit entry', await explained(client, auditInsert(kysely, [actRecord(id, version, index)]).compile()));
      await client.query('commit');
    }
    const indexes = await client.query<{ n: string }>(
      `select count(*) as n from pg_indexes where schemaname = 'public' and tablename = 'audit_log'`,
    );
    const line = (kind: string) => {
      const total = totals.get(kind)!;
      return `${kind} ${(total.ms / acts).toFixed(3)} ms, ${Math.round(total.walBytes / acts)} WAL bytes in ${(total.walRecords / acts).toFixed(1)} records`;
    };
    const all = [...totals.values()].reduce((sum, cost) => sum + cost.walBytes, 0);
    const audit = totals.get('audit entry')!;
    return [
      `profile of one audited service act (EXPLAIN ANALYZE with WAL, mean of ${acts} acts on one connection): ${kinds.map(line).join('; ')}`,
      `the audit entry (audit_log with ${indexes.rows[0]!.n} indexes) is ${((audit.walBytes / all) * 100).toFixed(0)} % of the act's WAL and ${((audit.ms / [...totals.values()].reduce((sum, cost) => sum + cost.ms, 0)) * 100).toFixed(0)} % of its statements' execution time, before the commit they share`,
    ];
  } finally {
    await client.end();
  }
}
