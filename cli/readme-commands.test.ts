import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io';
import { main } from './main';

/** Keeps the README's command table in step with the commands `tierline --help` lists. */
describe('the README command line section', () => {
  it('documents every tierline command', async () => {
    const out: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: () => {} } as unknown as CliIo;
    expect(await main(['--help'], io)).toBe(0);
    const commands = out
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('  '))
      .map((l) => l.trim());
    expect(commands).toContain('lint');
    const readme = await readFile('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## The `tierline` command line'), readme.indexOf('<!-- section: cli -->'));
    for (const name of commands) expect(section, `README does not document "tierline ${name}"`).toContain(`tierline ${name}`);
  });
});
