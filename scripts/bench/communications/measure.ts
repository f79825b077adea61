import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import PDFDocument from 'pdfkit';

// Where the time of bench:communications goes: this process's CPU and event loop, the SQL round trips it waits on,
// the server's backends' CPU (read from /proc when the server runs on this machine) and the machine's.

interface QueryStats {
  queries: number;
  commits: number;
  /** Summed wall time from sending a statement to its answer (concurrent statements overlap). */
  waitMs: number;
  commitMs: number;
}

const queryStats: QueryStats = { queries: 0, commits: 0, waitMs: 0, commitMs: 0 };

/** Counts and times every statement a pg client sends as a promise (Kysely's and the pool's way). */
export function countQueries(): void {
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    const result = original.apply(this, args);
    if (!(result instanceof Promise)) return result;
    const began = performance.now();
    const commit = typeof args[0] === 'string' && /^commit/i.test(args[0]);
    const done = () => {
      const ms = performance.now() - began;
      queryStats.queries += 1;
      queryStats.waitMs += ms;
      if (commit) {
        queryStats.commits += 1;
        queryStats.commitMs += ms;
      }
    };
    result.then(done, done);
    return result;
  };
}

const TICKS_PER_SECOND = 100;

async function processCpuSeconds(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

async function machineTicks(): Promise<{ busy: number; total: number }> {
  try {
    const cpu = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!.split(/\s+/).slice(1).map(Number);
    const total = cpu.reduce((sum, value) => sum + value, 0);
    return { busy: total - cpu[3]! - cpu[4]!, total };
  } catch {
    return { busy: Number.NaN, total: Number.NaN };
  }
}

export interface PhaseProfile {
  seconds: number;
  /** This process: CPU seconds (user + system) and the event loop's busy share. */
  nodeCpu: number;
  eventLoopBusy: number;
  queries: number;
  commits: number;
  waitMs: number;
  commitMs: number;
  /** The CPU seconds of the server's backends serving this database (NaN when /proc does not show them). */
  serverCpu: number;
  /** The share of the machine's CPUs busy over the phase, every process counted. */
  machineBusy: number;
}

/** Starts measuring a phase; `end` answers its profile. */
export async function startPhase(serverUrl: string, database: string) {
  const backends = async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>(
        'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [database],
      );
      return new Map(await Promise.all(rows.map(async (row) => [row.pid, await processCpuSeconds(row.pid)] as const)));
    } finally {
      await client.end();
    }
  };
  const serverBefore = await backends();
  const machineBefore = await machineTicks();
  const stats = { ...queryStats };
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  const began = performance.now();
  return {
    async end(): Promise<PhaseProfile> {
      const seconds = (performance.now() - began) / 1000;
      const used = process.cpuUsage(cpu);
      const eventLoopBusy = performance.eventLoopUtilization(loop).utilization;
      const machineAfter = await machineTicks();
      const serverAfter = await backends();
      let serverCpu = 0;
      for (const [pid, after] of serverAfter) serverCpu += after - (serverBefore.get(pid) ?? 0);
      return {
        seconds,
        nodeCpu: (used.user + used.system) / 1e6,
        eventLoopBusy,
        queries: queryStats.queries - stats.queries,
        commits: queryStats.commits - stats.commits,
        waitMs: queryStats.waitMs - stats.waitMs,
        commitMs: queryStats.commitMs - stats.commitMs,
        serverCpu,
        machineBusy: (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total),
      };
    },
  };
}

/** One call of `text` as the product's drawing made it, with the state it was made in. */
interface TextCall {
  page: number;
  font: string;
  size: number;
  x: number;
  y: number;
  bottom: number;
  args: unknown[];
}

interface DocumentState {
  _font: { name: string };
  _fontSize: number;
  _pageBuffer: unknown[];
  _pageBufferStart: number;
  page: { margins: { bottom: number } };
  x: number;
  y: number;
}

const pageIndex = (state: DocumentState) => state._pageBufferStart + state._pageBuffer.indexOf(state.page);

type TextMethod = (this: PDFKit.PDFDocument, ...args: unknown[]) => PDFKit.PDFDocument;
const prototype = PDFDocument.prototype as unknown as { text: TextMethod };
const pdfkitText = prototype.text;

/**
 * The text calls of a drawing (`draw` renders one document with pdfkit): each string with its font, size, page and
 * place, so `rawPdfkitPagesPerSecond` can have pdfkit alone draw the very same text.
 */
export async function recordText(draw: () => Promise<unknown>): Promise<TextCall[]> {
  const calls: TextCall[] = [];
  let depth = 0;
  prototype.text = function (this: PDFKit.PDFDocument, ...args: unknown[]) {
    const state = this as unknown as DocumentState;
    if (depth === 0)
      calls.push({
        page: pageIndex(state),
        font: state._font.name,
        size: state._fontSize,
        x: state.x,
        y: state.y,
        bottom: state.page.margins.bottom,
        args: structuredClone(args),
      });
    depth += 1;
    try {
      return pdfkitText.apply(this, args);
    } finally {
      depth -= 1;
    }
  };
  try {
    await draw();
  } finally {
    prototype.text = pdfkitText;
  }
  return calls;
}

type Drawing = () => Promise<{ pages: number }>;

/**
 * Pages per second of each drawing on this process's one thread, taken in turns of a quarter of a second for
 * `seconds` in all, so both meet the same load on a shared machine.
 */
export async function interleavedPagesPerSecond(drawings: readonly Drawing[], seconds: number): Promise<number[]> {
  const pages = drawings.map(() => 0);
  const spent = drawings.map(() => 0);
  const turnMs = 250;
  // Warmed first, as a running server's code is: the first documents pay for compiling pdfkit's hot paths.
  for (let round = 0; round < 20; round += 1) for (const drawing of drawings) await drawing();
  for (let turn = 0; turn * turnMs < seconds * 1000; turn += 1) {
    const index = turn % drawings.length;
    const began = performance.now();
    while (performance.now() - began < turnMs) pages[index]! += (await drawings[index]!()).pages;
    spent[index]! += performance.now() - began;
  }
  return pages.map((count, index) => count / (spent[index]! / 1000));
}

/**
 * pdfkit alone: one document of the recorded text (the letters' strings, fonts, sizes and places, A4, in memory,
 * the same document options), drawn straight by pdfkit.
 */
export const rawPdfkitDrawing =
  (calls: readonly TextCall[]): Drawing =>
  async () => ({ pages: await rawDocument(calls) });

async function rawDocument(calls: readonly TextCall[]): Promise<number> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: 'Lettre', Producer: 'Accord', Creator: 'Accord', CreationDate: new Date() },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const state = doc as unknown as DocumentState;
  for (const call of calls) {
    while (doc.bufferedPageRange().count <= call.page) doc.addPage();
    if (call.page !== pageIndex(state)) doc.switchToPage(call.page);
    state.page.margins.bottom = call.bottom;
    doc.font(call.font).fontSize(call.size);
    doc.x = call.x;
    doc.y = call.y;
    const [text, ...rest] = call.args;
    pdfkitText.call(doc, text, ...rest.map((arg) => (typeof arg === 'object' && arg !== null ? { ...arg } : arg)));
  }
  const count = doc.bufferedPageRange().count;
  doc.end();
  await done;
  Buffer.concat(chunks);
  return count;
}
