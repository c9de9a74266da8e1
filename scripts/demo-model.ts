/**
 * The demo triage model, trained at build time from the sample tickets the
 * repository ships (tests/fixtures/triage/tickets.csv, 210 hand-written
 * tickets) and written into the extension as `demo-model.json`. Built, not
 * committed: the file is ~165 KB and would drift from the model code, while
 * training it takes about two seconds. The worker uses it only when no model
 * is configured, and says "demo model".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDataset } from '../core/triage/dataset';
import { trainTriageModel } from '../core/triage/train';

export const DEMO_MODEL_FILE = 'demo-model.json';
/** A fixed date: the same sample gives the same file, byte for byte. */
const DEMO_TRAINED_AT = '2026-01-01T00:00:00.000Z';

export function buildDemoModel(root: string): string {
  const data = parseDataset(readFileSync(join(root, 'tests/fixtures/triage/tickets.csv'), 'utf8'), { format: 'csv' });
  if (!data.ok) throw new Error(`demo model: ${data.error}`);
  // 20,000 weights keep the file small; the sample has only 210 tickets to learn from anyway.
  return JSON.stringify(trainTriageModel(data.examples, { trainedAt: DEMO_TRAINED_AT, maxEntries: 20_000 }));
}
