import type { TFunction } from 'i18next';
import type { CertificationView } from './api.js';

/** A certification's state in words: its status, and how many days it still counts when it ends soon. */
export function certificationStatus(t: TFunction, view: CertificationView): string {
  const status = t(`training.status.${view.status}`);
  if ((view.status === 'expiring' || view.status === 'stale') && view.daysLeft !== null)
    return `${status} (${t('training.daysLeft', { count: view.daysLeft + 1 })})`;
  return status;
}

/** Several certifications named in the reader's language, in one phrase. */
export function certificationNames(t: TFunction, kinds: readonly string[]): string {
  return kinds.map((kind) => t(`training.certificationNames.${kind}`)).join(', ');
}
