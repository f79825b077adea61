import { rm } from 'node:fs/promises';
import type { Deps } from '../platform/deps.js';
import { importFile } from './import-file.js';
import type { CasesClosedHook } from './merge.js';

export const INTAKE_IMPORT = 'intake-import';

export interface ImportJobData {
  placementId: string;
  path: string;
  actorUserId: string | null;
  actorRole: string | null;
  requestId: string | null;
}

/** The background import of an uploaded file. The file is deleted once imported (or refused). */
export async function runImportJob(
  deps: Deps,
  data: ImportJobData,
  onCasesClosed: CasesClosedHook | undefined,
): Promise<void> {
  try {
    await importFile(deps, data.placementId, data.path, {
      actor: { userId: data.actorUserId, role: data.actorRole },
      requestId: data.requestId,
      onCasesClosed,
    });
  } finally {
    await rm(data.path, { force: true });
  }
}
