/** `npm start`: builds the extension and says where it is (the full demo lands with the overlay issue). */
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
console.log('\nTierline is built in .output/chrome-mv3 — load it from chrome://extensions (Developer mode → Load unpacked).');
