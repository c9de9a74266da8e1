/**
 * Triage benchmark: training time on ~10k texts, inference per ticket, model
 * size, and accuracy beside natural's BayesClassifier (a peer text classifier
 * from npm) on the same stratified 80/20 split. Uses BANKING77 from
 * ../shared/data/banking77/train.csv when it is there (development machines;
 * never committed), otherwise the repository's own hand-written sample.
 * Training twice on the same data also checks the model is byte-identical.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDataset } from '../core/triage/dataset';
import { evaluateModel, stratifiedFolds } from '../core/triage/evaluate';
import { loadTriageModel, predict } from '../core/triage/predict';
import { type LabelledText, trainTriageModel } from '../core/triage/train';

// natural pulls in dotenv, which announces itself on stdout unless told to be quiet.
process.env.DOTENV_CONFIG_QUIET = 'true';
const natural = (await import('natural')).default;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const banking77 = resolve(root, '../shared/data/banking77/train.csv');
const sample = resolve(root, 'tests/fixtures/triage/tickets.csv');
const source = existsSync(banking77) ? banking77 : sample;
const parsed = parseDataset(readFileSync(source, 'utf8'), { format: 'csv' });
if (!parsed.ok) throw new Error(parsed.error);
const all = parsed.examples;
console.log(`Data: ${source === banking77 ? 'BANKING77 training split (../shared/data/banking77/train.csv)' : 'the shipped 210-ticket sample (BANKING77 not found)'}: ${all.length} texts, ${new Set(all.map((e) => e.label)).size} labels.\n`);

const trainedAt = '2026-11-27T00:00:00Z';
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const time = <T>(f: () => T): { value: T; wallMs: number; cpuMs: number } => {
  const [w0, c0] = [performance.now(), cpu()];
  const value = f();
  return { value, wallMs: performance.now() - w0, cpuMs: cpu() - c0 };
};

// 1. Training time on every text (about 10k for BANKING77), as `tierline train` does it.
const full = time(() => trainTriageModel(all, { trainedAt, seed: 1 }));
const modelBytes = JSON.stringify(full.value).length;
// Again in the same process: the first run includes compiling the hot loops (what one `tierline train` pays), the second does not.
const again = time(() => trainTriageModel(all, { trainedAt, seed: 1 }));
if (JSON.stringify(again.value) !== JSON.stringify(full.value)) throw new Error('training is not deterministic');

// 2. The same split for both classifiers.
const folds = stratifiedFolds(all, 5, 1);
const test = folds[0] as LabelledText[];
const train = folds.slice(1).flat();
const ours = time(() => trainTriageModel(train, { trainedAt, seed: 1 }));
const loaded = loadTriageModel(ours.value);
if (!loaded.ok) throw new Error(loaded.error);
const model = loaded.model;
for (const e of test.slice(0, 200)) predict(model, e.text); // warm up the JIT
const oursEval = time(() => evaluateModel(model, test));
const reps = Math.max(1, Math.ceil(5000 / test.length));
const inference = time(() => {
  for (let r = 0; r < reps; r++) for (const e of test) predict(model, e.text);
});
const oursMsPerTicket = inference.wallMs / (reps * test.length);
const oursCpuMsPerTicket = inference.cpuMs / (reps * test.length);

const bayes = new natural.BayesClassifier();
const bayesTrain = time(() => {
  for (const e of train) bayes.addDocument(e.text, e.label);
  bayes.train();
});
const bayesRun = time(() => test.filter((e) => bayes.classify(e.text) === e.label).length);
const bayesAccuracy = bayesRun.value / test.length;
const bayesMsPerTicket = bayesRun.wallMs / test.length;
const bayesCpuMsPerTicket = bayesRun.cpuMs / test.length;

const f1 = (x: number) => x.toFixed(1);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
console.log(row(['measure', 'Tierline triage', "natural's BayesClassifier", 'ratio (Tierline / natural)', 'aim']));
console.log(row(['---', '---', '---', '---', '---']));
console.log(row([`train ${all.length} texts (wall / CPU)`, `${f1(full.wallMs / 1000)} s / ${f1(full.cpuMs / 1000)} s`, '', '', '≤ 10 s']));
console.log(row([`train ${all.length} texts again, JIT warm (wall / CPU)`, `${f1(again.wallMs / 1000)} s / ${f1(again.cpuMs / 1000)} s`, '', '', '≤ 10 s']));
console.log(row([`train ${train.length} texts (wall / CPU)`, `${f1(ours.wallMs / 1000)} s / ${f1(ours.cpuMs / 1000)} s`, `${f1(bayesTrain.wallMs / 1000)} s / ${f1(bayesTrain.cpuMs / 1000)} s`, `${(ours.cpuMs / bayesTrain.cpuMs).toFixed(2)}× (CPU)`, '']));
console.log(row(['inference per ticket (wall / CPU)', `${oursMsPerTicket.toFixed(3)} / ${oursCpuMsPerTicket.toFixed(3)} ms`, `${bayesMsPerTicket.toFixed(3)} / ${bayesCpuMsPerTicket.toFixed(3)} ms`, `${(oursCpuMsPerTicket / bayesCpuMsPerTicket).toFixed(2)}× (CPU)`, '≤ 1 ms']));
console.log(row([`accuracy on ${test.length} held-out texts`, pct(oursEval.value.accuracy), pct(bayesAccuracy), `${(oursEval.value.accuracy / bayesAccuracy).toFixed(2)}×`, '']));
console.log(row(['macro-F1', pct(oursEval.value.macroF1), '', '', '']));
console.log(row(['ECE (15 bins)', oursEval.value.ece.toFixed(4), '', '', '≤ 0.03']));
const g90 = oursEval.value.gates.find((g) => g.threshold === 0.9);
if (g90) console.log(row(['0.90 gate coverage / precision', `${pct(g90.coverage)} / ${pct(g90.precision)}`, '', '', '≥ 60% / ≥ 98%']));
console.log(row(['model file', `${(modelBytes / 1024 / 1024).toFixed(2)} MB`, '', '', '≤ 2 MB']));
console.log(`\nLoad average ${(os.loadavg()[0] ?? 0).toFixed(1)} on ${os.cpus().length} CPUs: wall times include waiting for the CPU; CPU time is this process's own. natural's BayesClassifier is given the same ${train.length} training texts.`);
