import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import type { ExportTable } from '../platform/export/send.js';
import type { PlacementError } from './contract.js';
import { listPlacementErrors } from './placements.js';

/**
 * A placement's rejected lines, as the page lists them (the placement is checked in the actor's scope on every
 * page). The code is stable; the text saying what to fix is the server's, in English (the page translates it by code).
 */
export function placementErrorsExport(deps: Deps, actor: Actor, placementId: string): ExportTable<PlacementError> {
  return {
    fileStem: 'rejected-lines',
    title: { fr: 'Lignes rejetées', en: 'Rejected lines', it: 'Righe respinte' },
    columns: [
      { header: { fr: 'Ligne', en: 'Line', it: 'Riga' }, kind: 'count', value: (e) => e.line },
      { header: { fr: 'Colonne', en: 'Column', it: 'Colonna' }, kind: 'text', value: (e) => e.column },
      { header: { fr: 'Valeur', en: 'Value', it: 'Valore' }, kind: 'text', value: (e) => e.value },
      { header: { fr: 'Code', en: 'Code', it: 'Codice' }, kind: 'text', value: (e) => e.code },
      {
        header: { fr: 'À corriger', en: 'What to fix', it: 'Da correggere' },
        kind: 'text',
        value: (e) => e.message,
        width: 60,
      },
    ],
    readPage: async (paging) => {
      const page = await listPlacementErrors(deps, actor, placementId, paging);
      return { items: page.items, hasMore: paging.offset + page.items.length < page.total };
    },
  };
}
