import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { reminderLetterPdfUrl, type ReminderLetterPreview } from './api.js';

/**
 * A reminder letter by post as it would go out now, in the case's message form: its references (the first letter it
 * cites), the envelope's window, the body the template in force renders, and the PDF itself as the mail house will
 * print it; then the button that issues it for the next print run (the contact policy decides then).
 */
export function ReminderLetterPreviewBlock(props: {
  caseId: string;
  letter: ReminderLetterPreview;
  busy: boolean;
  onSend: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { letter } = props;
  return (
    <div className="wide message-preview" aria-live="polite">
      <h3>{t('messages.letter.previewHeading')}</h3>
      <p>
        {t('messages.letter.references', {
          reference: letter.reference,
          sentOn: format.date(letter.sentOn),
          firstLetter: letter.firstLetterReference,
          firstLetterSentOn: format.date(letter.firstLetterSentOn),
        })}
      </p>
      <p>{t('messages.letter.amount', { amount: format.money(letter.amountDemandedCents) })}</p>
      <p>
        <strong>{t('messages.letter.address')}</strong>
      </p>
      <p>
        {letter.recipient.map((line, index) => (
          <span key={index}>
            {line}
            <br />
          </span>
        ))}
      </p>
      <pre className="message-text" lang={letter.language}>
        {letter.body}
      </pre>
      <p>
        <a href={reminderLetterPdfUrl(props.caseId)} target="_blank" rel="noopener noreferrer">
          {t('messages.letter.pdf')}
        </a>
      </p>
      <p className="hint">{t('messages.letter.printRun')}</p>
      <div className="form-actions">
        <button type="button" className="button primary" disabled={props.busy} onClick={props.onSend}>
          {t('messages.letter.send')}
        </button>
      </div>
    </div>
  );
}
