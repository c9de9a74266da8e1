/** The overlay features an administrator can switch off (managed `disabledFeatures`), one per file in extension/features/. */
export const OVERLAY_FEATURE_IDS = ['tier-badge', 'trigger-warnings', 'handoff-checklist', 'override', 'ai-suggestion'] as const;
export type OverlayFeatureId = (typeof OVERLAY_FEATURE_IDS)[number];
