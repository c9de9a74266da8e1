import { summarizeWithFallback } from '../../core/summary/provider';
import { type ListenOptions, onValidated } from '../messaging/protocol';
import type { SettingsReader } from '../settings/read-settings';
import type { Store } from '../store/store';
import { exportCorrections, saveCorrection } from './corrections';
import type { ModelSource } from './model-source';
import { triageText } from '../../core/triage/ticket-text';
import { createSuggest } from './suggest';
import { openAiProvider } from './summary-providers';

export interface AiHandlerDeps {
  store: Store;
  settings: SettingsReader;
  models: ModelSource;
  extensionId: string;
  now?: () => Date;
  onMessage?: ListenOptions['onMessage'];
  /** `browser.permissions.contains` for an origin: the OpenAI-compatible endpoint's host permission is asked at run time. */
  hasPermission?: (origin: string) => Promise<boolean>;
  fetch?: typeof fetch;
}

/**
 * The worker's AI answers: the model's gated suggestion for a ticket, the
 * model's status and import (options page), and the agents' corrections.
 * Registered beside the routing handlers, through the same `onValidated`.
 */
export function registerAiHandlers(deps: AiHandlerDeps): void {
  const { store, settings, models } = deps;
  const now = deps.now ?? (() => new Date());
  const listen = { extensionId: deps.extensionId, ...(deps.onMessage ? { onMessage: deps.onMessage } : {}) };

  const suggest = createSuggest({ models, settings, now });
  onValidated('suggest', async ({ ticket }) => (await suggest(ticket)) ?? null, listen);
  onValidated('getModelStatus', () => models.status(), listen);
  onValidated('importModel', ({ file }) => models.importModel(file), listen);
  onValidated(
    'saveCorrection',
    async ({ ticket, label, modelLabel }) => {
      await saveCorrection(store, { text: triageText(ticket), label, modelLabel, at: now().toISOString() });
    },
    listen,
  );
  onValidated('exportCorrections', () => exportCorrections(store), listen);
  onValidated(
    'summarize',
    async ({ input }) => {
      const { values } = await settings.get();
      // Off by default: only an admin-chosen endpoint with a model name is ever sent anything (redacted first).
      const remote =
        values['ai.enabled'] && values['ai.provider'] === 'openai-compatible' && values['ai.endpoint'] && values['ai.model']
          ? [
              openAiProvider({
                endpoint: values['ai.endpoint'],
                model: values['ai.model'],
                apiKey: values['ai.apiKey'],
                hasPermission: deps.hasPermission ?? (async () => false),
                ...(deps.fetch ? { fetch: deps.fetch } : {}),
              }),
            ]
          : [];
      return summarizeWithFallback(remote, input);
    },
    listen,
  );
}
