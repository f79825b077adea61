import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { portalSessionOf } from '../../test/support/portal.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/seed.js';
import { can } from '../identity/core/permissions.js';
import type { Role } from '../identity/core/roles.js';
import type { ApiRoute } from '../identity/access-control.js';

/**
 * Every route of the OpenAPI document, tried by every role with random and boundary values for every path
 * parameter, query parameter, header and body field (generated from the route's own schema, then spoiled): no answer
 * is ever a 5xx, except a 503 the route documents (no job runner here). A route added later is fuzzed by
 * construction. The seed is fixed, so a failure comes back the same way; the failure names route, role and input.
 */

const SEED = 20261125;
/**
 * Requests per route and allowed role (at least), and per route in all: bounded so the whole file (both engines, every
 * operation) stays a small share of CI's 30 minutes; the seed is fixed, so each run tries the same inputs.
 */
const RUNS_PER_ALLOWED_ROLE = 3;
const RUNS_PER_ROUTE = 20;
/** A role without the route's permission is turned away before its input is read: one request shows it. */
const RUNS_PER_DENIED_ROLE = 1;

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  default?: unknown;
};

interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  url: string;
  parameters: { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: JsonSchema }[];
  body: JsonSchema | null;
  documents503: boolean;
}

interface Input {
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** The generated values, for the failure report. */
  values: unknown;
}

const INT4_MAX = 2_147_483_647;

/** Boundary and hostile values of every kind, tried in any field whatever its type. */
const JUNK: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  INT4_MAX,
  INT4_MAX + 1,
  -INT4_MAX - 2,
  2 ** 53,
  2 ** 53 - 1,
  -(2 ** 53),
  1e308,
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  'x'.repeat(100_000),
  'Zoë 𝔘ñí©ødé ✓ 中文 \u202e',
  '\ud800',
  "' or 1=1 --",
  '%_\\',
  '2026-02-30',
  '9999-99-99',
  '0000-01-01',
  '2026-11-25T10:00:00Z',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2147483648',
  '-1',
  '1e400',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  [],
  [null, 'a\u0000'],
  {},
  { a: { b: [1, { c: 'd\u0000' }] } },
];

const junk = fc.constantFrom(...JUNK);

const DATES = [
  '2026-11-25',
  '2024-02-29',
  '1900-01-01',
  '2199-12-31',
  '2026-02-30',
  '9999-99-99',
  '0000-01-01',
  '1899-12-31',
  '2200-01-01',
  '2026-13-01',
];
const INSTANTS = [
  '2026-11-25T10:00:00Z',
  '2026-11-25T10:00:00+01:00',
  '1900-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-02-30T00:00:00Z',
];

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const min = schema.minimum ?? -(2 ** 53);
  const max = schema.maximum ?? 2 ** 53;
  const edges = [min, max, min - 1, max + 1, 0, -1, 1, INT4_MAX, INT4_MAX + 1, 2 ** 53, -(2 ** 53), 2 ** 63];
  const inside = integer
    ? fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) })
    : fc.double({ min, max, noNaN: true });
  return fc.oneof(inside, fc.constantFrom(...edges), fc.double({ noNaN: true }));
}

function stringArbitrary(schema: JsonSchema, context: Context, name: string, path: string): fc.Arbitrary<unknown> {
  if (schema.format === 'uuid') return idArbitrary(context, name, path);
  if (schema.format === 'date-time') return fc.constantFrom(...INSTANTS);
  if (schema.format === 'email')
    return fc.constantFrom('fuzz@fuzz.accord.test', 'not-an-email', 'a\u0000@b.test', `${'x'.repeat(250)}@b.test`);
  if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$' || /date|On$|From$|^from$|^to$/i.test(name))
    return fc.constantFrom(...DATES);
  const maxLength = Math.min(schema.maxLength ?? 300, 300);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  return fc.oneof(
    fc.string({ minLength, maxLength, unit: 'binary' }),
    fc.string({ minLength, maxLength }),
    fc.constantFrom(
      'x'.repeat(schema.maxLength ?? 1000),
      'x'.repeat((schema.maxLength ?? 1000) + 1),
      'ACC-2026-000001',
      'fr',
      'phone',
    ),
  );
}

interface Context {
  /** Real ids by table, and all of them. */
  idsByTable: Map<string, string[]>;
  ids: string[];
}

/** The table a path segment or an `…Id` field names, where the name alone does not say it. */
const TABLE_OF: Record<string, string> = {
  'debtor-matches': 'debtor_possible_matches',
  callbacks: 'contact_callbacks',
  'bank-statements': 'bank_statement_imports',
  tasks: 'case_tasks',
  mandateId: 'sepa_mandates',
  actorUserId: 'users',
  agentId: 'users',
  targetId: 'cases',
};

