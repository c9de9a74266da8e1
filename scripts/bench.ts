/**
 * `npm run bench [name]`: runs every bench/*.bench.ts (or the named one) in its own process,
 * one after another, so one benchmark's heap and JIT state never colour another's.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.startsWith(only))
  .sort();
if (files.length === 0) {
  console.error(only ? `No benchmark named "${only}" in bench/.` : 'No benchmarks in bench/.');
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
