import { type ListenOptions, onValidated } from '../messaging/protocol';
import type { SettingsReader } from '../settings/read-settings';
import type { Store } from '../store/store';
import { exportCorrections, saveCorrection } from './corrections';
import type { ModelSource } from './model-source';
import { suggestFor, triageText } from './suggest';

export interface AiHandlerDeps {
  store: Store;
  settings: SettingsReader;
  models: ModelSource;
  extensionId: string;
  now?: () => Date;
  onMessage?: ListenOptions['onMessage'];
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

  onValidated(
    'suggest',
    async ({ ticket }) => {
      const { values, policy } = await settings.get();
      if (!values['ai.enabled']) return null;
      const active = await models.current();
      return active ? suggestFor(active, policy.value, ticket, { now: now() }) : null;
    },
    listen,
  );
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
}