/** Ids of the right table most of the time (so that input reaches the services), any id or a random one otherwise. */
function idArbitrary(context: Context, name: string, path: string): fc.Arbitrary<string> {
  const segment = name === 'id' ? (/([\w-]+)\/\{id\}/.exec(path)?.[1] ?? '') : name;
  const table =
    TABLE_OF[segment] ??
    (segment.endsWith('Id')
      ? `${segment.slice(0, -2).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}s`
      : segment.replace(/-/g, '_'));
  const own = context.idsByTable.get(table) ?? [];
  return fc.oneof(
    {
      weight: own.length > 0 ? 6 : 0,
      arbitrary: fc.constantFrom(...(own.length > 0 ? own : ['00000000-0000-4000-8000-000000000000'])),
    },
    { weight: 2, arbitrary: fc.constantFrom(...context.ids) },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

function arbitraryOf(schema: JsonSchema, context: Context, path: string, name = '', depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: validish(schema, context, path, name, depth) },
    { weight: 1, arbitrary: junk },
  );
}

function validish(
  schema: JsonSchema,
  context: Context,
  path: string,
  name: string,
  depth: number,
): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (schema.anyOf && schema.anyOf.length > 0)
    return fc.oneof(...schema.anyOf.map((inner) => validish(inner, context, path, name, depth)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (depth > 6) return junk;
  switch (type) {
    case 'string':
      return stringArbitrary(schema, context, name, path);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? arbitraryOf(schema.items, context, path, name, depth + 1) : junk, {
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record = fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([key, inner]) => [key, arbitraryOf(inner, context, path, key, depth + 1)]),
        ),
        { requiredKeys: Object.keys(properties).filter((key) => required.has(key)) },
      );
      return fc.oneof(
        { weight: 5, arbitrary: record },
        { weight: 1, arbitrary: fc.tuple(record, junk).map(([value, extra]) => ({ ...value, unexpected: extra })) },
      );
    }
    default:
      // No type: a free-form field (a policy or strategy document), anything JSON.
      return fc.oneof(junk, fc.jsonValue({ maxDepth: 3 }));
  }
}

/** A query or path value as the client would write it. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value))
    return BigInt(value).toString();
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function bodyArbitrary(
  operation: Operation,
  context: Context,
  xml: string,
): fc.Arbitrary<{ type: string; payload: string | Buffer; values: unknown }> | null {
  if (operation.path === '/api/v1/bank-statements' && operation.method === 'POST') return xmlBody(xml);
  if (operation.path === '/api/v1/placements' && operation.method === 'POST') return placementBody();
  if (operation.path === '/api/v1/cases/{id}/documents' && operation.method === 'POST') return documentBody();
  if (!operation.body) return null;
  const json = arbitraryOf(operation.body, context, operation.path);
  const deep = fc.constant('['.repeat(5000) + ']'.repeat(5000));
  return fc.oneof(
    {
      weight: 10,
      arbitrary: json.map((values) => ({
        type: 'application/json',
        payload: JSON.stringify(values) ?? 'null',
        values,
      })),
    },
    {
      weight: 1,
      arbitrary: deep.map((payload) => ({ type: 'application/json', payload, values: 'nested 5000 deep' })),
    },
  );
}

/** camt files: the example statement, spoiled in the ways a broken or hostile file is. */
function xmlBody(xml: string): fc.Arbitrary<{ type: string; payload: string | Buffer; values: unknown }> {
  const spoilers: [string, (text: string, n: number) => string][] = [
    ['as is', (text) => text],
    ['truncated', (text, n) => text.slice(0, n % text.length)],
    ['amount huge', (text) => text.replace(/(<Amt Ccy="EUR">)[^<]+/, '$19999999999999999999.99')],
    ['amount negative', (text) => text.replace(/(<Amt Ccy="EUR">)[^<]+/, '$1-12.50')],
    ['date impossible', (text) => text.replace(/<Dt>[^<]+/, '<Dt>2026-02-30')],
    ['date year 0', (text) => text.replace(/<Dt>[^<]+/g, '<Dt>0000-01-01')],
    ['NUL in a name', (text) => text.replace(/<Nm>/, '<Nm>\u0000')],
    ['NUL as entity', (text) => text.replace(/<Nm>/, '<Nm>&#0;')],
    ['huge text', (text) => text.replace(/<Ustrd>/, `<Ustrd>${'x'.repeat(200_000)}`)],
    [
      'entities',
      (text) => text.replace('<Document', '<!DOCTYPE d [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><Document'),
    ],
    ['deep', (text) => text.replace('</Document>', `${'<X>'.repeat(500)}${'</X>'.repeat(500)}</Document>`)],
    [
      'reserved names',
      (text) => text.replace('</Document>', '<__proto__><polluted>1</polluted></__proto__></Document>'),
    ],
    ['binary', (_text, n) => String.fromCharCode(...Array.from({ length: 64 }, (_, i) => (n * 31 + i * 7) % 256))],
  ];
  return fc
    .tuple(fc.constantFrom(...spoilers), fc.nat())
    .map(([[label, spoil], n]) => ({ type: 'application/xml', payload: spoil(xml, n), values: `camt: ${label}` }));
}

