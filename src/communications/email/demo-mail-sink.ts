import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SMTPServer } from 'smtp-server';

export interface DemoMailSink {
  port: number;
  close(): Promise<void>;
}

/**
 * An SMTP server on 127.0.0.1 that takes every message and keeps it as an `.eml` file in `dir` (the demo's outbox
 * to look at, and the tests' relay): no authentication, no TLS, nothing relayed anywhere. Port 0 picks a free port.
 */
export async function startDemoMailSink(options: { dir: string; port?: number }): Promise<DemoMailSink> {
  await mkdir(options.dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    banner: 'Accord demo mail sink',
    onData(stream, _session, callback) {
      count += 1;
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(count).padStart(4, '0')}-${randomBytes(3).toString('hex')}.eml`;
      pipeline(stream, createWriteStream(join(options.dir, name))).then(
        () => callback(),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
