import type { TFunction } from 'i18next';

/**
 * Translates a value the API sends as a code (a stage, a channel, an outcome…). A code the UI does not know yet
 * is shown as it is rather than hidden, so a new server value never makes a row disappear.
 */
export function labelOf(t: TFunction, group: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  return t(`${group}.${value}`, { defaultValue: value });
}

/**
 * The language of server messages that are not translated by code (a verification message, an import failure):
 * marked for screen readers as what they are.
 */
export const SERVER_TEXT_LANG = 'en';

/**
 * The language of texts recorded on case files (timeline summaries, hold and stage reasons): the agency's working
 * language, in which agents and the system write them.
 */
export const RECORD_TEXT_LANG = 'fr';
