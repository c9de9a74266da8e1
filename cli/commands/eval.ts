import { evaluateModel } from '../../core/triage/evaluate';
import { DEFAULT_GATE_THRESHOLDS } from '../../core/triage/metrics';
import { loadTriageModel } from '../../core/triage/predict';
import type { CliCommand, CliIo } from '../io';
import { parseFlags, readDataset } from '../triage-flags';
import { formatEvalReport } from '../triage-report';

const usage = 'tierline eval --model model.json --data test.csv|test.jsonl [--text col] [--label col] [--json]';

const command: CliCommand = {
  summary: 'Evaluate a triage model on labelled tickets: accuracy, macro-F1, gate coverage and precision, calibration.',
  usage,
  async run(argv, io) {
    const flags = parseFlags(argv, ['model', 'data', 'text', 'label'], ['json']);
    if ('error' in flags) return fail(io, flags.error);
    const { values } = flags;
    if (!values.model) return fail(io, '--model is required');
    let text: string;
    try {
      text = await io.readFile(values.model);
    } catch (error) {
      return fail(io, `cannot read ${values.model}: ${error instanceof Error ? error.message : String(error)}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail(io, `${values.model} is not JSON`);
    }
    const loaded = loadTriageModel(json);
    if (!loaded.ok) return fail(io, `${values.model}: ${loaded.error}`);
    const data = await readDataset(io, values);
    if (!data.ok) return fail(io, data.error);
    const unknown = [...new Set(data.examples.map((e) => e.label))].filter((l) => !loaded.model.labels.includes(l));
    const started = performance.now();
    const report = evaluateModel(loaded.model, data.examples, { thresholds: DEFAULT_GATE_THRESHOLDS });
    const msPerTicket = (performance.now() - started) / data.examples.length;
    const modelBytes = text.length;
    if (flags.switches.has('json')) {
      io.stdout(`${JSON.stringify({ ...report, msPerTicket, modelBytes, unknownLabels: unknown })}\n`);
      return 0;
    }
    io.stdout(
      formatEvalReport(report, [
        { label: 'Time/ticket', value: `${msPerTicket.toFixed(3)} ms` },
        { label: 'Model size', value: `${(modelBytes / 1024).toFixed(0)} KB` },
        ...(unknown.length ? [{ label: 'Unknown labels', value: `${unknown.join(', ')} (the model can never predict them)` }] : []),
      ]),
    );
    return 0;
  },
};

function fail(io: CliIo, message: string): number {
  io.stderr(`tierline eval: ${message}\nUsage: ${usage}\n`);
  return 2;
}

export default command;
