import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskStorage, FileTooLarge } from './storage.js';

describe('the documents on disk', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'accord-storage-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('keeps nothing of a file refused at its first bytes, once the refusal is said', async () => {
    const storage = diskStorage(root);
    // One chunk over the limit: refused before the `.part` file has finished opening.
    for (let i = 0; i < 50; i += 1) {
      const id = `01aa${String(i).padStart(4, '0')}-0000-7000-8000-000000000000`;
      await expect(storage.put(id, Readable.from([Buffer.alloc(70 * 1024)]), 64 * 1024)).rejects.toThrow(FileTooLarge);
      expect(await readdir(join(root, '01'))).toEqual([]);
    }
  });
});
