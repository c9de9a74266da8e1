import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { DraftKey, WorkerClient } from './worker-client';

const draftSchema = z.record(z.string(), z.string());
const draftKey = (key: DraftKey) => `tierline-draft:${key.helpdesk}:${key.ticketId}`;

/**
 * The overlay's worker client. Until the worker's message protocol answers,
 * decisions come from core in the tab and drafts live in extension storage.
 */
export function createWorkerClient(): WorkerClient {
  return {
    getSettings: async () => ({ disabledFeatures: [], agent: 'agent' }),
    decide: () => Promise.reject(new Error('the worker protocol is not available')),
    async getDraft(key) {
      const stored = await browser.storage.local.get(draftKey(key));
      const parsed = draftSchema.safeParse(stored[draftKey(key)]);
      return parsed.success ? parsed.data : undefined;
    },
    async saveDraft(key, values) {
      await browser.storage.local.set({ [draftKey(key)]: values });
    },
    recordEvent: async () => undefined,
    ticketSeen: async () => undefined,
  };
}
