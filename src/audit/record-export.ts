import type { Deps } from '../platform/deps.js';
import type { ExportFormat, ExportLocale } from '../platform/export/table.js';
import { exportContext, type ExportContext, type ExportSent } from '../platform/export/send.js';
import { appendAudit } from './append.js';
import { EXPORTED_LISTS, type ExportedList } from './core/actions.js';

export { EXPORTED_LISTS, type ExportedList };

/** The reader of an export, as the request's actor gives it (the audit module knows no identity type). */
export interface ExportReader {
  userId: string;
  role: string;
  creditorId: string | null;
  locale: ExportLocale;
}

export interface ExportRequest {
  list: ExportedList;
  /** The list's query as the reader sent it, format included: the filters are kept as given. */
  query: Record<string, unknown> & { format: ExportFormat };
  /** What the list belongs to, when it is one thing's (a placement's rejected lines). */
  target?: { type: string; id: string } | undefined;
  requestId: string;
}

/**
 * The context of an export that writes its audit entry `export.<list>`: who, which list, which filters, the format,
 * how many rows went and whether the whole list did. A creditor user's export is filed under its creditor, another's
 * under the creditor its filter names, if any.
 */
export function auditedExportContext(deps: Deps, reader: ExportReader, request: ExportRequest): ExportContext {
  const { format, ...filters } = request.query;
  const creditorId = reader.creditorId ?? (typeof filters.creditorId === 'string' ? filters.creditorId : null);
  const record = (sent: ExportSent) =>
    deps.db.transaction().execute(async (trx) => {
      await appendAudit(trx, {
        actor: { userId: reader.userId, role: reader.role },
        action: `export.${request.list}`,
        targetType: request.target?.type ?? 'list',
        targetId: request.target?.id ?? null,
        creditorId,
        after: { list: request.list, format, filters, rows: sent.rows, completed: sent.completed },
        requestId: request.requestId,
        at: deps.now(),
      });
    });
  return exportContext(deps, reader, format, record);
}
