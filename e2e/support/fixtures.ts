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
    server = await startAccord(options);
    browser = await launchBrowser();
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
