import type { Config } from '../platform/config.js';
import { createSmtpTransport } from './email/smtp-transport.js';
import type { Transports } from './transports.js';

/**
 * The transports of this process, made once from its configuration: the SMTP pool and the SMPP session are
 * long-lived, shared by every dispatch. A channel whose settings are missing has none: its messages wait queued.
 */
const made = new WeakMap<Config, Transports>();

export function configuredTransports(config: Config): Transports {
  let transports = made.get(config);
  if (!transports) {
    transports = { email: createSmtpTransport(config), sms: null };
    made.set(config, transports);
  }
  return transports;
}

/** Closes this process's transports (at shutdown): the SMPP session unbinds, the SMTP pool quits. */
export async function closeTransports(config: Config): Promise<void> {
  const transports = made.get(config);
  made.delete(config);
  await Promise.all([transports?.email?.close(), transports?.sms?.close()]);
}
