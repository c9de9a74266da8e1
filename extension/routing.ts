import { createRouter, type Router } from '../core/route/decide';
import type { SettingsReader } from './settings/read-settings';

/**
 * The router for the policy in force, compiled once per policy object (the
 * settings reader hands out the same object until a source changes).
 */
export function createRouting(settings: SettingsReader): () => Promise<Router> {
  let compiled: { policy: object; router: Router } | undefined;
  return async () => {
    const policy = (await settings.get()).policy.value;
    if (compiled?.policy !== policy) compiled = { policy, router: createRouter(policy) };
    return compiled.router;
  };
}
