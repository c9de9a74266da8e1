import { parseDataset } from '../../core/triage/dataset';
import { trainTriageModel } from '../../core/triage/train';
import type { CliCommand } from '../io';
import { numberFlag, parseFlags, readDataset } from '../triage-flags';

const usage = 'tierline train --data file.csv|file.jsonl [--text col] [--label col] --out model.json [--corrections corrections.jsonl] [--seed N] [--method svm|softmax] [--c X] [--epochs N] [--l2 X] [--lr X] [--max-entries N] [--no-refit]';

const command: CliCommand = {
  summary: 'Train the triage model from labelled tickets (CSV or JSONL), with a held-out calibration fold.',
  usage,
  async run(argv, io) {
    const flags = parseFlags(argv, ['data', 'text', 'label', 'out', 'corrections', 'seed', 'method', 'c', 'epochs', 'l2', 'lr', 'max-entries'], ['no-refit']);
    if ('error' in flags) return fail(io, flags.error);
    const { values } = flags;
    if (!values.out) return fail(io, '--out is required');
    const numbers = { seed: numberFlag(values, 'seed', true), c: numberFlag(values, 'c', false), epochs: numberFlag(values, 'epochs', true), l2: numberFlag(values, 'l2', false), learningRate: numberFlag(values, 'lr', false), maxEntries: numberFlag(values, 'max-entries', true) };
    for (const v of Object.values(numbers)) if (typeof v === 'object') return fail(io, v.error);
    const method = values.method;
    if (method !== undefined && method !== 'svm' && method !== 'softmax') return fail(io, `--method must be svm or softmax, got "${method}"`);
    const data = await readDataset(io, values);
    if (!data.ok) return fail(io, data.error);
    // Agents' corrections (the options page's "Export corrections": JSONL text + label) join the history as more examples.
    let corrections = 0;
    if (values.corrections) {
      const read = await io.readFile(values.corrections).then(
        (content) => parseDataset(content, { format: 'jsonl', textColumn: 'text', labelColumn: 'label' }),
        (error: unknown) => ({ ok: false as const, error: `cannot read ${values.corrections}: ${error instanceof Error ? error.message : String(error)}` }),
      );
      if (!read.ok) return fail(io, `${values.corrections}: ${read.error}`);
      data.examples.push(...read.examples);
      corrections = read.examples.length;
    }
    const started = performance.now();
    const model = trainTriageModel(data.examples, {
      trainedAt: io.now().toISOString(),
      refit: !flags.switches.has('no-refit'),
      ...(method ? { method } : {}),
      ...(Object.fromEntries(Object.entries(numbers).filter(([, v]) => v !== undefined)) as Record<string, number>),
    });
    const ms = performance.now() - started;
    const json = JSON.stringify(model);
    await io.writeFile(values.out, json);
    const c = model.calibration;
    io.stdout(
      [
        `Trained on ${model.training.examples} tickets (${model.labels.length} labels, columns "${data.textColumn}" / "${data.labelColumn}"${data.skipped ? `, ${data.skipped} rows skipped` : ''}${corrections ? `, ${corrections} of them corrections` : ''}) in ${(ms / 1000).toFixed(1)} s.`,
        `Calibration fold: ${c.examples} tickets, accuracy ${(c.accuracy * 100).toFixed(1)}%, temperature ${model.temperature.toFixed(3)}, ECE ${c.eceBefore.toFixed(3)} → ${c.eceAfter.toFixed(3)}, NLL ${c.nllBefore.toFixed(3)} → ${c.nllAfter.toFixed(3)}.`,
        `Wrote ${values.out} (${(json.length / 1024).toFixed(0)} KB, ${model.weights.entries} weights).`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};

function fail(io: { stderr: (t: string) => void }, message: string): number {
  io.stderr(`tierline train: ${message}\nUsage: ${usage}\n`);
  return 2;
}

export default command;
