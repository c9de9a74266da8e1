export { type LaunchedBrowser, type LaunchOptions, launchBrowser, type WorkerStatus } from './browser';
export {
  type HelpdeskServer,
  type HelpdeskServerOptions,
  type RecordedRequest,
  type Route,
  type RouteHandler,
  type RouteResponse,
  type Routes,
  startHelpdeskServer,
} from './helpdesk-server';
export { MANAGED_POLICY_DIR, type ManagedPolicy, SYSTEM_POLICY_ALLOWED, SYSTEM_POLICY_SKIP_REASON, writeManagedPolicy, writeManagedPolicyFile } from './managed-policy';

/**
 * `chrome` as seen inside `worker.evaluate(...)` and extension pages:
 * `(globalThis as unknown as ExtensionGlobal).chrome.runtime.id`.
 */
export type ExtensionGlobal = { chrome: typeof import('wxt/browser').browser };
export { callWorker } from './worker-messages';
