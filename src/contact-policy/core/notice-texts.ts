import { DEFAULT_POLICY } from './default-policy.js';
import type { DocumentText, HoldKind } from './policy-document.js';

/**
 * The notices of a policy in the three languages. A version published before notices had an Italian text (version 1,
 * written by migration 0005) carries French and English only: a notice whose French and English are still those
 * Accord ships takes the shipped Italian; a notice a compliance officer wrote or changed keeps the author's words,
 * and the page shows them in the language they were written in.
 */
export type NoticeSource = { notice: string } | { hold: HoldKind };

function shipped(source: NoticeSource): DocumentText | undefined {
  if ('hold' in source) return DEFAULT_POLICY.holds[source.hold].notice;
  return DEFAULT_POLICY.notices.find((notice) => notice.id === source.notice)?.text;
}

export function completeNotice(text: DocumentText, source: NoticeSource): DocumentText {
  if (text.it !== undefined) return text;
  const known = shipped(source);
  if (known?.it === undefined || known.fr !== text.fr || known.en !== text.en) return text;
  return { ...text, it: known.it };
}

/** Every notice Accord ships, by where it sits in the document: the completeness tests check each has three texts. */
export function shippedNotices(): { source: NoticeSource; text: DocumentText }[] {
  const holds = Object.entries(DEFAULT_POLICY.holds).flatMap(([hold, rule]) =>
    rule.notice ? [{ source: { hold: hold as HoldKind }, text: rule.notice }] : [],
  );
  return [...DEFAULT_POLICY.notices.map((notice) => ({ source: { notice: notice.id }, text: notice.text })), ...holds];
}
