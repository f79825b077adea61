import type { TFunction } from 'i18next';

const ORDER = ['recorded', 'queued', 'reversed', 'ignored', 'pending'] as const;

/** An import's counts in plain words ("4 lignes enregistrées comme paiements, 2 lignes en attente…"). */
export function countsText(t: TFunction, counts: Record<string, number> | null): string {
  if (!counts) return t('common.none');
  return ORDER.filter((status) => (counts[status] ?? 0) > 0)
    .map((status) => t(`payments.bank.counts.${status}`, { count: counts[status] }))
    .join(', ');
}
