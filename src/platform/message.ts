/** A text a person reads, in each language of the agency: French, English and Italian. */
export interface Message {
  fr: string;
  en: string;
  it: string;
}
