/**
 * Code the helpdesk tab loads only when it needs it (issue 13). WXT bundles a
 * content script as one classic script, so wxt.config.ts's `build:done` hook
 * bundles each of these on its own as an ES module the script imports on first
 * use; the manifest lists them in web_accessible_resources. Paths are relative
 * to the extension root (and `entry` to the project root).
 */
export const LAZY_CHUNKS = {
  /** The worker's reading of a page (vendor schemas, normalizer), core's router and the built-in policy, for when the worker does not answer. */
  fallback: { entry: 'extension/overlay/local-fallback.ts', file: 'chunks/local-fallback.js' },
  /** Chrome's built-in Summarizer and core's checks on its answer, where this browser has one. */
  summary: { entry: 'extension/ai/summarize-ticket.ts', file: 'chunks/summary.js' },
  /** The handoff note and its write-back, for when the agent escalates. */
  escalation: { entry: 'extension/overlay/escalate.ts', file: 'chunks/escalation.js' },
  /** The drawer's handoff checklist, override dialog and received-handoff panel, when the open drawer first draws them. */
  drawer: { entry: 'extension/features/drawer-chunk/index.ts', file: 'chunks/drawer.js' },
} as const;

export type ChunkId = keyof typeof LAZY_CHUNKS;

/** Each chunk's module, loaded on first call (tests import the modules themselves). */
export interface LazyCode {
  fallback(): Promise<typeof import('./local-fallback')>;
  summary(): Promise<typeof import('../ai/summarize-ticket')>;
  escalation(): Promise<typeof import('./escalate')>;
  drawer(): Promise<typeof import('../features/drawer-chunk/index')>;
}
