#!/usr/bin/env node
// The `tierline` command: TypeScript sources run through tsx, so the CLI and the extension share one codebase.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