function placementBody(): fc.Arbitrary<{ type: string; payload: string | Buffer; values: unknown }> {
  return fc.oneof(
    fc.constant({ type: 'text/csv', payload: 'claim_reference;last_name\nA\u0000;Martin\n', values: 'csv with NUL' }),
    fc.constant({ type: 'application/x-ndjson', payload: '{"claim_reference": 1}\n[[[\n', values: 'broken ndjson' }),
    fc.constant({ type: 'application/json', payload: '{}', values: 'json instead of a file' }),
  );
}

function documentBody(): fc.Arbitrary<{ type: string; payload: string | Buffer; values: unknown }> {
  return fc.oneof(
    fc.constant({ type: 'application/pdf', payload: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0]), values: 'a program' }),
    fc.constant({ type: 'text/plain', payload: 'Madame,\n', values: 'text' }),
    fc.constant({ type: 'application/octet-stream', payload: '', values: 'empty' }),
    fc.constant({ type: 'application/json', payload: '{}', values: 'json instead of a file' }),
  );
}

function inputArbitrary(operation: Operation, context: Context, xml: string, csrf: string | null): fc.Arbitrary<Input> {
  const parameters = operation.parameters.map((parameter) =>
    parameter.required || parameter.in === 'path'
      ? arbitraryOf(parameter.schema, context, operation.path, parameter.name)
      : fc.option(arbitraryOf(parameter.schema, context, operation.path, parameter.name), { nil: undefined, freq: 3 }),
  );
  const body = bodyArbitrary(operation, context, xml) ?? fc.constant(null);
  return fc.tuple(fc.tuple(...parameters), body).map(([values, bodyValue]) => {
    let url = operation.path;
    const query = new URLSearchParams();
    const headers: Record<string, string> = {};
    operation.parameters.forEach((parameter, index) => {
      const value = values[index];
      if (value === undefined) return;
      const text = asText(value);
      if (parameter.in === 'path')
        url = url.replace(
          `{${parameter.name}}`,
          encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD')) || '%20',
        );
      else if (parameter.in === 'query') query.append(parameter.name, text);
      // A header cannot carry control characters or huge values on the wire; what can arrive is tried.
      else headers[parameter.name] = text.replace(/[^\x20-\x7e]/g, '?').slice(0, 8000);
    });
    if (operation.method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
    if (bodyValue) headers['content-type'] = bodyValue.type;
    const search = query.toString();
    return {
      url: search ? `${url}?${search}` : url,
      headers,
      ...(bodyValue ? { payload: bodyValue.payload } : {}),
      values: {
        parameters: Object.fromEntries(operation.parameters.map((p, i) => [`${p.in}.${p.name}`, values[i]])),
        body: bodyValue?.values,
      },
    };
  });
}

function operationsOf(document: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const content = (operation.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        url: path.replace(/\{(\w+)\}/g, ':$1'),
        parameters: (operation.parameters as Operation['parameters'] | undefined) ?? [],
        body: content?.['application/json']?.schema ?? null,
        documents503: Object.keys((operation.responses as Record<string, unknown> | undefined) ?? {}).includes('503'),
      });
    }
  }
  return operations;
}

function allowed(route: ApiRoute | undefined, role: Role | 'anonymous'): boolean {
  if (!route || route.access === 'public') return true;
  if (role === 'anonymous') return false;
  return can(role, route.access.permission);
}

