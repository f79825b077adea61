import type { Coverage, HelpsWith } from '../../core/vocabulary.js';
import { regionOf } from './areas.js';

export interface DirectoryEntry {
  id: string;
  name: string;
  country: string;
  helpsWith: readonly HelpsWith[];
  coverage: Coverage;
  area: string | null;
  active: boolean;
}

export interface DebtorPlace {
  country: string;
  /** The département (France) or province (Italy) of the debtor's address, when known. */
  department: string | null;
}

/**
 * Whether an organisation serves a debtor who lives there: the same country, and national, or acting in the debtor's
 * département or province, or in its region. A debtor whose département is unknown is served by national ones only.
 */
export function serves(entry: DirectoryEntry, place: DebtorPlace): boolean {
  if (!entry.active || entry.country !== place.country) return false;
  if (entry.coverage === 'national') return true;
  if (place.department === null) return false;
  const department = place.department.trim().toUpperCase();
  if (entry.coverage === 'department') return entry.area?.toUpperCase() === department;
  return entry.area !== null && regionOf(place.country, department) === entry.area;
}

/**
 * The organisations to suggest for a debtor, those helping with what is needed (when said): nearest first (the
 * département's, then the region's, then the national ones), by name within each (ties keep the given order).
 */
export function suggest<T extends DirectoryEntry>(entries: readonly T[], place: DebtorPlace, need?: HelpsWith): T[] {
  const rank: Record<Coverage, number> = { department: 0, region: 1, national: 2 };
  return entries
    .filter((entry) => serves(entry, place) && (need === undefined || entry.helpsWith.includes(need)))
    .sort((a, b) => rank[a.coverage] - rank[b.coverage] || a.name.localeCompare(b.name, 'fr'));
}
