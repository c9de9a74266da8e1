import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { prepareZone } from '../core/clock/zone';
import { registerAiHandlers } from '../extension/ai/handlers';
import { createModelSource, modelSuggestionFor } from '../extension/ai/model-source';
import { createSuggest } from '../extension/ai/suggest';
import { startCustomHostSync } from '../extension/hosts/start-host-sync';
import { registerHandlers } from '../extension/messaging/handlers';
import { createRouting } from '../extension/routing';
import { createSettingsReader } from '../extension/settings/read-settings';
import { openDb } from '../extension/store/open-db';
import { createStore } from '../extension/store/store';
import { startSync } from '../extension/sync/start-sync';
import { startQueueTimers } from '../extension/timers/queue-timers';

// Everything is registered synchronously: an event that wakes a stopped worker
// (an alarm, a message) is only delivered to listeners added in the first turn.
export default defineBackground(() => {
  const store = createStore(openDb());
  const settings = createSettingsReader({ storage: browser.storage, store });
  const route = createRouting(settings);
  const sync = startSync({ store, settings });
  // Firefox builds MV2, where the toolbar button is browserAction.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const timers = startQueueTimers({
    store,
    apis: { alarms: browser.alarms, notifications: browser.notifications, action },
    route,
    notificationsEnabled: async () => (await settings.get()).values.notifications,
    onAlarm: () => void sync.run(),
  });
  // The demo model is generated at build time (wxt.config.ts), so WXT's typed public paths do not list it.
  const demoUrl = (browser.runtime.getURL as (path: string) => string)('/demo-model.json');
  const models = createModelSource({ store, settings, demoUrl });
  // A woken worker starts cold: the router for the policy in force is compiled at once, while the tab that woke it
  // is still reading its ticket. The triage model loads when a view asks for it the second time (issue 13).
  void route().catch(() => undefined);
  // The time-zone data the first decision's clocks need, set up in the first idle moment: before the tab's message
  // arrives, or while its handler waits for storage.
  setTimeout(() => prepareZone('UTC'), 0);
  registerHandlers({
    store,
    settings,
    route,
    sync,
    timers,
    extensionId: browser.runtime.id,
    modelFor: (ticket) => modelSuggestionFor(models, settings, ticket),
    suggest: createSuggest({ models, settings }),
    loadModel: async () => (await settings.get()).values['ai.enabled'] && models.current(),
  });
  registerAiHandlers({
    store,
    settings,
    models,
    extensionId: browser.runtime.id,
    // The OpenAI-compatible endpoint's host is asked for at run time (options page); without it nothing is sent.
    hasPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
  });
  // The overlay on admin-listed custom domains: registered once their host permission is granted.
  startCustomHostSync({ apis: browser, settings });
  const keepAlarm = () => void settings.get().then(({ values }) => timers.ensureAlarm(values.alarmPeriodMinutes));
  browser.storage.onChanged.addListener(keepAlarm);
  keepAlarm();
});
