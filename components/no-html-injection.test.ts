import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Ticket content is hostile: every overlay surface must render it as text nodes. */
const SOURCES = ['components', 'extension/features', 'extension/overlay', 'entrypoints'];
const FORBIDDEN = /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('overlay sources', () => {
  it('never turn a string into HTML', () => {
    const all = SOURCES.flatMap((dir) => files(dir));
    expect(all.length).toBeGreaterThan(5);
    const offenders = all.filter((file) => FORBIDDEN.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
