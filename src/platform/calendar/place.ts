/**
 * Where business days are counted: a country and, where holidays differ inside it, the region. Apart from
 * `business-days.ts` and its holiday tables so that a module the web app takes in can name a place (a plan's terms, a
 * judicial deadline's rule) without taking the tables with it.
 */
export interface BusinessPlace {
  /** ISO 3166-1 alpha-2: FR or IT. */
  country: string;
  /** The address's subdivision as the code stores it: a French département ('57', '971'), an Italian region code. */
  region?: string | null;
}
