/**
 * The layers of Accord's server, checked by `npm run lint:deps` (part of `npm test`); see CONTRIBUTING.md.
 *
 *   src/app/            the composition root: the only code that knows every capability
 *   src/<capability>/   a capability: core/ (pure), services, routes
 *   src/platform/       the ground: configuration, database, HTTP and job plumbing; knows no capability
 *
 * Capability folders also form no cycle among themselves; dependency-cruiser checks module cycles, and
 * `scripts/lint-deps.ts` adds the check of cycles between capability folders on the same cruise.
 */

const TEST = '\\.test\\.tsx?$';

/** npm packages a pure core may use: they compute, and do no I/O. */
const PURE_PACKAGES = [
  'zod',
  'fast-xml-parser',
  'ibantools',
  'date-holidays',
  'safe-stable-stringify',
  '@zxcvbn-ts/[^/]+',
];
/** The pure modules: every capability's core/ (and each section's), and the platform's calendar, money, errors and texts. */
const PURE_MODULES = [
  '^src/[^/]+/core/',
  '^src/[^/]+/[^/]+/core/',
  '^src/platform/calendar/',
  '^src/platform/(money|errors|message)\\.ts$',
];
/** What a pure module may import: other pure modules, the schema's types, pure packages, pure Node modules. */
const CORE_MAY_IMPORT = [
  ...PURE_MODULES,
  // Table and enum types only (a separate rule refuses a value import).
  '^src/platform/db/schema\\.ts$',
  `(^|/)node_modules/(${PURE_PACKAGES.join('|')})/`,
  // crypto: hashes of the audit chain; net: isIP and BlockList for webhook addresses (no socket is opened).
  '^(node:)?(crypto|net)$',
].join('|');

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A module cycle: two modules that import each other, directly or through others. Move the shared piece down or invert the dependency.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'platform-imports-no-capability',
      severity: 'error',
      comment:
        "src/platform/ is the ground layer: it may import npm packages and other platform modules, never a capability, the composition root or the tests' whole app. Pass what it needs as a parameter (see platform/http/app.ts, platform/jobs/boss.ts).",
      from: { path: '^src/platform/' },
      to: { path: ['^src/(?!platform/)', '^test/support/app\\.ts$', '^e2e/'] },
    },
    {
      name: 'only-app-assembles',
      severity: 'error',
      comment:
        'The HTTP app and the job runner are assembled in src/app/ only (route-registry.ts, job-schedule.ts): build them through src/app/ so every process has the same routes and jobs.',
      from: { pathNot: '^src/app/' },
      to: { path: '^src/platform/(http/app|jobs/boss)\\.ts$' },
    },
    {
      name: 'routes-registered-by-app',
      severity: 'error',
      comment:
        "A capability's routes are registered by src/app/route-registry.ts only: another capability calls its services, never its routes.",
      from: { path: '^src/([^/]+)/', pathNot: ['^src/app/', TEST] },
      to: { path: '^src/[^/]+/[a-z-]*routes\\.ts$', pathNot: '^src/$1/' },
    },
    {
      name: 'nothing-imports-the-entry-points',
      severity: 'error',
      comment:
        'src/app/, src/cli/ and src/server.ts sit on top: no capability imports them (tests and support code may).',
      from: { path: '^src/', pathNot: ['^src/(app|cli)/', '^src/server\\.ts$', TEST] },
      to: { path: ['^src/(app|cli)/', '^src/server\\.ts$'] },
    },
    {
      name: 'demo-is-not-a-dependency',
      severity: 'error',
      comment:
        'The demo agency seeds data through the capabilities; no capability depends on it (the CLI and tests load it).',
      from: { path: '^src/', pathNot: ['^src/(demo|cli)/', TEST] },
      to: { path: '^src/demo/' },
    },
    {
      name: 'foundation-imports-no-capability',
      severity: 'error',
      comment:
        'identity (actors, permissions, sessions) and audit (the hash chain) are under every capability: audit imports only the platform, identity only audit and the platform.',
      from: { path: '^src/(identity|audit)/', pathNot: TEST },
      to: { path: '^src/(?!platform/|identity/|audit/)', pathNot: TEST },
    },
    {
      name: 'foundation-order',
      severity: 'error',
      comment: 'audit is below identity: it records the actor it is given and never imports identity.',
      from: { path: '^src/audit/', pathNot: TEST },
      to: { path: '^src/identity/' },
    },
    {
      name: 'ledger-imports-only-platform',
      severity: 'error',
      comment: 'The ledger records money for every flow and depends on none of them: it imports only the platform.',
      from: { path: '^src/ledger/', pathNot: TEST },
      to: { path: '^src/(?!platform/|ledger/)' },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment:
        "A core/ module (like platform/calendar/, money.ts, errors.ts, message.ts) is pure (no I/O, no clock): it imports only other pure modules (cores, platform/calendar/, platform/{money,errors,message}.ts), the schema's types and pure packages (" +
        PURE_PACKAGES.join(', ') +
        '). Do the I/O in a service beside it and pass the facts in.',
      from: { path: PURE_MODULES, pathNot: TEST },
      to: { pathNot: CORE_MAY_IMPORT },
    },
    {
      name: 'core-reads-schema-types-only',
      severity: 'error',
      comment: "A pure module may name the database's types (import type), nothing more.",
      from: { path: PURE_MODULES, pathNot: TEST },
      to: { path: '^src/platform/db/schema\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'server-imports-no-web',
      severity: 'error',
      comment:
        "The server never imports the web app (web/src); the web app imports the server's shared modules, not the reverse.",
      from: { path: '^src/' },
      to: { path: '^web/' },
    },
    {
      name: 'web-imports-only-contracts',
      severity: 'error',
      comment:
        "The web app imports from src/ only the capabilities' contracts (src/<capability>/contract.ts, or src/<capability>/<section>/contract.ts for a capability split in sections: the API's types, and the pure lists and rules a contract passes on), the calendar's pure dates and local time, and money.ts: never a service, a route or a core module directly. Re-export what the web app needs from the capability's contract.",
      from: { path: '^web/src/' },
      to: {
        path: '^src/',
        pathNot: [
          '^src/[^/]+/contract\\.ts$',
          '^src/[^/]+/[^/]+/contract\\.ts$',
          '^src/platform/calendar/(local-time|dates|today)\\.ts$',
          '^src/platform/money\\.ts$',
        ],
      },
    },
    {
      name: 'contracts-import-only-pure-modules',
      severity: 'error',
      comment:
        'A contract is what the web app imports: zod schemas and their types. It imports zod, the shared API pieces (platform/http/schemas.ts), pure modules (cores, platform/calendar/, money.ts) and other contracts; never a service, the database or Fastify.',
      from: { path: ['^src/[^/]+/contract\\.ts$', '^src/[^/]+/[^/]+/contract\\.ts$'] },
      to: {
        path: '^src/',
        pathNot: [
          '^src/[^/]+/contract\\.ts$',
          '^src/[^/]+/[^/]+/contract\\.ts$',
          '^src/platform/http/schemas\\.ts$',
          ...PURE_MODULES,
        ],
      },
    },
    {
      name: 'contracts-import-only-zod',
      severity: 'error',
      comment: 'The only package a contract imports is zod (a contract ends up in the web bundle).',
      from: { path: ['^src/[^/]+/contract\\.ts$', '^src/[^/]+/[^/]+/contract\\.ts$'] },
      to: { dependencyTypes: ['npm', 'npm-dev', 'core'], pathNot: '(^|/)node_modules/zod/' },
    },
    {
      name: 'no-dev-dependency-in-production',
      severity: 'error',
      comment:
        'Server code runs in production, where devDependencies are not installed: move the package to dependencies, or the code to a test.',
      from: { path: '^src/', pathNot: TEST },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'no-undeclared-package',
      severity: 'error',
      comment:
        'An npm package that package.json does not declare (it happens to be installed through another): declare it.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to no file.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A module nothing imports and that imports nothing of the project: dead code, or a file to wire in.',
      from: { orphan: true, path: '^src/', pathNot: ['\\.d\\.ts$', TEST] },
      to: {},
    },
  ],
  options: {
    // Every layer is checked on the TypeScript sources, type-only imports included.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^web/dist/', '^node_modules/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
