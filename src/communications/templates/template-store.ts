import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { shippedText } from '../core/message-templates.js';
import type { TemplateSlot, TemplateText } from '../core/template-text.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface TextInForce {
  /** 0: the text Accord ships. */
  version: number;
  text: TemplateText;
}

/**
 * The text a slot sends at `at`: its published version with the latest effective date not after it, or the shipped
 * text. Asked of the database every time (one indexed read), so a version published by another process applies here.
 */
export async function templateInForce(db: Db, slot: TemplateSlot, at: Date): Promise<TextInForce> {
  const row = await db
    .selectFrom('message_template_versions')
    .select(['version', 'subject', 'body'])
    .where('template', '=', slot.template)
    .where('channel', '=', slot.channel)
    .where('language', '=', slot.language)
    .where('status', '=', 'published')
    .where('effective_from', '<=', at)
    .orderBy('effective_from', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { version: 0, text: shippedText(slot) };
  return { version: row.version!, text: { subject: row.subject, body: row.body } };
}

/** The names a third party must not read in what a message shows: every creditor's, trade and legal. */
export async function creditorNames(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('creditors').select(['name', 'legal_name']).execute();
  return [...new Set(rows.flatMap((row) => [row.name, row.legal_name]).filter((name): name is string => !!name))];
}
