import { describe, expect, it } from 'vitest';
import { formatOf, parseDataset } from './dataset';

describe('parseDataset', () => {
  it('reads a spreadsheet CSV export with a byte-order mark and quoted commas', () => {
    const result = parseDataset('\uFEFFtext,category\n"Charged twice, please refund",billing\nCannot log in,access\n', { format: 'csv' });
    expect(result).toEqual({ ok: true, textColumn: 'text', labelColumn: 'category', skipped: 0, examples: [{ text: 'Charged twice, please refund', label: 'billing' }, { text: 'Cannot log in', label: 'access' }] });
  });

  it('skips rows without text or label and counts them', () => {
    const result = parseDataset('text,label\nRefund please,billing\n,billing\nNo label,\n', { format: 'csv' });
    expect(result.ok && result.skipped).toBe(2);
  });

  it('reads JSONL and names the line that is not JSON', () => {
    expect(parseDataset('{"text":"a","label":"x"}\n{"text":"b","label":"y"}\n', { format: 'jsonl' }).ok).toBe(true);
    expect(parseDataset('{"text":"a","label":"x"}\nnot json\n', { format: 'jsonl' })).toEqual({ ok: false, error: 'JSONL line 2 is not valid JSON' });
  });

  it('names the available columns when none looks like the text', () => {
    const result = parseDataset('subject_line,queue\nHelp,billing\n', { format: 'csv' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('available columns: "subject_line", "queue"');
  });

  it('tells JSONL from CSV by the file name', () => {
    expect(formatOf('history.jsonl')).toBe('jsonl');
    expect(formatOf('history.NDJSON')).toBe('jsonl');
    expect(formatOf('export.csv')).toBe('csv');
  });
});
