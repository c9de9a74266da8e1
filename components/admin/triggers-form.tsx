import { useState } from 'preact/hooks';
import { conditionSchema } from '../../core/conditions/schema';
import { type Role, type Trigger, triggerKindSchema } from '../../core/policy/schema';
import { TIER_IDS } from '../../core/ticket';
import { CheckField, FindingList, patchAt, removeAt, SelectField, Section, TextField } from './form-kit';
import { type DraftSectionProps, listOf } from './model-form';
import { findingsUnder } from './policy-check';

/**
 * The condition as JSON text, checked against the condition schema before it
 * reaches the draft, so a half-typed condition never replaces a working one.
 */
function ConditionEditor(props: { label: string; value: unknown; disabled: boolean; onValid: (value: Trigger['when']) => void }) {
  const [text, setText] = useState(() => JSON.stringify(props.value ?? {}, null, 2));
  const [error, setError] = useState<string | undefined>();
  const errorId = `${props.label.replace(/\W+/g, '-')}-error`;
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
        rows={4}
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

export function TriggersForm({ draft, findings, onChange, disabled }: DraftSectionProps) {
  const triggers = listOf<Trigger>(draft, 'triggers');
  const roles = listOf<Role>(draft, 'roles');
  const set = (next: Trigger[]) => onChange('triggers', next);
  const setRoute = (i: number, patch: Partial<Trigger['route']>) => {
    const route = { ...triggers[i]!.route, ...patch };
    // An empty choice removes the key: the schema wants it absent, not "".
    for (const k of ['tier', 'role'] as const) if (route[k] === '') delete route[k];
    if (route.stay === undefined) delete route.stay;
    set(patchAt(triggers, i, { route }));
  };
  return (
    <Section id="triggers" title="Escalation triggers" description="Measurable conditions only; the first match of each kind routes the ticket.">
      <FindingList findings={findingsUnder(findings, '$.triggers')} label="Trigger findings" />
      {triggers.map((trigger, i) => (
        <fieldset key={`${trigger.id}-${i}`} class="tl-row" data-testid="tl-trigger">
          <legend>
            {trigger.id} ({trigger.kind})
          </legend>
          <TextField label="Id" value={trigger.id} disabled={disabled} onInput={(id) => set(patchAt(triggers, i, { id }))} />
          <SelectField label="Kind" value={trigger.kind} options={triggerKindSchema.options} disabled={disabled} onChange={(kind) => set(patchAt(triggers, i, { kind: kind as Trigger['kind'] }))} />
          <TextField label="Description" wide value={trigger.description} disabled={disabled} onInput={(description) => set(patchAt(triggers, i, { description }))} />
          <SelectField label="Route to tier" value={trigger.route?.tier} options={TIER_IDS} allowEmpty="(none)" disabled={disabled} onChange={(tier) => setRoute(i, { tier: tier as Trigger['route']['tier'] })} />
          <SelectField label="Route to role" value={trigger.route?.role} options={roles.map((r) => ({ value: r.id, label: r.name }))} allowEmpty="(none)" disabled={disabled} onChange={(role) => setRoute(i, { role })} />
          <CheckField label="Bypass Tier 1–2" checked={trigger.route?.bypass === true} disabled={disabled} onChange={(bypass) => setRoute(i, { bypass })} />
          <CheckField label="Warning only (the ticket stays where the rest of the policy puts it)" checked={trigger.route?.stay === true} disabled={disabled} onChange={(stay) => setRoute(i, stay ? { stay } : { stay: undefined })} />
          <TextField label="Action for the agent" wide value={trigger.action} disabled={disabled} onInput={(action) => set(patchAt(triggers, i, { action }))} />
          <ConditionEditor label={`Condition of ${trigger.id} (JSON)`} value={trigger.when} disabled={disabled} onValid={(when) => set(patchAt(triggers, i, { when }))} />
          <button type="button" class="tl-link" disabled={disabled} onClick={() => set(removeAt(triggers, i))}>
            Remove trigger {trigger.id}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        disabled={disabled}
        onClick={() =>
          set([
            ...triggers,
            {
              id: `trigger-${triggers.length + 1}`,
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
