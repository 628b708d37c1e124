/**
 * The panel's stages as User Timing marks ("backstory:read" …), visible in
 * DevTools' Performance panel and read by `npm run bench:browser`: "boot"
 * when the panel's script starts, then one set per read of a tab (each read
 * starts a fresh set, so the marks always describe the last; a quiet re-read
 * of a page whose report is on screen adds none unless the article changed).
 */
export type PanelStage = 'boot' | 'read' | 'extracted' | 'analysed' | 'shown';

const PER_READ: PanelStage[] = ['read', 'extracted', 'analysed', 'shown'];

/** Marks a stage; `detail` rides along (the analysis marks the report's own timings). */
export function markStage(stage: PanelStage, detail?: unknown): void {
  if (typeof performance === 'undefined' || !performance.mark) return;
  if (stage === 'read') for (const name of PER_READ) performance.clearMarks(`backstory:${name}`);
  performance.mark(`backstory:${stage}`, detail === undefined ? undefined : { detail });
}
