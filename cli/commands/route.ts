import { parseArgs } from 'node:util';
import { defaultPolicy } from '../../core/policy/default-policy';
import { createRouter, type Router } from '../../core/route/decide';
import type { Decision } from '../../core/route/decision';
import { parseTicket } from '../../core/ticket-parse';
import { loadTriageModel, predict, type TriageModel } from '../../core/triage/predict';
import { triageText } from '../../core/triage/ticket-text';
import type { CliCommand, CliIo } from '../io';
import { formatParseErrors, loadPolicy } from '../load-policy';

/**
 * `tierline route [--policy p.json] [--model m.json] [--now ISO] [--explain] (ticket.json | --tickets file.jsonl | -)`:
 * one decision as JSON per line on stdout, or with `--explain` each decision as
 * text an admin can read. With `--model` the triage model's suggestion goes to
 * the router, which applies the policy's AI gates itself. A malformed policy or
 * model stops with exit 1; a malformed ticket is reported on stderr with its
 * path (and line number in JSONL) while the others are still routed, and the
 * exit code is 1 at the end.
 */
const command: CliCommand = {
  summary: 'Route tickets with a policy (and optionally a triage model): one decision as JSON per line, or explained as text',
  usage: 'tierline route [--policy p.json] [--model m.json] [--now ISO] [--explain] (ticket.json | --tickets file.jsonl | -)',
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
    const model = values.model ? await readModel(values.model, io) : undefined;
    if (model === null) return 1;
    const routing: Routing = { route: createRouter(policy), now, model, explain: values.explain === true };

    const source = sources[0] as string;
    let text: string;
    try {
      text = source === '-' ? await io.readStdin() : await io.readFile(source);
    } catch (error) {
      io.stderr(`tierline route: cannot read ${source}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    const jsonl = values.tickets !== undefined || source.endsWith('.jsonl') || source.endsWith('.ndjson');
    const failures = jsonl ? routeLines(text, source, routing, io) : routeDocument(text, source, routing, io);
    return failures > 0 ? 1 : 0;
  },
};

export default command;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function readArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    options: { policy: { type: 'string' }, model: { type: 'string' }, now: { type: 'string' }, tickets: { type: 'string' }, explain: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`tierline route: ${message}\nUsage: ${command.usage}\n`);
  return 2;
}

/** What every ticket of one run is routed with. */
interface Routing {
  route: Router;
  now: string;
  model: TriageModel | undefined;
  explain: boolean;
}

/** A trained triage model file (`tierline train`), or null after saying on stderr why it cannot be used. */
async function readModel(path: string, io: CliIo): Promise<TriageModel | null> {
  let json: unknown;
  try {
    json = JSON.parse(await io.readFile(path));
  } catch (error) {
    const why = error instanceof SyntaxError ? 'is not JSON' : `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    io.stderr(`tierline route: the model ${path} ${why}\n`);
    return null;
  }
  const loaded = loadTriageModel(json);
  if (loaded.ok) return loaded.model;
  io.stderr(`tierline route: the model ${path} cannot be used: ${loaded.error}\n`);
  return null;
}

/** A JSON file: one ticket, or an array of tickets. Returns the number of tickets that failed. */
function routeDocument(text: string, source: string, routing: Routing, io: CliIo): number {
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
    if (!routeOne(input, where, routing, io)) failures++;
  });
  return failures;
}

/** JSON Lines: one ticket per line; blank lines are skipped, bad lines reported by number. */
function routeLines(text: string, source: string, routing: Routing, io: CliIo): number {
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
    if (!routeOne(json, where, routing, io)) failures++;
  });
  return failures;
}

function routeOne(input: unknown, where: string, { route, now, model, explain }: Routing, io: CliIo): boolean {
  const ticket = parseTicket(input);
  if (!ticket.ok) {
    io.stderr(`tierline route: ${where}: not a valid ticket:\n${formatParseErrors(ticket.errors)}`);
    return false;
  }
  // The label and its confidence only: the router maps the label and applies the policy's AI gates.
  const suggestion = model ? predict(model, triageText(ticket.ticket)) : undefined;
  const decision = route(ticket.ticket, { now, ...(suggestion ? { model: { label: suggestion.label, confidence: suggestion.confidence } } : {}) });
  io.stdout(explain ? `${explainDecision(decision)}\n` : `${JSON.stringify(decision)}\n`);
  return true;
}

/**
 * A decision as text: the headline, each reason with what it saw, the fired triggers.
 *
 * @example
 * explainDecision(decision)
 * // FD-2002: Tier 1 · Billing Specialist · Normal · bypass
 * // - [trigger] Contractual trigger: A billing dispute over $1,000 goes straight to a Billing Specialist.
 * //     customerText: "Invoice INV-2026-031 charged twice (“charged … twice”)"
 * //     amount.value: 4800
 * // …
 * // Triggers:
 * // - contractual contractual-billing-dispute
 */
function explainDecision(decision: Decision): string {
  const lines = [`${decision.ticketId}: Tier ${decision.tier.slice(1)} · ${decision.roleName} · ${decision.severityName} · ${decision.bypass ? 'bypass' : 'no bypass'}`];
  for (const reason of decision.reasons) {
    lines.push(`- [${reason.about}] ${reason.text}`);
    for (const [key, value] of Object.entries(reason.saw)) {
      // Absent values are left out, as in the JSON.
      if (value !== undefined) lines.push(`    ${key}: ${JSON.stringify(value)}`);
    }
  }
  lines.push(decision.triggers.length === 0 ? 'Triggers: none' : 'Triggers:');
  for (const t of decision.triggers) lines.push(`- ${t.kind} ${t.id}${t.warnOnly ? ' (warn-only)' : ''}`);
  return `${lines.join('\n')}\n`;
}
