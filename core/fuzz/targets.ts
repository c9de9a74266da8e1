import fc from 'fast-check';
import { eventSchema } from '../events';
import { defaultPolicy } from '../policy/default-policy';
import { parsePolicy } from '../policy/parse';
import { decide } from '../route/decide';
import { decisionSchema } from '../route/decision';
import type { Ticket } from '../ticket';
import { parseTicket } from '../ticket-parse';
import { forgetReadTexts } from '../text/ticket-text';
import { acceptedTicket, eventDocument, isoInstant, modelSuggestion, policyDocument, ticketDocument } from './arbitraries';

/**
 * The fuzz targets shared by `npm run fuzz` (scripts/fuzz.ts, 100,000 inputs each) and the unit tests
 * (core/fuzz/fuzz.test.ts, a few hundred): each boundary that takes outside input, what it is fed, and what must
 * hold. A violation is a thrown error; the harness also times every call.
 */

export interface FuzzTarget<T> {
  name: string;
  /** What must hold, in a sentence. */
  claim: string;
  arbitrary: fc.Arbitrary<T>;
  /** Runs the code under test on one input (the part that is timed); throws when a claim is broken. */
  run: (input: T) => unknown;
  /** Checks what `run` returned, untimed (a schema check is the harness's work, not the code's); throws when a claim is broken. */
  check?: (input: T, output: unknown) => void;
  /** Calls slower than this (ms) are reported; only where speed is part of the claim. */
  slowMs?: number;
  /**
   * Forgets what earlier calls left cached, so a replay costs what the input's first call did: a slow call is decided
   * again from cold to tell an input that is slow from a call the machine slowed (a collector pause, another process).
   */
  forget?: () => void;
}

/** Tuesday 10 March 2026, 10:16 Berlin: the decision's usual "now". */
const NOW = Date.parse('2026-03-10T10:16:00+01:00');

function checkErrors(result: { ok: true } | { ok: false; errors: { path: string; message: string; fix: string }[] }): void {
  if (result.ok) return;
  if (result.errors.length === 0) throw new Error('refused without an error');
  for (const e of result.errors) {
    if (!e.path.startsWith('$') || e.message.length === 0 || e.fix.length === 0) throw new Error(`an error without path, message or fix: ${JSON.stringify(e)}`);
  }
}

export const parsePolicyTarget: FuzzTarget<unknown> = {
  name: 'parsePolicy',
  claim: 'never throws; every refusal names a path, a problem and a fix (JSON values and text, conditions up to 3,000 deep, 5,000 wide, mutated default policies, prototype keys)',
  arbitrary: policyDocument,
  run: (input) => checkErrors(parsePolicy(input)),
};

export const parseTicketTarget: FuzzTarget<unknown> = {
  name: 'parseTicket',
  claim: 'never throws; every refusal names a path, a problem and a fix',
  arbitrary: ticketDocument(NOW),
  run: (input) => checkErrors(parseTicket(input)),
};

export interface DecideInput {
  ticket: Ticket;
  now: string | number;
  model?: { label: string; confidence: number };
}

export const decideTarget: FuzzTarget<DecideInput> = {
  name: 'decide',
  claim: 'any ticket the schema accepts (pasted texts of up to 60,000 characters and threads of up to 401 messages among them) decides under the default policy without throwing, into a decision its schema accepts, in under 5 ms',
  arbitrary: fc.record(
    { ticket: acceptedTicket(NOW), now: fc.oneof({ weight: 3, arbitrary: fc.constant(NOW) }, { weight: 1, arbitrary: isoInstant }), model: modelSuggestion },
    { requiredKeys: ['ticket', 'now'] },
  ),
  run: ({ ticket, now, model }) => decide(defaultPolicy, ticket, model ? { now, model } : { now }),
  // Every text read, its words and their stems: a replay reads the ticket as if no ticket had been read before.
  forget: forgetReadTexts,
  check: (_, decision) => {
    const checked = decisionSchema.safeParse(decision);
    if (!checked.success) throw new Error(`the decision does not match its schema: ${checked.error.issues[0]?.message} at ${checked.error.issues[0]?.path.join('.')}`);
  },
  slowMs: 5,
};

export const eventTarget: FuzzTarget<unknown> = {
  name: 'eventSchema',
  claim: 'safeParse never throws on any JSON',
  arbitrary: eventDocument,
  run: (input) => {
    eventSchema.safeParse(input);
  },
};

/** A target with its input type forgotten: its arbitrary only ever feeds its own `run`. */
const erase = <T>(target: FuzzTarget<T>) => target as unknown as FuzzTarget<unknown>;

export const FUZZ_TARGETS: readonly FuzzTarget<unknown>[] = [erase(parsePolicyTarget), erase(parseTicketTarget), erase(decideTarget), erase(eventTarget)];

export interface FuzzReport {
  name: string;
  runs: number;
  /** Inputs that broke a claim, with the error (the first few, shortened). */
  failures: { error: string; input: string }[];
  failureCount: number;
  /** Timed calls over `slowMs` (none when the target has no speed claim). */
  slow: number;
  /** When each of those calls ran, on the wall clock (when `wallClock` is given): to match against collector pauses. */
  slowCalls: { start: number; end: number; ms: number }[];
  /**
   * Inputs still over `slowMs` when decided again from cold after the run, at the best of REPLAYS replays: what the input costs, not
   * what the machine did to one call. The claim fails on these.
   */
  slowInputs: { ms: number; input: string }[];
  maxMs: number;
  p99Ms: number;
  medianMs: number;
  totalMs: number;
}

