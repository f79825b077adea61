import { useTranslation } from 'react-i18next';
import { RECORD_TEXT_LANG } from '../../i18n/labels.js';
import { SHIPPED_POLICY_NOTE } from '../../../../src/contact-policy/contract.js';

/** A version's note: the shipped version's in the reader's language, an author's in the words written. */
export function VersionNote({ note }: { note: string }) {
  const { t } = useTranslation();
  if (note === SHIPPED_POLICY_NOTE) return <span>{t('contactPolicy.shippedNote')}</span>;
  return <span lang={RECORD_TEXT_LANG}>{note}</span>;
}
