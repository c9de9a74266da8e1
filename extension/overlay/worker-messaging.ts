import { browser } from 'wxt/browser';
import { sendToWorker } from '../messaging/messenger';
import type { ResolvedSettings } from '../settings/resolve';
import type { DraftKey, WorkerClient } from './worker-client';

const draftKey = (key: DraftKey) => `tierline-draft:${key.helpdesk}:${key.ticketId}`;

/**
 * The overlay's client of the background worker, over the typed message
 * protocol. Drafts fall back to extension storage when the worker does not
 * answer (it is being updated or crashed): an agent's typing is never lost.
 * `getSettings` lets the content script share the answer it already asked for.
 *
 * The worker's answers are taken as typed, not parsed again: only this
 * extension's own contexts can answer `runtime.sendMessage` (pages cannot reach
 * it), and the worker built each answer from input it validated itself. Parsing
 * them here put the worker's whole schema set in every helpdesk tab (issue 13).
 * A draft read back from storage is parsed (`parseStoredDraft`, which the tab
 * loads with its fallback chunk: the worker is not there to do it): an older
 * version may have written it.
 */
export function createWorkerClient({
  getSettings = () => sendToWorker('getSettings'),
  parseStoredDraft,
}: { getSettings?: () => Promise<ResolvedSettings>; parseStoredDraft: (stored: unknown) => Promise<Record<string, string> | undefined> }): WorkerClient {
  return {
    async getSettings() {
      const settings = await getSettings();
      return { policy: settings.policy.value, policySource: settings.policy.source, disabledFeatures: settings.values.disabledFeatures, agent: settings.values.agent };
    },
    view: (page, options = {}) => sendToWorker('viewTicket', { page, ...options }),
    readTicket: (page) => sendToWorker('readTicket', { page }),
    readCurrentUser: (helpdesk, body) => sendToWorker('readCurrentUser', { helpdesk, body }),
    readGroups: (helpdesk, body) => sendToWorker('readGroups', { helpdesk, body }),
    async getDraft(key) {
      try {
        const draft = await sendToWorker('getDraft', { key });
        if (draft) return draft;
      } catch {
        // Fall through to the local copy.
      }
      const stored = await browser.storage.local.get(draftKey(key));
      return stored[draftKey(key)] === undefined ? undefined : parseStoredDraft(stored[draftKey(key)]);
    },
    async saveDraft(key, values) {
      try {
        await sendToWorker('saveDraft', { key, values });
      } catch {
        await browser.storage.local.set({ [draftKey(key)]: values });
      }
    },
    async recordEvent(event) {
      await sendToWorker('recordEvent', { event });
    },
    async recordOverride(key, override) {
      await sendToWorker('recordOverride', { key, override });
    },
    async clearOverride(key) {
      await sendToWorker('clearOverride', { key });
    },
    summarize: ({ subject, description, comments = [] }) =>
      sendToWorker('summarize', { input: { subject, description, comments: comments.map((c) => ({ author: c.author, body: c.body, public: c.public })) } }),
    async saveCorrection(ticket, label, modelLabel) {
      await sendToWorker('saveCorrection', { ticket, label, modelLabel });
    },
  };
}
