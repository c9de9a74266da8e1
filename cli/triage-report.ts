import type { EvalReport } from '../core/triage/metrics';

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;

/** The human-readable form of an evaluation, shared by `tierline eval` and `tierline cv`. */
export function formatEvalReport(report: EvalReport, extra: { label: string; value: string }[] = []): string {
  const lines = [
    `Examples:      ${report.examples}`,
    `Accuracy:      ${pct(report.accuracy)}`,
    `Macro-F1:      ${pct(report.macroF1)}`,
    `ECE (15 bins): ${report.ece.toFixed(4)}`,
    ...extra.map((e) => `${`${e.label}:`.padEnd(15)}${e.value}`),
    '',
    'Gates (confidence ≥ threshold):',
    '  threshold  coverage  precision  tickets',
    ...report.gates.map((g) => `  ${g.threshold.toFixed(2).padStart(9)}  ${pct(g.coverage).padStart(8)}  ${pct(g.precision).padStart(9)}  ${String(g.count).padStart(7)}`),
    '',
    'Reliability (equal-width confidence bins):',
    '  confidence   tickets  mean conf  accuracy',
    ...report.reliability.filter((r) => r.count > 0).map((r) => `  ${r.from.toFixed(2)}–${r.to.toFixed(2)}  ${String(r.count).padStart(8)}  ${r.meanConfidence.toFixed(3).padStart(9)}  ${r.accuracy.toFixed(3).padStart(8)}`),
    '',
    'Most confused (actual → predicted):',
    ...(report.confusedPairs.length ? report.confusedPairs.map((p) => `  ${String(p.count).padStart(4)}  ${p.actual} → ${p.predicted}`) : ['  none']),
    '',
  ];
  return lines.join('\n');
}
