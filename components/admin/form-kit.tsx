import type { ComponentChildren } from 'preact';
import type { Finding } from '../../core/policy/lint';
import { type SectionId, sectionInfo } from './options-sections';

/** Small labelled inputs shared by the policy form sections; every control has a visible label (axe, keyboard users). */

export function TextField(props: {
  label: string;
  value: string | undefined;
  onInput: (value: string) => void;
  disabled?: boolean;
  wide?: boolean;
  placeholder?: string;
}) {
  return (
    <label class={`tl-field${props.wide ? ' tl-wide' : ''}`}>
      <span>{props.label}</span>
      <input
        type="text"
        value={props.value ?? ''}
        disabled={props.disabled}
        placeholder={props.placeholder}
        onChange={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </label>
  );
}

/**
 * A sentence-length field (a tier's boundary, a trigger's description or action): wraps instead of cutting the
 * text off, grows with it (CSS `field-sizing`, with rows from the length where that is not supported).
 */
export function TextAreaField(props: { label: string; value: string | undefined; onInput: (value: string) => void; disabled?: boolean; hint?: string; fullWidth?: boolean }) {
  const value = props.value ?? '';
  return (
    <label class={`tl-field tl-wide${props.fullWidth ? ' tl-full' : ''}`}>
      <span>{props.label}</span>
      <textarea
        class="tl-sentence"
        rows={Math.min(6, Math.max(2, Math.ceil(value.length / 80)))}
        value={value}
        disabled={props.disabled}
        onChange={(e) => props.onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {props.hint && <small class="tl-muted">{props.hint}</small>}
    </label>
  );
}

export function SelectField(props: {
  label: string;
  value: string | undefined;
  options: readonly (string | { value: string; label: string })[];
  onChange: (value: string) => void;
  disabled?: boolean;
  allowEmpty?: string;
}) {
  return (
    <label class="tl-field">
      <span>{props.label}</span>
      <select value={props.value ?? ''} disabled={props.disabled} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}>
        {props.allowEmpty !== undefined && <option value="">{props.allowEmpty}</option>}
        {props.options.map((o) => {
          const { value, label } = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <option key={value} value={value}>
              {label}
            </option>
          );
        })}
      </select>
    </label>
  );
}

export function CheckField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean }) {
  return (
    <label class="tl-check">
      <input type="checkbox" checked={props.checked} disabled={props.disabled} onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)} />
      <span>{props.label}</span>
    </label>
  );
}

/** Lint findings and schema errors, each with its path and the fix the linter suggests. */
export function FindingList({ findings, label }: { findings: readonly Finding[]; label: string }) {
  if (findings.length === 0) return null;
  return (
    <ul class="tl-findings" aria-label={label}>
      {findings.map((f, i) => (
        <li key={`${f.path}-${f.code}-${i}`} class={`tl-finding tl-${f.severity}`} data-testid="tl-finding">
          <strong>{f.severity === 'error' ? 'Error' : 'Warning'}</strong> <code>{f.path}</code> {f.message}
          {f.fix && <span class="tl-fix"> Fix: {f.fix}</span>}
        </li>
      ))}
    </ul>
  );
}

/** One section of the options page, titled and described as in the side navigation (options-sections.ts). */
export function Section(props: { id: SectionId; children: ComponentChildren }) {
  const info = sectionInfo(props.id);
  return (
    <section class="tl-section" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{info.title}</h2>
      {info.description && <p class="tl-muted">{info.description}</p>}
      {props.children}
    </section>
  );
}

/** A copy of `list` with item `i` replaced by `patch` merged over it; inputs are never mutated. */
export function patchAt<T extends object>(list: readonly T[], i: number, patch: Partial<T>): T[] {
  return list.map((item, j) => (j === i ? { ...item, ...patch } : item));
}

export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}

/**
 * A new lowercase id from a name, unique among `taken`: ids stay out of the form (the JSON view shows them),
 * so a role, trigger or handoff item added here gets one from what the admin called it.
 *
 * @example
 * idFromName('Night shift', ['night-shift']) // 'night-shift-2'
 */
export function idFromName(name: string, taken: readonly string[]): string {
  const base =
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'item';
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** Comma-separated text ↔ a list of trimmed, non-empty strings. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
