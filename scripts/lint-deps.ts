/**
 * `npm run lint:deps`: one cruise of the code with dependency-cruiser, checked two ways.
 *
 * 1. The rules of `.dependency-cruiser.mjs` (module cycles, platform below every capability, only src/app/ assembling
 *    the app, pure cores…), reported as dependency-cruiser reports them.
 * 2. Capability folders (`src/<capability>/`, core and services together) form no cycle: a capability that imports
 *    another must not be imported back by it, directly or through others. dependency-cruiser finds cycles between
 *    modules only, so the folder graph is built here from the same cruise.
 * 3. The web app never takes in the business-day calendar (`date-holidays` with its astronomy and `moment`: 1.4 MB of
 *    a 3.6 MB bundle that every page load parsed, when a contract's core reached it for a list of words). Followed
 *    from the web app's entry over the imports that stay in the built code, as the bundler follows them: a type-only
 *    import vanishes, so it may name a type of the calendar (dependency-cruiser's reachability counts it).
 *
 * `--graph` also prints the capabilities in dependency order with what each imports (for ARCHITECTURE.md).
 * Exits 1 on any violation.
 */
import { cruise, format, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/** What is cruised: the server, its tests and their support, the benchmarks, the web app. */
const SCOPE = ['src', 'test', 'e2e', 'scripts', 'web/src'];
/** Folders under src/ that are not capabilities: the ground, the composition root, the entry points. */
const NOT_CAPABILITIES = new Set(['platform', 'app', 'cli', 'demo']);
const TEST = /\.test\.tsx?$/;

/** The capability a module belongs to, or null for the platform, the composition root, tests and anything outside src/. */
function capabilityOf(path: string): string | null {
  if (TEST.test(path)) return null;
  const match = /^src\/([^/]+)\//.exec(path);
  if (!match || NOT_CAPABILITIES.has(match[1]!)) return null;
  return match[1]!;
}

/** Capability → capability → one import that makes the edge (to name it in a report). */
type CapabilityGraph = Map<string, Map<string, string>>;

function capabilityGraph(result: ICruiseResult): CapabilityGraph {
  const graph: CapabilityGraph = new Map();
  for (const module of result.modules) {
    const from = capabilityOf(module.source);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    for (const dependency of module.dependencies) {
      const to = capabilityOf(dependency.resolved);
      if (!to || to === from) continue;
      const edges = graph.get(from)!;
      if (!edges.has(to)) edges.set(to, `${module.source} → ${dependency.resolved}`);
      if (!graph.has(to)) graph.set(to, new Map());
    }
  }
  return graph;
}

/** The strongly connected components with more than one capability (Tarjan): each is a set of capabilities in a cycle. */
function capabilityCycles(graph: CapabilityGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node)?.keys() ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** One closed path through a cycle's members, starting at its first member, as a list of capabilities. */
function pathThrough(graph: CapabilityGraph, members: string[]): string[] {
  const inCycle = new Set(members);
  const start = members[0]!;
  const search = (node: string, path: string[]): string[] | null => {
    for (const target of graph.get(node)!.keys()) {
      if (!inCycle.has(target)) continue;
      if (target === start) return [...path, start];
      if (!path.includes(target)) {
        const found = search(target, [...path, target]);
        if (found) return found;
      }
    }
    return null;
  };
  return search(start, [start])!;
}

/** Capabilities in dependency order (each after everything it imports), with what each imports. */
function describeOrder(graph: CapabilityGraph): string {
  const placed = new Set<string>();
  const lines: string[] = [];
  while (placed.size < graph.size) {
    const ready = [...graph.keys()]
      .filter((node) => !placed.has(node) && [...graph.get(node)!.keys()].every((target) => placed.has(target)))
      .sort();
    if (ready.length === 0) break;
    for (const node of ready) {
      placed.add(node);
      lines.push(`  ${node}${graph.get(node)!.size ? ` → ${[...graph.get(node)!.keys()].sort().join(', ')}` : ''}`);
    }
  }
  return lines.join('\n');
}

const WEB_ENTRY = 'web/src/main.tsx';
const KEPT_OUT_OF_THE_WEB = /^src\/platform\/calendar\/business-days\.ts$/;

/** The imports from the web app's entry to a module it must not take in, or null when none reaches one. */
function webPathToKeptOut(result: ICruiseResult): string[] | null {
  const modules = new Map(result.modules.map((module) => [module.source, module]));
  const cameFrom = new Map<string, string | null>([[WEB_ENTRY, null]]);
  const queue = [WEB_ENTRY];
  for (let source = queue.shift(); source !== undefined; source = queue.shift()) {
    if (KEPT_OUT_OF_THE_WEB.test(source)) {
      const path: string[] = [];
      for (let at: string | null = source; at !== null; at = cameFrom.get(at) ?? null) path.unshift(at);
      return path;
    }
    for (const dependency of modules.get(source)?.dependencies ?? []) {
      if (dependency.dependencyTypes.includes('type-only') || cameFrom.has(dependency.resolved)) continue;
      cameFrom.set(dependency.resolved, source);
      queue.push(dependency.resolved);
    }
  }
  return null;
}

async function main(): Promise<number> {
  const options = await extractDepcruiseOptions('./.dependency-cruiser.mjs');
  const cruised = await cruise(SCOPE, options, {}, { tsConfig: extractTSConfig('tsconfig.json') });
  const result = cruised.output as ICruiseResult;
  const rules = await format(result, { outputType: 'err-long' });
  process.stdout.write(String(rules.output));

  const graph = capabilityGraph(result);
  const cycles = capabilityCycles(graph);
  for (const members of cycles) {
    const path = pathThrough(graph, members);
    process.stdout.write(`\n  error capability-cycle: ${path.join(' → ')}\n`);
    if (members.length > path.length - 1) process.stdout.write(`    (all in one cycle: ${members.join(', ')})\n`);
    for (let i = 0; i + 1 < path.length; i += 1)
      process.stdout.write(`      ${graph.get(path[i]!)!.get(path[i + 1]!)}\n`);
    process.stdout.write(
      '    Capabilities import each other: move the shared piece down into the capability both can import, or let the\n' +
        '    lower one take what it needs as a parameter (see CONTRIBUTING.md, "Layers").\n',
    );
  }
  if (cycles.length > 0) process.stdout.write(`\nx ${cycles.length} cycle(s) between capability folders.\n`);
  const keptOut = webPathToKeptOut(result);
  if (keptOut) {
    process.stdout.write(
      `\n  error web-bundle-has-no-holiday-tables:\n      ${keptOut.join('\n    → ')}\n` +
        "    Import the calendar's dates or local time (platform/calendar/dates.ts, local-time.ts, place.ts), or move\n" +
        '    the list the contract needs out of the module that counts business days; counting stays on the server.\n',
    );
  }
  if (process.argv.includes('--graph'))
    process.stdout.write(`\nCapabilities, each after what it imports:\n${describeOrder(graph)}\n`);
  return rules.exitCode > 0 || cycles.length > 0 || keptOut !== null ? 1 : 0;
}

process.exitCode = await main();
