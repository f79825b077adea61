import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat, type Formatters } from './format.js';

/**
 * A text the page shows later (a confirmation kept in state): kept as how to say it, not as words, so that it is said
 * in the language on screen when shown, and again after the reader switches language.
 */
export type Saying = (t: TFunction, format: Formatters) => string;

/** Says a kept text in the language on screen. */
export function Said({ saying }: { saying: Saying }) {
  const { t } = useTranslation();
  const format = useFormat();
  return <>{saying(t, format)}</>;
}

/** A kept success message, said in the language on screen, or nothing. */
export function SuccessMessage({ saying }: { saying: Saying | null }) {
  return saying ? (
    <p className="success">
      <Said saying={saying} />
    </p>
  ) : null;
}
