import { useTranslation } from 'react-i18next';
import type { PlacementStatus } from './api.js';
import { labelOf } from '../../i18n/labels.js';

const MARKS: Record<PlacementStatus, string> = {
  pending: '…',
  running: '↻',
  completed: '✓',
  rejected: '✗',
  failed: '!',
};

/** The status of a placement in words, with a colour and a mark for scanning (never the colour alone). */
export function PlacementStatusBadge({ status }: { status: PlacementStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge placement-${status}`}>
      <span aria-hidden="true">{MARKS[status]} </span>
      {labelOf(t, 'placements.statuses', status)}
    </span>
  );
}
