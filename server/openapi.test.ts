import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import type { Db } from './db/db';

const noDb: Db = {
  dialect: 'pglite',
  query: async () => [],
  exec: async () => {},
  transaction: async () => {
    throw new Error('unused');
  },
  stored: () => {},
  close: async () => {},
};

describe('server/openapi.yaml', () => {
  it('documents every route and method the app serves, and no other', () => {
    const yaml = readFileSync(new URL('./openapi.yaml', import.meta.url), 'utf8');
    const documented = new Set<string>();
    let path = '';
    for (const line of yaml.split('\n')) {
      const p = /^ {2}(\/\S*):\s*$/.exec(line);
      if (p?.[1]) path = p[1];
      else if (/^\S/.test(line)) path = '';
      const m = /^ {4}(get|post|put|delete|patch):\s*$/.exec(line);
      if (path && m?.[1]) documented.add(`${m[1].toUpperCase()} ${path}`);
    }
    const served = new Set(
      createApp({ db: noDb })
        .routes.filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/\/$/, '')}`),
    );
    expect([...documented].sort()).toEqual([...served].sort());
  });
});
