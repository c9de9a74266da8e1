/**
 * What the tab needs only when the worker does not answer: core's router and
 * the built-in policy. Bundled on its own (wxt.config.ts, `chunks/local-fallback.js`)
 * and imported by the content script on first need, so the script every
 * helpdesk page loads stays small (issue 13).
 */
import { defaultPolicy } from '../../core/policy/default-policy';
import { decide } from '../../core/route/decide';
import type { Policy } from '../../core/policy/schema';
import type { LocalDecide } from './decide-ticket';

export interface LocalFallback {
  defaultPolicy: Policy;
  decide: LocalDecide;
}

export const fallback: LocalFallback = { defaultPolicy, decide };
