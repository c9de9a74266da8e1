import { Hono } from 'hono';
import { lintPolicy } from '../../core/policy/lint';
import { parsePolicy } from '../../core/policy/parse';
import type { Policy } from '../../core/policy/schema';
import type { Db } from '../db/db';
import { type AppEnv, requireRole } from '../http/auth';
import { ApiError, type Issue, fromJsonPath, invalid, readJson } from '../http/errors';
import { findUnstorableText } from '../http/nul';
import { publishPolicy, readLatestPolicy } from '../store/policies';

const MAX_ISSUES = 50;

/**
 * A policy exactly as the CLI (`tierline lint`, `tierline managed-policy`) and
 * the extension's admin page check it: `parsePolicy` (schema, IANA time zones,
 * safe patterns), then the linter's errors (warnings do not block), then what
 * jsonb cannot store. Returns the problems with their paths, none when it may be published.
 */
function checkPolicy(body: unknown): { ok: true; policy: Policy } | { ok: false; issues: Issue[] } {
  // parsePolicy reads a string as JSON text; a body that is a JSON string is not a policy.
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, issues: [{ path: [], message: 'expected a policy object' }] };
  }
  const parsed = parsePolicy(body);
  if (!parsed.ok) return { ok: false, issues: parsed.errors.slice(0, MAX_ISSUES).map((e) => ({ path: fromJsonPath(e.path), message: e.message, fix: e.fix })) };
  const errors = lintPolicy(parsed.policy).filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    return { ok: false, issues: errors.slice(0, MAX_ISSUES).map((f) => ({ path: fromJsonPath(f.path), message: `${f.message} (${f.code})`, fix: f.fix })) };
  }
  const unstorable = findUnstorableText(parsed.policy);
  if (unstorable) return { ok: false, issues: [unstorable] };
  return { ok: true, policy: parsed.policy };
}

const etag = (revision: number) => `"${revision}"`;

/** The revisions an If-None-Match / If-Match header names; `'*'` for any. Weak tags compare by value. */
function taggedRevisions(header: string): number[] | '*' | null {
  if (header.trim() === '*') return '*';
  const out: number[] = [];
  for (const part of header.split(',')) {
    const m = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(part);
    if (!m?.[1]) return null;
    out.push(Number(m[1]));
  }
  return out;
}

/**
 * `GET /v1/policy` answers the latest revision with `ETag: "<revision>"` (304 when
 * the client has it); `PUT /v1/policy` (admins) publishes the next revision, and
 * with `If-Match` only when nobody published in between (412 otherwise).
 */
export function policyRoutes(options: { db: Db; now: () => Date }): Hono<AppEnv> {
  const { db, now } = options;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const stored = await readLatestPolicy(db, c.get('principal').org);
      if (!stored) throw new ApiError(404, 'no_policy', 'This organisation has not published a policy yet (PUT /v1/policy as an admin).');
      c.header('ETag', etag(stored.revision));
      c.header('Cache-Control', 'private, no-cache');
      const known = taggedRevisions(c.req.header('if-none-match') ?? '');
      if (known === '*' || known?.includes(stored.revision)) return c.body(null, 304);
      return c.json(stored.body);
    })
    .put('/', requireRole('admin'), async (c) => {
      const principal = c.get('principal');
      const ifMatch = c.req.header('if-match');
      let expected: number | undefined;
      if (ifMatch !== undefined) {
        const tags = taggedRevisions(ifMatch);
        if (tags === null || (tags !== '*' && tags.length !== 1)) {
          throw new ApiError(400, 'invalid_if_match', 'If-Match must be one revision tag such as "3", or *.');
        }
        if (tags === '*') {
          const current = await readLatestPolicy(db, principal.org);
          if (!current) throw new ApiError(412, 'precondition_failed', 'If-Match: * but no policy exists yet.');
          expected = current.revision;
        } else expected = tags[0];
      }
      const checked = checkPolicy(await readJson(c));
      if (!checked.ok) invalid(422, 'invalid_policy', checked.issues, 'Invalid policy, not published');
      const result = await publishPolicy(db, principal.org, {
        body: checked.policy,
        ...(expected === undefined ? {} : { expected }),
        createdBy: `${principal.role}:${principal.agent ?? principal.label ?? principal.hash.slice(0, 8)}`,
        now: now(),
      });
      if (!result.ok) {
        throw new ApiError(412, 'precondition_failed', `The policy is at revision ${result.current}, not ${expected}; reload it and apply your change again.`, {
          headers: { ETag: etag(result.current) },
        });
      }
      c.header('ETag', etag(result.policy.revision));
      return c.json(result.policy.body, result.policy.revision === 1 ? 201 : 200);
    });
}
