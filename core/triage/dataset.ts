import Papa from 'papaparse';
import { z } from 'zod';
import type { LabelledText } from './train';

/**
 * Labelled history from a helpdesk export: CSV (with a header row) or JSONL
 * (one object per line). Column names are chosen by the caller; the defaults
 * guess the usual ones. Errors name the columns that do exist.
 */

export interface DatasetOptions {
  format: 'csv' | 'jsonl';
  textColumn?: string;
  labelColumn?: string;
}

export type DatasetResult = { ok: true; examples: LabelledText[]; textColumn: string; labelColumn: string; skipped: number } | { ok: false; error: string };

const TEXT_GUESSES = ['text', 'description', 'body', 'message', 'subject'];
const LABEL_GUESSES = ['label', 'category', 'issue_type', 'issueType', 'intent', 'role'];

/** Guesses the format from a file name: `.jsonl` / `.ndjson` are JSONL, anything else CSV. */
export function formatOf(path: string): 'csv' | 'jsonl' {
  return /\.(jsonl|ndjson)$/i.test(path) ? 'jsonl' : 'csv';
}

const rowSchema = z.record(z.string(), z.unknown());

/**
 * @example parseDataset('text,label\nRefund please,billing\n', { format: 'csv' }) // → { ok: true, examples: [{ text: 'Refund please', label: 'billing' }], ... }
 */
export function parseDataset(content: string, options: DatasetOptions): DatasetResult {
  // Spreadsheet exports often start with a byte-order mark, which would otherwise become part of the first column's name.
  const text = content.replace(/^\uFEFF/, '');
  const rows = options.format === 'csv' ? readCsv(text) : readJsonl(text);
  if (typeof rows === 'string') return { ok: false, error: rows };
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const pick = (wanted: string | undefined, guesses: string[], what: string): string | { error: string } => {
    const available = columns.length ? columns.map((c) => `"${c}"`).join(', ') : '(none)';
    if (wanted) return columns.includes(wanted) ? wanted : { error: `no ${what} column "${wanted}"; available columns: ${available}` };
    const guess = guesses.find((g) => columns.includes(g));
    return guess ?? { error: `no ${what} column found (tried ${guesses.map((g) => `"${g}"`).join(', ')}); available columns: ${available}. Name one with --${what}.` };
  };
  const textColumn = pick(options.textColumn, TEXT_GUESSES, 'text');
  if (typeof textColumn !== 'string') return { ok: false, error: textColumn.error };
  const labelColumn = pick(options.labelColumn, LABEL_GUESSES, 'label');
  if (typeof labelColumn !== 'string') return { ok: false, error: labelColumn.error };
  const examples: LabelledText[] = [];
  let skipped = 0;
  for (const row of rows) {
    const text = row[textColumn];
    const label = row[labelColumn];
    if (typeof text === 'string' && text.trim() && (typeof label === 'string' || typeof label === 'number') && String(label).trim()) {
      examples.push({ text, label: String(label).trim() });
    } else skipped++;
  }
  if (examples.length === 0) return { ok: false, error: `no rows with both a "${textColumn}" and a "${labelColumn}" value` };
  return { ok: true, examples, textColumn, labelColumn, skipped };
}

function readCsv(content: string): Record<string, unknown>[] | string {
  const parsed = Papa.parse<Record<string, unknown>>(content, { header: true, skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) return `CSV row ${(fatal.row ?? 0) + 2}: ${fatal.message}`;
  return parsed.data;
}

function readJsonl(content: string): Record<string, unknown>[] | string {
  const rows: Record<string, unknown>[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return `JSONL line ${i + 1} is not valid JSON`;
    }
    const row = rowSchema.safeParse(value);
    if (!row.success) return `JSONL line ${i + 1} is not a JSON object`;
    rows.push(row.data);
  }
  return rows;
}
