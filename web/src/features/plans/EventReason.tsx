import { useTranslation } from 'react-i18next';
import type { RecordTextView } from '../../../../src/cases/contract.js';
import { useFormat } from '../../i18n/format.js';
import { sayRecord } from '../portfolio/recordText.js';

/**
 * A plan history reason in the reader's language: the system's as a text of the case file (its key and parameters,
 * amounts and dates in the reader's format), a person's as written.
 */
export function EventReason({ text, written }: { text: RecordTextView | null; written: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (text === null) return <>{written ?? ''}</>;
  return <>{sayRecord(t, format, text, null)?.words ?? ''}</>;
}
