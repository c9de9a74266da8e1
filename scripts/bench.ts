/**
 * `npm run bench [name]`: runs every bench/*.bench.ts and core/text/*.bench.ts
 * (or the ones whose file name starts with `name`, or whose folder is `name`:
 * `npm run bench text` runs the text pipeline's) in its own process, one after
 * another, so one benchmark's heap and JIT state never colour another's.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

/** The text pipeline's benchmark lives beside the pipeline (STYLE.md), the others in bench/. */
const FOLDERS = ['bench', 'core/text'];

const only = process.argv[2];
const chosen = (folder: string, file: string) => !only || file.startsWith(only) || folder.split('/').includes(only);
const files = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((f) => f.endsWith('.bench.ts') && chosen(folder, f))
    .sort()
    .map((f) => `${folder}/${f}`),
);
if (files.length === 0) {
  console.error(only ? `No benchmark named "${only}" in ${FOLDERS.join(' or ')}.` : `No benchmarks in ${FOLDERS.join(' or ')}.`);
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
