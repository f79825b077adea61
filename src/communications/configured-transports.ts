import type { Config } from '../platform/config.js';
import type { Deps } from '../platform/deps.js';
import { createSmtpTransport } from './email/smtp-transport.js';
import { createSmppTransport } from './sms/smpp-transport.js';
import type { Transports } from './transports.js';

/**
 * The transports of this process, made once from its configuration: the SMTP pool and the SMPP session are
 * long-lived, shared by every dispatch. A channel whose settings are missing has none: its messages wait queued.
 */
const made = new WeakMap<Config, Transports>();

export function configuredTransports(deps: Deps): Transports {
  let transports = made.get(deps.config);
  if (!transports) {
    // The SMPP session also receives: delivery receipts and "STOP" replies are applied with these deps.
    transports = { email: createSmtpTransport(deps.config), sms: createSmppTransport(deps.config, deps) };
    made.set(deps.config, transports);
  }
  return transports;
}

/** Closes this process's transports (at shutdown): the SMPP session unbinds, the SMTP pool quits. */
export async function closeTransports(config: Config): Promise<void> {
  const transports = made.get(config);
  made.delete(config);
  await Promise.all([transports?.email?.close(), transports?.sms?.close()]);
}
