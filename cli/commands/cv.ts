import { crossValidate } from '../../core/triage/evaluate';
import type { CliCommand, CliIo } from '../io';
import { numberFlag, parseFlags, readDataset } from '../triage-flags';
import { formatEvalReport } from '../triage-report';

const usage = 'tierline cv --data file.csv|file.jsonl [--text col] [--label col] [--folds 5] [--seed N] [--method svm|softmax] [--c X] [--epochs N] [--l2 X] [--lr X] [--max-entries N] [--no-refit] [--json]';

const command: CliCommand = {
  summary: 'k-fold cross-validation of the triage model: every ticket scored by a model that never saw it.',
  usage,
  async run(argv, io) {
    const flags = parseFlags(argv, ['data', 'text', 'label', 'folds', 'seed', 'method', 'c', 'epochs', 'l2', 'lr', 'max-entries'], ['json', 'no-refit']);
    if ('error' in flags) return fail(io, flags.error);
    const { values } = flags;
    const numbers = { folds: numberFlag(values, 'folds', true), seed: numberFlag(values, 'seed', true), c: numberFlag(values, 'c', false), epochs: numberFlag(values, 'epochs', true), l2: numberFlag(values, 'l2', false), learningRate: numberFlag(values, 'lr', false), maxEntries: numberFlag(values, 'max-entries', true) };
    for (const v of Object.values(numbers)) if (typeof v === 'object') return fail(io, v.error);
    const method = values.method;
    if (method !== undefined && method !== 'svm' && method !== 'softmax') return fail(io, `--method must be svm or softmax, got "${method}"`);
    const { folds = 5, ...train } = numbers as Record<string, number | undefined>;
    if (folds < 2) return fail(io, '--folds must be at least 2');
    const data = await readDataset(io, values);
    if (!data.ok) return fail(io, data.error);
    const json = flags.switches.has('json');
    const report = crossValidate(data.examples, {
      ...(Object.fromEntries(Object.entries(train).filter(([, v]) => v !== undefined)) as Record<string, number>),
      folds,
      ...(method ? { method } : {}),
      refit: !flags.switches.has('no-refit'),
      trainedAt: io.now().toISOString(),
      clock: () => performance.now(),
      onFold: json ? undefined : (f, accuracy) => io.stderr(`fold ${f + 1}/${folds}: accuracy ${(accuracy * 100).toFixed(1)}%\n`),
    });
    const mean = (pick: (f: (typeof report.perFold)[number]) => number | undefined) => report.perFold.reduce((s, f) => s + (pick(f) ?? 0), 0) / report.perFold.length;
    const summary = { trainMs: mean((f) => f.trainMs), msPerTicket: mean((f) => f.predictMsPerTicket), modelBytes: mean((f) => f.modelBytes) };
    if (json) {
      io.stdout(`${JSON.stringify({ folds, ...report.pooled, perFold: report.perFold, ...summary })}\n`);
      return 0;
    }
    const spread = (pick: (f: (typeof report.perFold)[number]) => number) => report.perFold.map((f) => (pick(f) * 100).toFixed(1)).join(' / ');
    io.stdout(
      formatEvalReport(report.pooled, [
        { label: 'Per fold acc', value: `${spread((f) => f.accuracy)} %` },
        { label: 'Train time', value: `${(summary.trainMs / 1000).toFixed(1)} s per fold (${Math.round((data.examples.length * (folds - 1)) / folds)} tickets)` },
        { label: 'Time/ticket', value: `${summary.msPerTicket.toFixed(3)} ms` },
        { label: 'Model size', value: `${(summary.modelBytes / 1024).toFixed(0)} KB` },
      ]),
    );
    return 0;
  },
};

function fail(io: CliIo, message: string): number {
  io.stderr(`tierline cv: ${message}\nUsage: ${usage}\n`);
  return 2;
}

export default command;
