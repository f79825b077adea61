/**
 * Rows read so far by imports running in this process. An import holds its transaction to the end, so its
 * progress cannot be read from the database; the process running it answers instead (on the embedded engine,
 * always the process serving the API).
 */
const running = new Map<string, number>();

export const importProgress = {
  set(placementId: string, rowsRead: number) {
    running.set(placementId, rowsRead);
  },
  get(placementId: string): number | null {
    return running.get(placementId) ?? null;
  },
  clear(placementId: string) {
    running.delete(placementId);
  },
};
