import type { CompiledPolicy } from './compile.js';
import { CHANNEL_BIT, maskOf } from './compile.js';
import type { Block } from './block.js';
import type { CareFact } from './facts.js';
import type { Channel } from './policy-document.js';
import type { Prepared } from './prepared.js';
import { capBlocks, hoursBlock, spacingBlocks, spacingUntil, weekdayRanges } from './rule-checks.js';
import { TIME } from '../../platform/calendar/index.js';

/**
 * The care rules (REGULATION §5, FG21/1): a debtor's vulnerability adaptations and the policy's care profile. They
 * only ever add refusals to those of the rest of the policy, so a debtor in care is never contacted where another
 * would not be. Every rule id starts with `care.`: need-to-know shows them to others as a neutral care rule.
 */

export const CARE_RULE_PREFIX = 'care.';

const EVERY_CHANNEL = maskOf(['phone', 'sms', 'email', 'letter']);

/**
 * Adds the care rules' refusals of `channel` at `t`. A callback the debtor asked for keeps to the adaptations'
 * channels and hours (agreed with them or for them) but, as with the usual caps and spacing, not to the pace, the
 * profile's caps and spacing, or writing first: the debtor asked for that call.
 */
export function careBlocks(
  policy: CompiledPolicy,
  prepared: Prepared,
  care: CareFact,
  channel: Channel,
  t: number,
  callback: boolean,
  blocks: Block[],
) {
  const bit = CHANNEL_BIT[channel];
  const { channels, windows, minDaysBetweenContacts } = care.adaptations;
  // Like a preference, an adaptation never closes the legally required letters (the policy's always-open channels).
  if (channels !== null && !channels.includes(channel) && (policy.alwaysOpenMask & bit) === 0) {
    blocks.push({ rule: 'care.channel', until: null, params: { channels: channels.join(',') } });
  }
  if (windows !== null && (policy.windowMask & bit) !== 0) {
    const byWeekday = weekdayRanges(windows);
    const opening = hoursBlock(prepared.facts.location.timeZone, t, (_day, weekday) => byWeekday[weekday]!);
    if (opening !== undefined) blocks.push({ rule: 'care.hours', until: opening });
  }
  if (callback) return;
  if (minDaysBetweenContacts !== null) {
    const until = spacingUntil(prepared.outboundTimes(EVERY_CHANNEL), minDaysBetweenContacts * TIME.DAY_MS, t);
    if (until !== undefined) blocks.push({ rule: 'care.pace', until, params: { days: minDaysBetweenContacts } });
  }
  if ((policy.care.writtenFirstMask & bit) !== 0) {
    const written = care.firstWrittenAt;
    if (written === null || written > t) blocks.push({ rule: 'care.written_first', until: written });
  }
  capBlocks(policy.care.caps, 'care.cap.', prepared, bit, t, blocks);
  spacingBlocks(policy.care.spacing, 'care.spacing.', prepared, bit, t, blocks);
}

/** The history a care rule may look at, either side of the moment (the longest pace an adaptation may set). */
export const CARE_PACE_REACH_MS = 90 * TIME.DAY_MS;
