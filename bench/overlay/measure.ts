/**
 * One sample each, in a real tab: navigation → badge visible (read from the
 * page's own clock, see BADGE_STOPWATCH), the content script's data → paint
 * measure, and a churning page's main-thread task time.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { BADGE, BADGE_STOPWATCH } from './pages';

/** What the stopwatch and the churn script leave on the page's window. */
interface BenchWindow {
  __tlBadgeAt?: number;
  __churnDone?: boolean;
  __churnFrames?: number;
}

/** The content script's measure (extension/overlay/ticket-session.tsx MEASURE_DATA_TO_PAINT). */
export const DATA_TO_PAINT = 'tierline:data-to-paint';
const MARK_DATA = 'tierline:ticket-data';

export interface BadgeSample {
  /** Navigation start → first frame with the badge visible; null when it did not show within the timeout. */
  ms: number | null;
  /** The first `tierline:data-to-paint` of the page load, read from the page's main world. */
  dataToPaint: number | null;
}

/** A tab that times each of its navigations to the badge. */
export async function stopwatchPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(BADGE_STOPWATCH);
  return page;
}

async function firstMeasure(page: Page, timeoutMs = 3000): Promise<number | null> {
  try {
    const handle = await page.waitForFunction(
      (name) => performance.getEntriesByName(name, 'measure')[0]?.duration,
      DATA_TO_PAINT,
      { timeout: timeoutMs, polling: 50 },
    );
    return (await handle.jsonValue()) ?? null;
  } catch {
    return null;
  }
}

/**
 * Navigates `page` to `url` and times it to the badge. The tab is brought to the front first, as the tab an agent
 * navigates in is: Chromium draws a background tab about once a second, so a badge drawn there shows on the next
 * of those frames (the run keeps one tab per helpdesk open, and only one can be in front).
 */
export async function timeBadge(page: Page, url: string, timeoutMs = 10_000): Promise<BadgeSample> {
  await page.bringToFront();
  await page.goto(url, { waitUntil: 'commit' });
  try {
    await page.waitForFunction(() => (window as BenchWindow).__tlBadgeAt !== undefined, undefined, { timeout: timeoutMs, polling: 50 });
  } catch {
    return { ms: null, dataToPaint: null };
  }
  const ms = (await page.evaluate(() => (window as BenchWindow).__tlBadgeAt)) ?? null;
  // Playwright's own idea of visible must agree with the stopwatch's.
  await page.locator(BADGE).first().waitFor({ state: 'visible', timeout: 2000 });
  return { ms, dataToPaint: await firstMeasure(page) };
}

export interface WorldCheck {
  mainWorld: string[];
  contentScriptWorld: string[] | null;
}

/**
 * The content script's performance marks as its own isolated world sees them
 * and as the page's main world does (CDP Runtime.evaluate in each context):
 * the two lists are equal when the worlds share one performance timeline.
 */
export async function compareWorlds(page: Page): Promise<WorldCheck> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; name: string; origin: string; isDefault: boolean }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = (context.auxData ?? {}) as { isDefault?: boolean; frameId?: string };
    contexts.push({ id: context.id, name: context.name, origin: context.origin, isDefault: aux.isDefault === true });
  });
  await cdp.send('Runtime.enable');
  const expression = `JSON.stringify(performance.getEntries().filter((e) => e.name === '${MARK_DATA}' || e.name === '${DATA_TO_PAINT}').map((e) => e.entryType + ' ' + e.name + ' @' + e.startTime.toFixed(3)))`;
  const read = async (contextId: number) => JSON.parse((await cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true })).result.value as string) as string[];
  const main = contexts.find((c) => c.isDefault);
  const extension = contexts.find((c) => !c.isDefault && c.origin.startsWith('chrome-extension://'));
  const result = { mainWorld: main ? await read(main.id) : [], contentScriptWorld: extension ? await read(extension.id) : null };
  await cdp.detach();
  return result;
}

export interface ChurnSample {
  /** Main-thread task time of the tab (CDP Performance TaskDuration, thread CPU time) from commit to the end of the churn + settle. */
  taskMs: number;
  scriptMs: number;
  badgeMs: number | null;
  dataToPaint: number | null;
  frames: number;
}

/** Time after the churn stops that is still counted: coalesced updates the extension runs once the page goes quiet. */
const SETTLE_MS = 300;

/** Opens the churning page in a fresh tab and measures it until the churn ends. */
export async function timeChurn(context: BrowserContext, url: string): Promise<ChurnSample> {
  const page = await stopwatchPage(context);
  try {
    const cdp = await context.newCDPSession(page);
    // threadTicks: durations in the main thread's CPU time, so time the thread spent descheduled by
    // the other jobs on this shared machine is not counted as the page's work.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.bringToFront();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as BenchWindow).__churnDone === true, undefined, { timeout: 20_000, polling: 250 });
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
    const state = await page.evaluate(() => ({ badge: (window as BenchWindow).__tlBadgeAt ?? null, frames: (window as BenchWindow).__churnFrames ?? 0 }));
    const dataToPaint = state.badge === null ? null : await firstMeasure(page, 500);
    return { taskMs: metric('TaskDuration'), scriptMs: metric('ScriptDuration'), badgeMs: state.badge, dataToPaint, frames: state.frames };
  } finally {
    await page.close();
  }
}
