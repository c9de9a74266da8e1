/**
 * The two extensions the overlay benchmark loads: a private copy of the built
 * Tierline (the lead rebuilds `.output/` while others measure, so a run must
 * not see its files change) and a do-nothing MV3 extension whose content
 * script runs on the same pages and does nothing — the "without" side, so
 * both sides pay for an extension's isolated world and differ only by Tierline.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MANIFEST_KEY } from '../../wxt.config';

interface ContentScriptEntry {
  matches: string[];
  js?: string[];
  css?: string[];
  run_at?: string;
  all_frames?: boolean;
}

interface Manifest {
  content_scripts?: ContentScriptEntry[];
  web_accessible_resources?: Array<{ resources: string[] }>;
}

export interface BuiltExtension {
  dir: string;
  manifest: Manifest;
  remove(): void;
}

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const contentScriptFiles = (m: Manifest) => (m.content_scripts ?? []).flatMap((c) => c.js ?? []);

/**
 * Copies the built extension (TIERLINE_EXTENSION_DIR or `.output/chrome-mv3`,
 * built with `npx wxt build` only when absent) to a temp folder, twice if a
 * rebuild changed the manifest or a content script while it was copied.
 */
export function copyBuiltExtension(source = resolve(process.env.TIERLINE_EXTENSION_DIR ?? '.output/chrome-mv3')): BuiltExtension {
  if (!existsSync(join(source, 'manifest.json'))) {
    console.log(`${source} is missing: building it with \`npx wxt build\`…`);
    const r = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error('wxt build failed');
  }
  const stamp = () => {
    const m = readManifest(source);
    return JSON.stringify([m, ...contentScriptFiles(m).map((f) => statSync(join(source, f)).mtimeMs)]);
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'tierline-bench-ext-'));
    const before = stamp();
    cpSync(source, dir, { recursive: true });
    const manifest = readManifest(dir);
    if (stamp() === before && contentScriptFiles(manifest).every((f) => existsSync(join(dir, f)))) {
      return { dir, manifest, remove: () => rmSync(dir, { recursive: true, force: true }) };
    }
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error(`${source} kept changing while it was copied (a build in progress?); try again`);
}

/** A do-nothing MV3 extension with content scripts on Tierline's matches (same run_at and frames). */
export function doNothingExtension(like: Manifest): BuiltExtension {
  const dir = mkdtempSync(join(tmpdir(), 'tierline-bench-nothing-'));
  const manifest = {
    manifest_version: 3,
    name: 'Do nothing (Tierline benchmark)',
    version: '1.0.0',
    // Tierline's key gives it Tierline's ID, so the e2e harness's launchBrowser (which waits for that ID's
    // service worker) launches both sides the same way; the worker below is empty.
    key: MANIFEST_KEY,
    background: { service_worker: 'background.js' },
    content_scripts: (like.content_scripts ?? []).map(({ matches, run_at, all_frames }) => ({ matches, run_at, all_frames, js: ['nothing.js'] })),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'background.js'), '// Does nothing.\n');
  writeFileSync(join(dir, 'nothing.js'), '// Runs where Tierline runs, and does nothing.\n');
  return { dir, manifest, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
  /** Why it is counted: a manifest content script, or the file that imports it lazily. */
  via: string;
}

const sizeOf = (dir: string, file: string, via: string): FileSize => {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, via };
};

/** Extension files a script names as a string literal (`"/chunks/router-Ab12.js"`, `import("./x.js")`). */
function namedFiles(dir: string, file: string): string[] {
  const text = readFileSync(join(dir, file), 'utf8');
  const names = new Set<string>();
  for (const [, name] of text.matchAll(/["'`]((?:\.{0,2}\/)?[\w@.-]+(?:\/[\w@.-]+)*\.js)["'`]/g)) {
    if (!name) continue;
    const path = name.startsWith('.') ? posix.join(posix.dirname(file), name) : name.replace(/^\//, '');
    if (path !== file && existsSync(join(dir, path))) names.add(path);
  }
  return [...names];
}

/**
 * Each manifest content script, then every script it loads lazily (named in
 * it, transitively) and every web-accessible script, listed separately.
 */
export function contentScriptSizes(ext: BuiltExtension): FileSize[] {
  const entries = contentScriptFiles(ext.manifest);
  const sizes = entries.map((f) => sizeOf(ext.dir, f, 'content script'));
  const seen = new Set(entries);
  const queue = [...entries];
  const add = (file: string, via: string) => {
    if (seen.has(file) || !existsSync(join(ext.dir, file))) return;
    seen.add(file);
    queue.push(file);
    sizes.push(sizeOf(ext.dir, file, via));
  };
  const drain = () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      for (const next of namedFiles(ext.dir, file)) add(next, `lazy, named in ${file}`);
    }
  };
  drain();
  for (const w of ext.manifest.web_accessible_resources ?? []) {
    for (const r of w.resources) if (r.endsWith('.js')) add(r.replace(/^\//, ''), 'web-accessible');
  }
  drain();
  return sizes;
}
