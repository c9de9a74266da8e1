/**
 * The drawer's heavier sections, a lazily imported chunk (`chunks/drawer.js`,
 * ../../overlay/chunks.ts): the handoff checklist with its completeness check,
 * the override dialog with its preview, and a received handoff to confirm. The
 * features that own them (../handoff-checklist.tsx, ../override.tsx,
 * ../handoff-received.tsx) load it when the open drawer first draws them, so
 * the script every helpdesk page loads stays small and the badge never waits
 * for it (issue 13). Bundled on its own, it draws with its own copy of Preact
 * into elements the content script hands it.
 */
export { drawHandoffChecklist } from './handoff-checklist';
export { drawHandoffReceived } from './handoff-received';
export { drawOverride } from './override';
