/**
 * Talks to the extension's worker the way the extension's own pages do: from
 * an extension page, with @webext-core/messaging's wire format
 * (`{ id, type, data, timestamp }` → `{ res } | { err }`). The worker cannot
 * message itself, so tests drive it from a page such as options.html; a
 * message to a stopped worker starts it, like any real extension event.
 */
import type { Page } from 'playwright-core';
import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import type { ProtocolMap } from '../../../extension/messaging/protocol';

type Data<K extends keyof ProtocolMap> = GetDataType<ProtocolMap[K]>;

export async function callWorker<K extends keyof ProtocolMap>(page: Page, type: K, ...[data]: Data<K> extends undefined ? [] : [Data<K>]): Promise<GetReturnType<ProtocolMap[K]>> {
  const answer = await page.evaluate(
    async ({ type, data }) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      return runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() });
    },
    { type, data: data as unknown },
  );
  const { res, err } = (answer ?? { err: { message: `no answer to "${type}"` } }) as { res?: unknown; err?: { message?: string } };
  if (err) throw new Error(`The worker refused "${type}": ${err.message ?? JSON.stringify(err)}`);
  return res as GetReturnType<ProtocolMap[K]>;
}
