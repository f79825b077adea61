import { useTranslation } from 'react-i18next';
import { useLiveData } from '../../api/useLiveData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { getUnmatchedSmsReplies } from './api.js';
import { SmsReplies } from './MessagesPanel.js';

/** The SMS replies no case could be matched to (managers): a person finds the debtor by hand. */
export function UnmatchedSmsReplies() {
  const { t } = useTranslation();
  const replies = useLiveData((signal) => getUnmatchedSmsReplies(signal), 'sms-replies-unmatched');
  return (
    <section className="card" aria-labelledby="unmatched-replies">
      <h2 id="unmatched-replies">{t('messages.replies.unmatchedHeading')}</h2>
      <p className="muted">{t('messages.replies.unmatchedIntro')}</p>
      <AsyncContent data={replies} onRetry={replies.reload}>
        {(found) =>
          found.items.length === 0 ? (
            <p>{t('messages.replies.unmatchedNone')}</p>
          ) : (
            <SmsReplies replies={found.items} caption={t('messages.replies.unmatchedHeading')} />
          )
        }
      </AsyncContent>
    </section>
  );
}
