import type { Finding } from '../../core/policy/lint';
import type { IssueType, Role, Tier } from '../../core/policy/schema';
import { TIER_IDS, type TierId } from '../../core/ticket';
import { CheckField, FindingList, idFromName, patchAt, removeAt, SelectField, Section, splitList, TextAreaField, TextField } from './form-kit';
import { findingsUnder } from './policy-check';

/** Tiers, roles and the issue-type matrix: who owns what. Names only: ids are kept as they are and shown in the JSON view. */

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

/** "Tier 2: Technical" as the policy names it, else "Tier 2". */
export function tierName(tiers: readonly Pick<Tier, 'id' | 'name'>[], id: string | undefined): string {
  return tiers.find((t) => t.id === id)?.name || (id ? `Tier ${id.slice(1)}` : '');
}

/** Every tier level as a choice, named by the draft's tiers. */
export function tierOptions(tiers: readonly Pick<Tier, 'id' | 'name'>[]) {
  return TIER_IDS.map((id) => ({ value: id, label: tierName(tiers, id) }));
}

export function roleOptions(roles: readonly Pick<Role, 'id' | 'name'>[]) {
  return roles.map((r) => ({ value: r.id, label: r.name || r.id }));
}

export function TiersForm({ draft, findings, onChange, disabled }: DraftSectionProps) {
  const tiers = listOf<Tier>(draft, 'tiers');
  const roles = listOf<Role>(draft, 'roles');
  const set = (next: Tier[]) => onChange('tiers', next);
  return (
    <Section id="tiers">
      <FindingList findings={findingsUnder(findings, '$.tiers')} label="Tier findings" />
      <SelectField label="New tickets start at" value={typeof draft.entryTier === 'string' ? draft.entryTier : 'T1'} options={tierOptions(tiers)} disabled={disabled} onChange={(entryTier) => onChange('entryTier', entryTier)} />
      {tiers.map((tier, i) => (
        <fieldset key={`${tier.id}-${i}`} class="tl-row">
          <legend>{tier.name || `Tier ${tier.id.slice(1)}`}</legend>
          <SelectField label="Level" value={tier.id} options={TIER_IDS.map((id) => ({ value: id, label: `Tier ${id.slice(1)}` }))} disabled={disabled} onChange={(id) => set(patchAt(tiers, i, { id: id as TierId }))} />
          <TextField label="Name" value={tier.name} disabled={disabled} onInput={(name) => set(patchAt(tiers, i, { name }))} />
          <SelectField label="Owner role" value={tier.ownerRole} options={roleOptions(roles)} allowEmpty="(choose)" disabled={disabled} onChange={(ownerRole) => set(patchAt(tiers, i, { ownerRole }))} />
          <CheckField label="Staffed by people" checked={tier.human !== false} disabled={disabled} onChange={(human) => set(patchAt(tiers, i, { human }))} />
          <TextAreaField label="Boundary (one sentence)" fullWidth value={tier.boundary} disabled={disabled} onInput={(boundary) => set(patchAt(tiers, i, { boundary }))} />
        </fieldset>
      ))}
    </Section>
  );
}

export function RolesForm({ draft, findings, onChange, disabled }: DraftSectionProps) {
  const roles = listOf<Role>(draft, 'roles');
  const tiers = listOf<Tier>(draft, 'tiers');
  const set = (next: Role[]) => onChange('roles', next);
  return (
    <Section id="roles">
      <FindingList findings={findingsUnder(findings, '$.roles')} label="Role findings" />
      {roles.map((role, i) => (
        <fieldset key={`${role.id}-${i}`} class="tl-row">
          <legend>{role.name || 'New role'}</legend>
          <TextField label="Name" value={role.name} disabled={disabled} onInput={(name) => set(patchAt(roles, i, { name }))} />
          <SelectField label="Works at" value={role.tier} options={tierOptions(tiers)} disabled={disabled} onChange={(tier) => set(patchAt(roles, i, { tier: tier as TierId }))} />
          <TextAreaField label="Description" value={role.description} disabled={disabled} onInput={(description) => set(patchAt(roles, i, { description }))} />
          <button type="button" class="tl-link" disabled={disabled} onClick={() => set(removeAt(roles, i))}>
            Remove role {role.name}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        disabled={disabled}
        onClick={() =>
          set([
            ...roles,
            {
              id: idFromName('New role', roles.map((r) => r.id)),
              name: 'New role',
              tier: 'T1',
            },
          ])
        }
      >
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
    <Section id="issue-types">
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
              <td class="tl-keywords">
                <textarea
                  class="tl-sentence"
                  rows={2}
                  aria-label={`Keywords for ${type.name || type.id}`}
                  value={(type.keywords ?? []).join(', ')}
                  disabled={disabled}
                  onChange={(e) => set(patchAt(types, i, { keywords: splitList((e.currentTarget as HTMLTextAreaElement).value) }))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
