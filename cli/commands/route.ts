import { parseArgs } from 'node:util';
import { defaultPolicy } from '../../core/policy/default-policy';
import { createRouter, type Router } from '../../core/route/decide';
import { parseTicket } from '../../core/ticket-parse';
import type { CliCommand, CliIo } from '../io';
import { formatParseErrors, loadPolicy } from '../load-policy';

/**
 * `tierline route [--policy p.json] [--now ISO] (ticket.json | --tickets file.jsonl | -)`:
 * one decision as JSON per line on stdout. A malformed policy stops with exit 1;
 * a malformed ticket is reported on stderr with its path (and line number in
 * JSONL) while the others are still routed, and the exit code is 1 at the end.
 */
const command: CliCommand = {
  summary: 'Route tickets with a policy: one decision as JSON per line',
  usage: 'tierline route [--policy p.json] [--now ISO] (ticket.json | --tickets file.jsonl | -)',
  async run(argv, io) {
    let parsed: ReturnType<typeof readArgs>;
    try {
      parsed = readArgs(argv);
    } catch (error) {
      return usageError(io, error instanceof Error ? error.message : String(error));
    }
    const { values, positionals } = parsed;
    const sources = [values.tickets, ...positionals].filter((s) => s !== undefined);
    if (sources.length !== 1) return usageError(io, sources.length === 0 ? 'give a ticket file, --tickets file.jsonl, or - for stdin' : 'give exactly one ticket source');
    const now = values.now ?? io.now().toISOString();
    if (!ISO_WITH_OFFSET.test(now) || Number.isNaN(Date.parse(now))) return usageError(io, `--now "${now}" is not an ISO date-time with an offset, such as 2026-03-10T10:16:00+01:00`);

    const policy = values.policy ? await loadPolicy(values.policy, io) : defaultPolicy;
    if (!policy) return 1;
    const route = createRouter(policy);

    const source = sources[0] as string;
    let text: string;
    try {
      text = source === '-' ? await io.readStdin() : await io.readFile(source);
    } catch (error) {
      io.stderr(`tierline route: cannot read ${source}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    const jsonl = values.tickets !== undefined || source.endsWith('.jsonl') || source.endsWith('.ndjson');
    const failures = jsonl ? routeLines(text, source, route, now, io) : routeDocument(text, source, route, now, io);
    return failures > 0 ? 1 : 0;
  },
};

export default command;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function readArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    options: { policy: { type: 'string' }, now: { type: 'string' }, tickets: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`tierline route: ${message}\nUsage: ${command.usage}\n`);
  return 2;
}

/** A JSON file: one ticket, or an array of tickets. Returns the number of tickets that failed. */
function routeDocument(text: string, source: string, route: Router, now: string, io: CliIo): number {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    io.stderr(`tierline route: ${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const tickets = Array.isArray(json) ? json : [json];
  let failures = 0;
  tickets.forEach((input, i) => {
    const where = Array.isArray(json) ? `${source} item ${i}` : source;
    if (!routeOne(input, where, route, now, io)) failures++;
  });
  return failures;
}

/** JSON Lines: one ticket per line; blank lines are skipped, bad lines reported by number. */
function routeLines(text: string, source: string, route: Router, now: string, io: CliIo): number {
  let failures = 0;
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${source} line ${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      io.stderr(`tierline route: ${where} is not valid JSON: ${error instanceof Error ? error.message : String(error)}\n`);
      failures++;
      return;
    }
    if (!routeOne(json, where, route, now, io)) failures++;
  });
  return failures;
}

function routeOne(input: unknown, where: string, route: Router, now: string, io: CliIo): boolean {
  const ticket = parseTicket(input);
  if (!ticket.ok) {
    io.stderr(`tierline route: ${where}: not a valid ticket:\n${formatParseErrors(ticket.errors)}`);
    return false;
  }
  io.stdout(`${JSON.stringify(route(ticket.ticket, { now }))}\n`);
  return true;
}
