import { useState } from 'preact/hooks';
import { conditionSchema } from '../../core/conditions/schema';
import { type Role, type Tier, type Trigger, type TriggerKind, triggerKindSchema } from '../../core/policy/schema';
import { CheckField, FindingList, idFromName, patchAt, removeAt, SelectField, Section, TextAreaField } from './form-kit';
import { type DraftSectionProps, listOf, roleOptions, tierName, tierOptions } from './model-form';
import { findingsUnder } from './policy-check';

/**
 * The condition as JSON text, checked against the condition schema before it
 * reaches the draft, so a half-typed condition never replaces a working one.
 */
function ConditionEditor(props: { label: string; errorId: string; value: unknown; disabled: boolean; onValid: (value: Trigger['when']) => void }) {
  const [text, setText] = useState(() => JSON.stringify(props.value ?? {}, null, 2));
  const [error, setError] = useState<string | undefined>();
  const { errorId } = props;
  const apply = (next: string) => {
    setText(next);
    let json: unknown;
    try {
      json = JSON.parse(next);
    } catch (e) {
      setError(`Not JSON: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const checked = conditionSchema.safeParse(json);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      setError(`Not a condition${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    setError(undefined);
    props.onValid(checked.data);
  };
  return (
    <label class="tl-field tl-wide">
      <span>{props.label}</span>
      <textarea
        class="tl-code"
        rows={8}
        value={text}
        disabled={props.disabled}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={error ? errorId : undefined}
        onInput={(e) => apply((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {error && (
        <span class="tl-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

/** The six kinds of the support-levels model, as an admin reads them: a name and what it is about. */
export const KIND_NAMES: Record<TriggerKind, [name: string, about: string]> = {
  functional: ['Functional', 'needs skills or access the tier lacks'],
  severity: ['Severity', 'impact on the business'],
  time: ['Time', 'waited too long'],
  contractual: ['Contractual', 'plan, SLA or money'],
  systemic: ['Systemic', 'many customers at once'],
  sentiment: ['Sentiment', 'frustration, repeat contact'],
};

/** "→ Tier 4: Specialist · Security Incident Lead, bypassing Tier 1–2", or "warning only". */
function routeSummary(route: Partial<Trigger['route']> | undefined, tiers: readonly Tier[], roles: readonly Role[]): string {
  if (!route) return '';
  if (route.stay) return 'warning only';
  const parts = [route.tier ? tierName(tiers, route.tier) : '', roles.find((r) => r.id === route.role)?.name ?? ''].filter(Boolean);
  return `→ ${parts.join(' · ')}${route.bypass ? ', bypassing Tier 1–2' : ''}`;
}

export function TriggersForm({ draft, findings, onChange, disabled }: DraftSectionProps) {
  const triggers = listOf<Trigger>(draft, 'triggers');
  const roles = listOf<Role>(draft, 'roles');
  const tiers = listOf<Tier>(draft, 'tiers');
  const set = (next: Trigger[]) => onChange('triggers', next);
  const setRoute = (i: number, patch: Partial<Trigger['route']>) => {
    const route = { ...triggers[i]!.route, ...patch };
    // An empty choice removes the key: the schema wants it absent, not "".
    for (const k of ['tier', 'role'] as const) if (route[k] === '') delete route[k];
    if (route.stay === undefined) delete route.stay;
    set(patchAt(triggers, i, { route }));
  };
  return (
    <Section id="triggers">
      <FindingList findings={findingsUnder(findings, '$.triggers')} label="Trigger findings" />
      {/* Collapsed by default: sixteen triggers with their conditions open were most of the page's height. */}
      {triggers.map((trigger, i) => {
        const own = findingsUnder(findings, `$.triggers[${i}]`);
        return (
          <details key={`${trigger.id}-${i}`} class="tl-row tl-trigger" data-testid="tl-trigger" open={own.some((f) => f.severity === 'error')}>
            <summary>
              <strong>{trigger.description || 'New trigger'}</strong> <span class="tl-pill">{KIND_NAMES[trigger.kind]?.[0] ?? trigger.kind}</span>{' '}
              <span class="tl-muted">{routeSummary(trigger.route, tiers, roles)}</span>
              {own.length > 0 && <span class="tl-pill tl-warn"> {own.length === 1 ? '1 finding' : `${own.length} findings`}</span>}
            </summary>
            <div class="tl-trigger-body">
              <SelectField label="Kind" value={trigger.kind} options={triggerKindSchema.options.map((k) => ({ value: k, label: `${KIND_NAMES[k][0]} (${KIND_NAMES[k][1]})` }))} disabled={disabled} onChange={(kind) => set(patchAt(triggers, i, { kind: kind as TriggerKind }))} />
              <SelectField label="Route to tier" value={trigger.route?.tier} options={tierOptions(tiers)} allowEmpty="(none)" disabled={disabled} onChange={(tier) => setRoute(i, { tier: tier as Trigger['route']['tier'] })} />
              <SelectField label="Route to role" value={trigger.route?.role} options={roleOptions(roles)} allowEmpty="(none)" disabled={disabled} onChange={(role) => setRoute(i, { role })} />
              <CheckField label="Bypass Tier 1–2" checked={trigger.route?.bypass === true} disabled={disabled} onChange={(bypass) => setRoute(i, { bypass })} />
              <CheckField label="Warning only (the ticket stays where the rest of the policy puts it)" checked={trigger.route?.stay === true} disabled={disabled} onChange={(stay) => setRoute(i, stay ? { stay } : { stay: undefined })} />
              <TextAreaField label="Description (what it means, in the agent's words)" fullWidth value={trigger.description} disabled={disabled} onInput={(description) => set(patchAt(triggers, i, { description }))} />
              <TextAreaField label="Action for the agent" fullWidth value={trigger.action} disabled={disabled} onInput={(action) => set(patchAt(triggers, i, { action }))} />
              <ConditionEditor label="Condition (JSON)" errorId={`trigger-${i}-condition-error`} value={trigger.when} disabled={disabled} onValid={(when) => set(patchAt(triggers, i, { when }))} />
              <button type="button" class="tl-link" disabled={disabled} onClick={() => set(removeAt(triggers, i))}>
                Remove this trigger
              </button>
            </div>
          </details>
        );
      })}
      <button
        type="button"
        disabled={disabled}
        onClick={() =>
          set([
            ...triggers,
            {
              id: idFromName('functional needs backend access', triggers.map((t) => t.id)),
              kind: 'functional',
              description: 'Needs backend access',
              when: { field: 'tags', op: 'contains', value: 'needs-backend' },
              route: { tier: 'T2', bypass: false },
              action: 'Escalate to Tier 2 with the handoff packet.',
            },
          ])
        }
      >
        Add trigger
      </button>
    </Section>
  );
}
