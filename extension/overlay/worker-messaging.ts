import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { sendToWorker } from '../messaging/messenger';
import type { ResolvedSettings } from '../settings/resolve';
import type { DraftKey, WorkerClient } from './worker-client';

const draftKey = (key: DraftKey) => `tierline-draft:${key.helpdesk}:${key.ticketId}`;
const storedDraftSchema = z.record(z.string(), z.string());

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
 * A draft read back from storage is parsed: an older version may have written it.
 */
export function createWorkerClient({ getSettings = () => sendToWorker('getSettings') }: { getSettings?: () => Promise<ResolvedSettings> } = {}): WorkerClient {
  return {
    async getSettings() {
      const settings = await getSettings();
      return { policy: settings.policy.value, policySource: settings.policy.source, disabledFeatures: settings.values.disabledFeatures, agent: settings.values.agent };
    },
    view: (ticket, options = {}) => sendToWorker('viewTicket', { ticket, ...options }),
    async getDraft(key) {
      try {
        const draft = await sendToWorker('getDraft', { key });
        if (draft) return draft;
      } catch {
        // Fall through to the local copy.
      }
      const stored = await browser.storage.local.get(draftKey(key));
      const parsed = storedDraftSchema.safeParse(stored[draftKey(key)]);
      return parsed.success ? parsed.data : undefined;
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
