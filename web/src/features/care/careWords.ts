import type { TFunction } from 'i18next';
import type { Formatters } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import type { SignalView, VulnerabilityView } from './api.js';

/** A record's adaptations in words, one line each: channels, hours, pace, a third party present. */
export function adaptationWords(t: TFunction, adaptations: VulnerabilityView['adaptations']): string[] {
  const lines: string[] = [];
  if (adaptations.channels)
    lines.push(
      t('care.adaptations.channels', {
        channels: adaptations.channels.map((channel) => labelOf(t, 'values.channels', channel)).join(', '),
      }),
    );
  if (adaptations.windows)
    lines.push(
      t('care.adaptations.windows', {
        windows: adaptations.windows.map((window) => `${window.from}–${window.to}`).join(', '),
      }),
    );
  if (adaptations.minDaysBetweenContacts !== null)
    lines.push(t('care.adaptations.pace', { count: adaptations.minDaysBetweenContacts }));
  if (adaptations.thirdPartyPresent) lines.push(t('care.adaptations.thirdParty'));
  return lines.length === 0 ? [t('care.adaptations.none')] : lines;
}

/** Why a signal was raised, from its reasons' parameters, in the reader's language and formats. */
export function signalReasonWords(t: TFunction, format: Formatters, signal: SignalView): string {
  const r = signal.reasons;
  const day = (value: string | number | undefined) => (typeof value === 'string' ? format.date(value) : '');
  const money = (value: string | number | undefined) => (typeof value === 'number' ? format.money(value) : '');
  return t(`care.signals.reasons.${signal.kind}`, {
    assessedOn: day(r.assessedOn),
    capacity: money(r.capacityCents),
    resources: money(r.resourcesCents),
    rsa: money(r.householdRsaCents),
    on: day(r.on),
    since: day(r.since),
    calls: r.calls ?? 0,
    count: r.count ?? 0,
  });
}
