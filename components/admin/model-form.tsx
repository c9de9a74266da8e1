import type { Finding } from '../../core/policy/lint';
import type { IssueType, Role, Tier } from '../../core/policy/schema';
import { TIER_IDS } from '../../core/ticket';
import { CheckField, FindingList, patchAt, removeAt, SelectField, Section, splitList, TextField } from './form-kit';
import { findingsUnder } from './policy-check';

/** Tiers, roles and the issue-type matrix: who owns what. */

export interface DraftSectionProps {
  draft: Record<string, unknown>;
  findings: readonly Finding[];
  onChange: (key: string, value: unknown) => void;
  disabled: boolean;
}

/** The draft's list under `key`, or an empty one while the draft is mid-edit. */
export function listOf<T>(draft: Record<string, unknown>, key: string): T[] {
  const value = draft[key];
  return Array.isArray(value) ? (value as T[]) : [];
}

export function TiersForm({ draft, findings, onChange, disabled }: DraftSectionProps) {
  const tiers = listOf<Tier>(draft, 'tiers');
  const roles = listOf<Role>(draft, 'roles');
  const set = (next: Tier[]) => onChange('tiers', next);
  return (
    <Section id="tiers" title="Tiers" description="Each tier's one-sentence boundary and the role that owns its tickets.">
      <FindingList findings={findingsUnder(findings, '$.tiers')} label="Tier findings" />
      {tiers.map((tier, i) => (
        <fieldset key={`${tier.id}-${i}`} class="tl-row">
          <legend>{tier.name || tier.id}</legend>
          <SelectField label="Tier" value={tier.id} options={TIER_IDS} disabled={disabled} onChange={(id) => set(patchAt(tiers, i, { id: id as Tier['id'] }))} />
          <TextField label="Name" value={tier.name} disabled={disabled} onInput={(name) => set(patchAt(tiers, i, { name }))} />
          <TextField label="Boundary (one sentence)" wide value={tier.boundary} disabled={disabled} onInput={(boundary) => set(patchAt(tiers, i, { boundary }))} />
          <SelectField label="Owner role" value={tier.ownerRole} options={roles.map((r) => r.id)} allowEmpty="(choose)" disabled={disabled} onChange={(ownerRole) => set(patchAt(tiers, i, { ownerRole }))} />
          <CheckField label="Staffed by people" checked={tier.human !== false} disabled={disabled} onChange={(human) => set(patchAt(tiers, i, { human }))} />
        </fieldset>
      ))}
    </Section>
  );
}

export function RolesForm({ draft, findings, onChange, disabled }: DraftSectionProps) {
  const roles = listOf<Role>(draft, 'roles');
  const set = (next: Role[]) => onChange('roles', next);
  return (
    <Section id="roles" title="Roles" description="Roles, not people: who acts at each tier.">
      <FindingList findings={findingsUnder(findings, '$.roles')} label="Role findings" />
      {roles.map((role, i) => (
        <fieldset key={`${role.id}-${i}`} class="tl-row">
          <legend>{role.name || role.id || 'New role'}</legend>
          <TextField label="Id" value={role.id} disabled={disabled} onInput={(id) => set(patchAt(roles, i, { id }))} />
          <TextField label="Name" value={role.name} disabled={disabled} onInput={(name) => set(patchAt(roles, i, { name }))} />
          <SelectField label="Tier" value={role.tier} options={TIER_IDS} disabled={disabled} onChange={(tier) => set(patchAt(roles, i, { tier: tier as Role['tier'] }))} />
          <TextField label="Description" wide value={role.description} disabled={disabled} onInput={(description) => set(patchAt(roles, i, { description }))} />
          <button type="button" class="tl-link" disabled={disabled} onClick={() => set(removeAt(roles, i))}>
            Remove role {role.name || role.id}
          </button>
        </fieldset>
      ))}
      <button type="button" disabled={disabled} onClick={() => set([...roles, { id: `role-${roles.length + 1}`, name: 'New role', tier: 'T1' }])}>
        Add role
      </button>
    </Section>
  );
}

/** The issue-type matrix: one row per issue type, its tier and (optionally) a role other than the tier's owner. */
export function IssueMatrixForm({ draft, findings, onChange, disabled }: DraftSectionProps) {
  const types = listOf<IssueType>(draft, 'issueTypes');
  const roles = listOf<Role>(draft, 'roles');
  const set = (next: IssueType[]) => onChange('issueTypes', next);
  return (
    <Section id="issue-types" title="Issue-type matrix" description="Which tier (and role) owns each kind of issue; keywords find it in the ticket text.">
      <FindingList findings={findingsUnder(findings, '$.issueTypes')} label="Issue-type findings" />
      <table class="tl-matrix">
        <caption class="tl-sr">Issue types by tier</caption>
        <thead>
          <tr>
            <th scope="col">Issue type</th>
            {TIER_IDS.map((t) => (
              <th scope="col" key={t}>
                Tier {t.slice(1)}
              </th>
            ))}
            <th scope="col">Role</th>
            <th scope="col">Keywords</th>
          </tr>
        </thead>
        <tbody>
          {types.map((type, i) => (
            <tr key={`${type.id}-${i}`}>
              <th scope="row">{type.name || type.id}</th>
              {TIER_IDS.map((t) => (
                <td key={t}>
                  <input
                    type="radio"
                    name={`tier-${type.id}-${i}`}
                    aria-label={`${type.name || type.id} at Tier ${t.slice(1)}`}
                    checked={type.tier === t}
                    disabled={disabled}
                    onChange={() => set(patchAt(types, i, { tier: t }))}
                  />
                </td>
              ))}
              <td>
                <select
                  aria-label={`Role for ${type.name || type.id}`}
                  value={type.role ?? ''}
                  disabled={disabled}
                  onChange={(e) => {
                    const role = (e.currentTarget as HTMLSelectElement).value;
                    const { role: _dropped, ...rest } = type;
                    const next: IssueType = role ? { ...rest, role } : rest;
                    set(types.map((t, j) => (j === i ? next : t)));
                  }}
                >
                  <option value="">tier owner</option>
                  {roles.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="text"
                  aria-label={`Keywords for ${type.name || type.id}`}
                  value={(type.keywords ?? []).join(', ')}
                  disabled={disabled}
                  onChange={(e) => set(patchAt(types, i, { keywords: splitList((e.currentTarget as HTMLInputElement).value) }))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
