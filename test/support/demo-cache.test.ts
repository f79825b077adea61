import { describe, expect, it } from 'vitest';
import { seededDemo } from './demo-cache.js';

// A moment no other test file seeds at, so this file's seedings are its own.
const NOW = new Date('2026-10-14T08:00:00Z');

describe('the demo agency a test starts from', () => {
  it('is seeded again for a setting the seeding reads, and shared across the settings it never reads', async () => {
    const first = await seededDemo('pglite', { now: NOW, config: { SMTP_URL: 'smtp://127.0.0.1:2525' } });
    expect(first).not.toBeNull();
    // What the seeding read is what its data can depend on: the agency's zone and name, never the mail server.
    expect(first!.read).toHaveProperty('AGENCY_TZ');
    expect(first!.read).toHaveProperty('AGENCY_NAME', 'Accord');
    expect(first!.read).not.toHaveProperty('SMTP_URL');
    expect(first!.read).not.toHaveProperty('DATA_DIR');

    // Another mail server: the same data, so the same seeding.
    const sameData = await seededDemo('pglite', { now: NOW, config: { SMTP_URL: 'smtp://127.0.0.1:2626' } });
    expect(sameData).toBe(first);
    // Another agency name, which the seeding reads: a seeding of its own.
    const renamed = await seededDemo('pglite', { now: NOW, config: { AGENCY_NAME: 'Recouvrement Rhône' } });
    expect(renamed).not.toBe(first);
    expect(renamed!.read).toHaveProperty('AGENCY_NAME', 'Recouvrement Rhône');
    // Either is found again afterwards.
    expect(await seededDemo('pglite', { now: NOW })).toBe(first);
    expect(await seededDemo('pglite', { now: NOW, config: { AGENCY_NAME: 'Recouvrement Rhône' } })).toBe(renamed);
  });
});