describe.each(ENGINES)('the whole API under random and boundary input on %s', (engine) => {
  let t: TestApp;
  const sessions = new Map<Role, Session>();
  let context: Context;
  /** The debtor whose portal session drives the portal's routes (the owner of a case the inputs name). */
  let portalDebtorId: string;
  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    for (const user of DEMO_USERS)
      if (!sessions.has(user.role)) sessions.set(user.role, await signIn(t.app, user.email));
    // Real ids of every table, so that inputs reach the services and the database, not only the schemas. Demo
    // users are left out: changing their role or password would end the sessions the fuzzer drives.
    const tables = await sql<{
      table_name: string;
    }>`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'id' and data_type = 'uuid' and table_name <> 'users' order by table_name`.execute(
      t.deps.db,
    );
    const idsByTable = new Map<string, string[]>();
    for (const { table_name } of tables.rows) {
      const rows = await sql<{ id: string }>`select id from ${sql.table(table_name)} order by id limit 3`.execute(
        t.deps.db,
      );
      if (rows.rows.length > 0)
        idsByTable.set(
          table_name,
          rows.rows.map((row) => row.id),
        );
    }
    const admin = sessions.get('administrator')!;
    const fuzzUsers: string[] = [];
    for (const role of ['agent', 'creditor_user'] as const) {
      const creditorId = role === 'creditor_user' ? idsByTable.get('creditors')![0] : undefined;
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        payload: {
          email: `fuzz.${role}@demo.accord.test`,
          displayName: `Fuzz ${role}`,
          role,
          password: 'fuzz-password-long-enough',
          ...(creditorId ? { creditorId } : {}),
        },
      });
      expect(response.statusCode).toBe(201);
      fuzzUsers.push((response.json() as { id: string }).id);
    }
    idsByTable.set('users', fuzzUsers);
    context = { idsByTable, ids: [...idsByTable.values()].flat() };
    portalDebtorId = (
      await t.deps.db
        .selectFrom('cases')
        .select('debtor_id')
        .where('id', '=', idsByTable.get('cases')![0]!)
        .executeTakeFirstOrThrow()
    ).debtor_id;
  });
  afterAll(() => t.close());

  /** A new session for the logout route, from an address of its own so that the login rate limit stays out of the way. */
  let logins = 0;
  async function freshSession(role: Role): Promise<Session> {
    logins += 1;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: `10.99.${Math.floor(logins / 250)}.${logins % 250}`,
      payload: { email: DEMO_USERS.find((user) => user.role === role)!.email, password: DEMO_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { csrfToken: string; id: string; creditorId: string | null };
    return {
      cookie: `accord_session=${response.cookies.find((c) => c.name === 'accord_session')!.value}`,
      csrf: body.csrfToken,
      userId: body.id,
      creditorId: body.creditorId,
    };
  }

  it('answers every route, as every role, without a 5xx (beyond a documented 503)', async () => {
    const xml = readFileSync(join(process.cwd(), 'examples', 'bank', 'camt053-statement.xml'), 'utf8');
    const operations = operationsOf(t.app.swagger() as never);
    const routes = new Map(t.app.apiRoutes.map((route) => [`${route.method} ${route.url}`, route]));
    expect(operations.length).toBeGreaterThan(100);
    const roles: (Role | 'anonymous')[] = [...sessions.keys(), 'anonymous'];
    const failures: string[] = [];
    let requests = 0;
    for (const [index, operation] of operations.entries()) {
      const route = routes.get(`${operation.method} ${operation.url}`);
      // The debtor portal's routes are a debtor's: driven with a portal session, staff sessions getting one try each.
      const portal = operation.path.startsWith('/api/portal/');
      const allowedRoles = portal ? ['debtor'] : roles.filter((role) => allowed(route, role));
      for (const role of portal ? (['debtor', ...roles] as const) : roles) {
        const runs =
          role === 'debtor' || (!portal && allowed(route, role))
            ? Math.max(RUNS_PER_ALLOWED_ROLE, Math.ceil(RUNS_PER_ROUTE / allowedRoles.length))
            : RUNS_PER_DENIED_ROLE;
        const endsSession =
          operation.path === '/api/v1/auth/logout' ||
          (operation.path === '/api/portal/v1/sign-out' && role === 'debtor');
        const session =
          role === 'anonymous'
            ? null
            : role === 'debtor'
              ? await portalSessionOf(t.deps, portalDebtorId)
              : sessions.get(role)!;
        const inputs = fc.sample(inputArbitrary(operation, context, xml, session?.csrf ?? null), {
          seed: SEED + index,
          numRuns: runs,
        });
        for (const input of inputs) {
          let current = session;
          if (endsSession && role !== 'anonymous') {
            current = role === 'debtor' ? await portalSessionOf(t.deps, portalDebtorId) : await freshSession(role);
            input.headers['x-csrf-token'] = current.csrf;
          }
          const response = await t.app.inject({
            method: operation.method,
            url: input.url,
            headers: { ...input.headers, ...(current ? { cookie: current.cookie } : {}) },
            ...(input.payload === undefined ? {} : { payload: input.payload }),
          });
          requests += 1;
          const documented = response.statusCode === 503 && operation.documents503;
          if (response.statusCode >= 500 && !documented) {
            const code = (() => {
              try {
                return (response.json() as { code?: string }).code;
              } catch {
                return response.body.slice(0, 80);
              }
            })();
            failures.push(
              `${operation.method} ${input.url.slice(0, 200)} as ${role}: ${response.statusCode} ${code}; input ${JSON.stringify(input.values).slice(0, 400)}`,
            );
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(operations.length * roles.length);
    expect(failures).toEqual([]);
  });
});