export interface FuzzOptions {
  runs: number;
  seed?: number;
  /**
   * Calls not timed at the start: JIT compilation and first-use caches, which the worker pays once (default: 1% of
   * 100,000 runs, a tenth of a short run; the engine was still optimising the router's functions past the 500th call).
   */
  warmUp?: number;
  /** Reported as it goes (for the command line). */
  onProgress?: (done: number) => void;
  /**
   * The clock calls are timed with, in milliseconds. The core reads no clock itself: callers pass the process's CPU
   * time (scripts/fuzz.ts, `process.cpuUsage`), which a busy machine's other processes do not inflate as they do wall time.
   */
  clock: () => number;
  /**
   * A second clock (wall time, in milliseconds); each call then counts at the lesser of its two times. Process CPU
   * time also counts the engine's background threads (concurrent marking, optimising compilation), which run beside
   * the call without delaying it: calls of 1 ms wall time read 5–15 ms of CPU. Wall time counts other processes
   * instead. A call's own work is at most either, so the lesser still counts its collector pauses.
   */
  wallClock?: () => number;
  /**
   * Runs before each call, untimed: scripts/fuzz.ts collects the young generation here, so the harness's own garbage
   * (generated inputs of up to 60,000 characters, schema checks of earlier outputs) is not collected inside a timed
   * call. Garbage a call makes itself is still collected, and timed, where it falls.
   */
  beforeCall?: () => void;
}

/** How often a slow call's input is decided again from cold, after the run; its best time counts. */
const REPLAYS = 5;

/**
 * Feeds `runs` generated inputs to a target, catching every violation instead of stopping at the first, and times
 * each call after the warm-up. Never throws.
 */
export function runTarget<T>(target: FuzzTarget<T>, options: FuzzOptions): FuzzReport {
  const times: number[] = [];
  const failures: FuzzReport['failures'] = [];
  let failureCount = 0;
  let done = 0;
  const warmUp = options.warmUp ?? Math.min(1000, Math.floor(options.runs / 10));
  const { clock, wallClock } = options;
  const slowMs = target.slowMs ?? Number.POSITIVE_INFINITY;
  const slowCalls: FuzzReport['slowCalls'] = [];
  let slow = 0;
  const slowInputs: FuzzReport['slowInputs'] = [];
  const toReplay: { input: T; best: number }[] = [];
  /** Runs the target on one input, timed (the lesser of the two clocks when both are given); a throw is handed back, not thrown. */
  const timed = (input: T) => {
    const start = clock();
    const wallStart = wallClock?.() ?? 0;
    let output: unknown;
    let error: { thrown: unknown } | undefined;
    try {
      output = target.run(input);
    } catch (thrown) {
      error = { thrown };
    }
    const cpu = clock() - start;
    const wallEnd = wallClock?.() ?? 0;
    return { ms: wallClock ? Math.min(cpu, wallEnd - wallStart) : cpu, wallStart, wallEnd, output, error };
  };
  const started = clock();
  fc.check(
    fc.property(target.arbitrary, (input) => {
      options.beforeCall?.();
      const call = timed(input);
      let error = call.error;
      if (!error) {
        try {
          target.check?.(input, call.output);
        } catch (thrown) {
          error = { thrown };
        }
      }
      const { ms, wallStart, wallEnd } = call;
      if (error) {
        failureCount++;
        if (failures.length < 5) failures.push({ error: describeError(error.thrown), input: shorten(input) });
      }
      if (done >= warmUp) {
        times.push(ms);
        if (ms > slowMs) {
          slow++;
          if (wallClock) slowCalls.push({ start: wallStart, end: wallEnd, ms });
          // An input that threw is a broken claim already, counted above.
          if (!error) toReplay.push({ input, best: Number.POSITIVE_INFINITY });
        }
      }
      done++;
      if (options.onProgress && done % 1000 === 0) options.onProgress(done);
      return true;
    }),
    { numRuns: options.runs, ...(options.seed === undefined ? {} : { seed: options.seed }) },
  );
  // Slow calls are decided again after the run, in rounds over all of them: replays spread over time, so a burst of
  // load on the machine that slowed a call does not slow its replays too.
  for (let round = 0; round < REPLAYS; round++) {
    for (const r of toReplay) {
      if (r.best <= slowMs) continue;
      target.forget?.();
      options.beforeCall?.();
      r.best = Math.min(r.best, timed(r.input).ms);
    }
  }
  for (const r of toReplay) if (r.best > slowMs) slowInputs.push({ ms: r.best, input: shorten(r.input) });
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    name: target.name,
    runs: done,
    failures,
    failureCount,
    slow,
    slowCalls,
    slowInputs,
    maxMs: times[times.length - 1] ?? 0,
    p99Ms: at(0.99),
    medianMs: at(0.5),
    totalMs: clock() - started,
  };
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 300);
}

function shorten(input: unknown): string {
  let text: string;
  try {
    text = typeof input === 'string' ? input : (JSON.stringify(input) ?? String(input));
  } catch {
    text = String(input);
  }
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} characters)` : text;
}
