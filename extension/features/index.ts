import aiSuggestion from './ai-suggestion';
import handoffChecklist from './handoff-checklist';
import handoffReceived from './handoff-received';
import override from './override';
import type { Feature } from './registry';
import tierBadge from './tier-badge';
import triggerWarnings from './trigger-warnings';

/** Every overlay feature, in drawing order. A meta-test checks ids match file names. */
export const FEATURES: readonly Feature[] = [tierBadge, handoffReceived, triggerWarnings, handoffChecklist, override, aiSuggestion];
