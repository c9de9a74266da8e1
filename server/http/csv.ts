import type { Context } from 'hono';
import Papa from 'papaparse';

/** CSV when asked for by `?format=csv` or `Accept: text/csv`; JSON otherwise. */
export function wantsCsv(c: Context, format: string | undefined): boolean {
  if (format) return format === 'csv';
  return /\btext\/csv\b/i.test(c.req.header('accept') ?? '');
}

/**
 * Ticket text is hostile and the file will open in a spreadsheet: cells that
 * start like a formula (=, +, -, @, tab, CR) are prefixed with a quote.
 */
export function csvResponse(c: Context, rows: Record<string, unknown>[], columns: string[], filename: string): Response {
  const csv = Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((k) => r[k] ?? '')) }, { escapeFormulae: true, newline: '\r\n' });
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  return c.body(`${csv}\r\n`);
}
