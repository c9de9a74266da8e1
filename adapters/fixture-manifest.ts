import type { CurrentUser } from './types';

/**
 * What each adapter's `__fixtures__` folder holds, as data: the conformance
 * suite reads it, and the demo server serves the same files as a fake helpdesk
 * (pages at `page.url`, API responses at `apiRoutes`). Paths are relative to `dir`.
 */
export interface FixturePage {
  /** e.g. `agent-workspace/ticket.1001.html`: `<ui-generation>/<page-kind>.<case>.html`. */
  file: string;
  /** The URL the page is served at (on the demo host). */
  url: string;
  /** The ticket id or issue key the page shows. */
  ref: string;
  /** Whether the UI generation is the current one (older ones exercise the `...Legacy` resolvers). */
  current: boolean;
  /** Overlay parts that have a place on this page (default: badge and checklist). */
  mounts?: ('badge' | 'checklist')[];
}

export interface AdapterFixtures {
  /** The `__fixtures__` folder. */
  dir: URL;
  /** The demo origin the pages and API are served from, e.g. `https://acme.zendesk.com`. */
  origin: string;
  pages: FixturePage[];
  /** Same-origin API path (without query) → fixture file. A ticket without routes has no API (the DOM fallback case). */
  apiRoutes: Record<string, string>;
  /** Tickets whose API is fully served by `apiRoutes`. */
  apiTickets: string[];
  /** The signed-in agent the current-user fixture in `apiRoutes` describes, as `readCurrentUser` returns it. */
  currentUser?: CurrentUser;
}
