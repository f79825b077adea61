import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { documentsDir, type Config } from '../platform/config.js';
import { SNIFF_BYTES } from './core/sniff.js';

/**
 * Where the files of documents live: one small interface, one backend (a folder on disk under DATA_DIR, shared by
 * every process). A file is named by its document's id only, never by anything a user sent.
 */
export interface DocumentStorage {
  /** Streams a file in, counting and hashing it, stopping past `limitBytes`; visible under its id only once whole. */
  put(id: string, body: NodeJS.ReadableStream, limitBytes: number): Promise<StoredFile>;
  /** The file's bytes, or null when there is none. */
  get(id: string): Promise<{ stream: Readable; bytes: number } | null>;
  /** Removes the file and any partial one; removing a file that is not there is not an error. */
  delete(id: string): Promise<void>;
  /** Every stored file, whole or partial, with when it was last written; files it did not name are not listed. */
  list(): AsyncIterable<StoredEntry>;
}

export interface StoredEntry {
  id: string;
  /** A `.part` file: an upload still streaming in, or one a crash cut short. */
  partial: boolean;
  modifiedAt: Date;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

export interface StoredFile {
  bytes: number;
  sha256: string;
  /** The first bytes, for sniffing the type. */
  head: Buffer;
}

/** Thrown by `put` when the file is larger than its limit; nothing of it is kept. */
export class FileTooLarge extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function diskStorage(root: string): DocumentStorage {
  // A two-character folder per id prefix keeps folders small; the id is checked so nothing else can become a path.
  const folderOf = (id: string) => {
    if (!UUID.test(id)) throw new Error(`not a document id: ${JSON.stringify(id)}`);
    return join(root, id.slice(0, 2));
  };
  const pathOf = (id: string) => join(folderOf(id), id);

  return {
    async put(id, body, limitBytes) {
      const folder = folderOf(id);
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const partial = `${pathOf(id)}.part`;
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let bytes = 0;
      let headBytes = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          if (bytes > limitBytes) return callback(new FileTooLarge());
          if (headBytes < SNIFF_BYTES) {
            const piece = chunk.subarray(0, SNIFF_BYTES - headBytes);
            head.push(piece);
            headBytes += piece.length;
          }
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      const file = createWriteStream(partial, { mode: 0o600 });
      try {
        await pipeline(body, measure, file);
        await rename(partial, pathOf(id));
      } catch (error) {
        // A file refused at its first bytes can fail before its `.part` is even open: the stream opens, then closes
        // it. Removed only once closed, or it would appear after the refusal and stay.
        if (!file.closed) await new Promise<void>((closed) => file.once('close', () => closed()));
        await rm(partial, { force: true });
        throw error;
      }
      return { bytes, sha256: hash.digest('hex'), head: Buffer.concat(head) };
    },
    async get(id) {
      try {
        const handle = await open(pathOf(id), 'r');
        const { size } = await handle.stat();
        return { stream: handle.createReadStream(), bytes: size };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(id) {
      await rm(pathOf(id), { force: true });
      await rm(`${pathOf(id)}.part`, { force: true });
    },
    async *list() {
      let folders: string[];
      try {
        folders = await readdir(root);
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      for (const folder of folders.filter((name) => /^[0-9a-f]{2}$/.test(name)).sort()) {
        for (const name of (await readdir(join(root, folder))).sort()) {
          const id = name.endsWith('.part') ? name.slice(0, -'.part'.length) : name;
          if (!UUID.test(id) || !id.startsWith(folder)) continue;
          try {
            const { mtime } = await stat(join(root, folder, name));
            yield { id, partial: name !== id, modifiedAt: mtime };
          } catch (error) {
            // Deleted since the folder was read (an erasure, an upload that failed): nothing to list.
            if (!isMissing(error)) throw error;
          }
        }
      }
    },
  };
}

/** The storage of this deployment's documents: `$DATA_DIR/documents`. */
export function documentStorage(config: Config): DocumentStorage {
  return diskStorage(documentsDir(config));
}
