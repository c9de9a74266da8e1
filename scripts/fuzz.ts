/**
 * `npm run fuzz [-- --runs N] [-- --seed S] [-- --only NAME]`: feeds generated inputs (100,000 per target by
 * default) to parsePolicy, parseTicket, decide and the event schema (core/fuzz/targets.ts), reports every input that
 * broke a claim and every decision over 5 ms, and prints the figures per target. Exits 1 on any failure: an input
 * that breaks a claim, or one whose decision is over 5 ms when decided again from cold.
 *
 * Before each call the young generation is collected (untimed), so the fuzzer's own garbage is not collected inside a
 * decision. Every call over the limit is counted, and its input decided again from cold (every text, word and stem
 * forgotten) up to five times, in rounds after the run so that a burst of load does not slow the replays too: an input
 * over the limit on its best replay is slow; one under it was slowed by the machine. Calls over the
 * limit are also counted apart when a garbage-collection pause overlapped them (Node's `gc` performance entries): the
 * collector's pause lands in whichever call is running, and much of what it collects is the fuzzer's own garbage
 * (generating 100,000 tickets and checking each decision against its schema).
 */
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { FUZZ_TARGETS, runTarget } from '../core/fuzz/targets';

/** Collector pauses, on the performance.now() timeline the calls are timed on; delivered once the loop yields. */
const pauses: PerformanceEntry[] = [];
new PerformanceObserver((list) => pauses.push(...list.getEntries())).observe({ type: 'gc' });
const yieldToEvents = () => new Promise((resolve) => setImmediate(resolve));

/**
 * This process's CPU time (user + system) in milliseconds, not inflated by the machine's other processes. It also
 * counts V8's background threads, so each call counts at the lesser of this and wall time (see FuzzOptions.wallClock).
 */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A minor collection (`--expose-gc`, as `npm run fuzz` runs this), or nothing when the collector is not exposed. */
const collectYoung = (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc;
if (!collectYoung) console.error('Run with --expose-gc (npm run fuzz does) so the fuzzer\'s own garbage is collected between calls, not inside them.');

const runs = Number(option('runs') ?? 100_000);
const seed = option('seed') === undefined ? Date.now() % 2 ** 31 : Number(option('seed'));
const only = option('only');
if (!Number.isInteger(runs) || runs <= 0) {
  console.error('--runs takes a positive whole number');
  process.exit(2);
}
const targets = FUZZ_TARGETS.filter((t) => !only || t.name === only);
if (targets.length === 0) {
  console.error(`No target named "${only}"; the targets are ${FUZZ_TARGETS.map((t) => t.name).join(', ')}.`);
  process.exit(2);
}

console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ${runs.toLocaleString('en')} inputs per target, seed ${seed} (rerun with --seed ${seed})\n`);
console.log('| target | inputs | claims broken | calls over the time limit | of which during a collector pause | inputs over it when decided again from cold | median | p99 | max | total |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
let broken = 0;
const details: string[] = [];
const ms = (x: number) => (x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`);
for (const target of targets) {
  const report = runTarget(target, {
    runs,
    seed,
    clock: cpuMs,
    wallClock: () => performance.now(),
    ...(collectYoung ? { beforeCall: () => collectYoung({ type: 'minor' }) } : {}),
    onProgress: (done) => process.stderr.write(`\r${target.name}: ${done.toLocaleString('en')} / ${runs.toLocaleString('en')}`),
  });
  process.stderr.write('\r\x1b[K');
  broken += report.failureCount + report.slowInputs.length;
  const limit = target.slowMs === undefined ? '—' : `${report.slow} (> ${target.slowMs} ms)`;
  await yieldToEvents();
  await yieldToEvents();
  const overlapsPause = (call: { start: number; end: number }) => pauses.some((p) => p.startTime < call.end && p.startTime + p.duration > call.start);
  const collected = target.slowMs === undefined ? '—' : `${report.slowCalls.filter(overlapsPause).length}`;
  const slowInputs = target.slowMs === undefined ? '—' : `${report.slowInputs.length}`;
  pauses.length = 0;
  console.log(
    `| ${report.name} | ${report.runs.toLocaleString('en')} | ${report.failureCount} | ${limit} | ${collected} | ${slowInputs} | ${ms(report.medianMs)} | ${ms(report.p99Ms)} | ${ms(report.maxMs)} | ${(report.totalMs / 1000).toFixed(1)} s |`,
  );
  details.push(`- ${report.name}: ${target.claim}.`);
  for (const f of report.failures) details.push(`  - ${f.error}\n    input: ${f.input}`);
  for (const f of report.slowInputs.slice(0, 5)) details.push(`  - ${ms(f.ms)} at best when decided again from cold\n    input: ${f.input}`);
}
console.log(`\n${details.join('\n')}`);
process.exit(broken > 0 ? 1 : 0);
