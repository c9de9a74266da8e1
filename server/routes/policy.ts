import { Hono } from 'hono';
import { policySchema } from '../../core/policy/schema';
import type { Db } from '../db/db';
import { type AppEnv, requireRole } from '../http/auth';
import { ApiError, invalid, readJson, toIssues } from '../http/errors';
import { findNul } from '../http/nul';
import { publishPolicy, readLatestPolicy } from '../store/policies';

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
      const parsed = policySchema.safeParse(await readJson(c));
      if (!parsed.success) invalid(422, 'invalid_policy', toIssues(parsed.error, [], 50), 'Invalid policy, not published');
      const nul = findNul(parsed.data);
      if (nul) invalid(422, 'invalid_policy', [{ path: nul, message: 'contains a NUL character (U+0000)' }], 'Invalid policy, not published');
      const result = await publishPolicy(db, principal.org, {
        body: parsed.data,
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
