import type { Calendar, HandoffItem, Policy } from '../../core/policy/schema';
import { stageIdSchema } from '../../core/policy/schema';
import { CheckField, FindingList, idFromName, patchAt, removeAt, SelectField, Section, splitList, TextField } from './form-kit';
import { type DraftSectionProps, listOf } from './model-form';
import { findingsUnder } from './policy-check';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof DAYS)[number];
const DAY_NAMES: Record<Day, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
type Hours = Calendar['hours'];
const NO_HOURS: Hours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

/** "09:00-12:00, 13:00-17:00" ↔ [{start, end}, …]; a malformed span is kept as typed so the schema names it. */
export function readSpans(text: string): { start: string; end: string }[] {
  return splitList(text).map((span) => {
    const [start = '', end = ''] = span.split('-').map((s) => s.trim());
    return { start, end };
  });
}

export function writeSpans(spans: readonly { start: string; end: string }[] | undefined): string {
  return (spans ?? []).map((s) => `${s.start}-${s.end}`).join(', ');
}

export function CalendarsForm({ draft, findings, onChange, disabled }: DraftSectionProps) {
  const calendars = listOf<Calendar>(draft, 'calendars');
  const set = (next: Calendar[]) => onChange('calendars', next);
  return (
    <Section id="calendars">
      <FindingList findings={findingsUnder(findings, '$.calendars')} label="Calendar findings" />
      {calendars.map((cal, i) => (
        <fieldset key={`${cal.id}-${i}`} class="tl-row">
          <legend>{cal.name || 'Calendar'}</legend>
          <TextField label="Name" wide value={cal.name} disabled={disabled} onInput={(name) => set(patchAt(calendars, i, { name }))} />
          <TextField label="Time zone (IANA)" value={cal.timeZone} disabled={disabled} onInput={(timeZone) => set(patchAt(calendars, i, { timeZone }))} />
          <CheckField label="Always open (24×7)" checked={cal.alwaysOpen === true} disabled={disabled} onChange={(alwaysOpen) => set(patchAt(calendars, i, { alwaysOpen }))} />
          {!cal.alwaysOpen &&
            DAYS.map((d: Day) => (
              <TextField
                key={d}
                label={`${DAY_NAMES[d]} hours`}
                placeholder="09:00-17:00"
                value={writeSpans(cal.hours?.[d])}
                disabled={disabled}
                onInput={(text) => {
                  const hours: Hours = { ...(cal.hours ?? NO_HOURS), [d]: readSpans(text) };
                  set(patchAt(calendars, i, { hours }));
                }}
              />
            ))}
          <TextField label="Holidays (YYYY-MM-DD, comma-separated)" wide value={(cal.holidays ?? []).join(', ')} disabled={disabled} onInput={(text) => set(patchAt(calendars, i, { holidays: splitList(text) }))} />
        </fieldset>
      ))}
    </Section>
  );
}

/** "T1-T2" → "Tier 1 → Tier 2". */
const stageName = (stage: string) => stage.replace(/T(\d)-T(\d)/, 'Tier $1 → Tier $2');

function ItemsEditor(props: { legend: string; items: HandoffItem[]; taken: readonly string[]; disabled: boolean; onChange: (items: HandoffItem[]) => void }) {
  const { items, onChange, disabled } = props;
  return (
    <fieldset class="tl-row">
      <legend>{props.legend}</legend>
      {items.map((item, i) => (
        <div class="tl-item" key={`${item.id}-${i}`}>
          <TextField label={`${props.legend}: item ${i + 1}`} wide value={item.label} disabled={disabled} onInput={(label) => onChange(patchAt(items, i, { label }))} />
          <button type="button" class="tl-link" disabled={disabled} onClick={() => onChange(removeAt(items, i))}>
            Remove {item.label || item.id}
          </button>
        </div>
      ))}
      <button type="button" disabled={disabled} onClick={() => onChange([...items, { id: idFromName('New item', props.taken), label: 'New item' }])}>
        Add item to {props.legend}
      </button>
    </fieldset>
  );
}

export function HandoffForm({ draft, findings, onChange, disabled }: DraftSectionProps) {
  const handoff = (draft.handoff ?? { base: [], stages: {} }) as Partial<Policy['handoff']>;
  const set = (patch: Partial<Policy['handoff']>) => onChange('handoff', { ...handoff, ...patch });
  const stages = handoff.stages ?? {};
  const taken = [...(handoff.base ?? []), ...Object.values(stages).flatMap((items) => items ?? [])].map((item) => item.id);
  return (
    <Section id="handoff">
      <FindingList findings={findingsUnder(findings, '$.handoff')} label="Handoff findings" />
      <SelectField
        label="Incomplete packets"
        value={handoff.mode ?? 'warn'}
        options={[
          { value: 'warn', label: 'warn (can be sent)' },
          { value: 'block', label: 'block (cannot be sent)' },
        ]}
        disabled={disabled}
        onChange={(mode) => set({ mode: mode as 'warn' | 'block' })}
      />
      <ItemsEditor legend="Every handoff" items={handoff.base ?? []} taken={taken} disabled={disabled} onChange={(base) => set({ base })} />
      {stageIdSchema.options.map((stage) => (
        <ItemsEditor key={stage} legend={stageName(stage)} items={stages[stage] ?? []} taken={taken} disabled={disabled} onChange={(items) => set({ stages: { ...stages, [stage]: items } })} />
      ))}
    </Section>
  );
}
