import { configuredTransports } from '../communications/configured-transports.js';
import { normalisePhone } from '../intake/core/contacts.js';
import type { Locale } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { SIGN_IN } from './core/access.js';

const codeNotSent = () =>
  new AppError(
    'portal.code_not_sent',
    503,
    'The code could not be sent just now: try again in a few minutes, or choose another phone or address.',
  );

/** The words of the code's message: who sends it, the code, how long it lasts, and never to give it to anyone. */
export function oneTimeCodeText(agency: string, code: string, language: Locale) {
  const minutes = SIGN_IN.codeMinutes;
  return {
    fr: {
      subject: 'Votre code de connexion',
      text: `${agency} : votre code de connexion à votre espace est ${code}. Il est valable ${minutes} minutes. Ne le donnez à personne, pas même à nous.`,
    },
    en: {
      subject: 'Your sign-in code',
      text: `${agency}: your code to sign in to your space is ${code}. It is valid for ${minutes} minutes. Never give it to anyone, not even to us.`,
    },
    it: {
      subject: 'Il suo codice di accesso',
      text: `${agency}: il codice per accedere al suo spazio è ${code}. È valido ${minutes} minuti. Non lo comunichi a nessuno, nemmeno a noi.`,
    },
  }[language];
}

/**
 * Sends a sign-in code through this process's SMTP or SMPP door, at once: the person waits for it. It is not a
 * message about the debt (no outbox, no contact counted by the policy); a door that is not configured or fails
 * answers 503 so the person can ask again.
 */
export async function sendOneTimeCode(
  deps: Deps,
  input: { challengeId: string; point: { channel: string; value: string }; code: string; language: Locale },
): Promise<void> {
  const transports = configuredTransports(deps);
  const words = oneTimeCodeText(deps.config.AGENCY_NAME, input.code, input.language);
  try {
    if (input.point.channel === 'email') {
      if (!transports.email) throw codeNotSent();
      await transports.email.send({
        messageId: input.challengeId,
        to: input.point.value,
        subject: words.subject,
        text: words.text,
        unsubscribeUrl: null,
      });
    } else {
      const phone = normalisePhone(input.point.value, null);
      if (!transports.sms || !phone.ok) throw codeNotSent();
      await transports.sms.send({ messageId: input.challengeId, to: phone.e164, text: words.text });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw codeNotSent();
  }
}
