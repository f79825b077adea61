import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startAccord, type AccordOptions, type RunningAccord } from './server.js';

export interface Fixture {
  readonly server: RunningAccord;
  readonly browser: Browser;
}

/** One Accord server and one Chromium for the test file, started before its tests and stopped after. */
export function useAccordAndBrowser(options: AccordOptions = {}): Fixture {
  let server: RunningAccord | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    // Chromium starts in processes of its own while this one loads the server's database: together, not in turn.
    const [started, launched] = await Promise.allSettled([startAccord(options), launchBrowser()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('The Accord server is not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not started');
      return browser;
    },
  };
}
