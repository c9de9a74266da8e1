import { useMemo, useState } from 'preact/hooks';
import type { Policy } from '../../core/policy/schema';
import { CalendarsForm, HandoffForm } from './calendars-handoff-form';
import { FindingList } from './form-kit';
import { IssueMatrixForm, RolesForm, TiersForm } from './model-form';
import { checkPolicyText, policyText } from './policy-check';
import { Simulator } from './simulator';
import { TriggersForm } from './triggers-form';

export interface PolicyEditorProps {
  /** The policy JSON the editor opens with (the effective policy). */
  initialText: string;
  /** Where the effective policy came from, shown beside the title. */
  source: string;
  /** True when managed policy sets the policy: local edits would never apply. */
  locked: boolean;
  onSave: (policy: Policy) => Promise<void>;
  download: (fileName: string, text: string) => void;
  now: () => Date;
}

type View = 'form' | 'json' | 'simulator';

const VIEWS = [
  ['form', 'Form'],
  ['json', 'Raw JSON'],
  ['simulator', 'Simulator'],
] as const;

function onTabKey(e: KeyboardEvent, view: View, setView: (v: View) => void): void {
  const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
  if (!step) return;
  e.preventDefault();
  const i = VIEWS.findIndex(([id]) => id === view);
  const [next] = VIEWS[(i + step + VIEWS.length) % VIEWS.length]!;
  setView(next);
  (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#tab-${next}`)?.focus();
}

/**
 * The policy editor: a form for the model, the raw JSON, and a simulator, all
 * over one JSON text that the CLI's parser and linter check on every change.
 */
export function PolicyEditor(props: PolicyEditorProps) {
  const [text, setText] = useState(props.initialText);
  const [view, setView] = useState<View>('form');
  const [status, setStatus] = useState<string>('');
  const check = useMemo(() => checkPolicyText(text), [text]);
  // The policy in force is the one the editor opened with, whatever is being edited now.
  const inForce = useMemo(() => checkPolicyText(props.initialText).policy, [props.initialText]);
  const errors = check.findings.filter((f) => f.severity === 'error').length;
  const warnings = check.findings.length - errors;
  const disabled = props.locked;

  const onChange = (key: string, value: unknown) => {
    if (!check.draft) return;
    setText(policyText({ ...check.draft, [key]: value }));
    setStatus('');
  };
  const save = async () => {
    if (!check.policy || !check.saveable) return;
    try {
      await props.onSave(check.policy);
      setStatus(`Saved revision ${check.policy.revision} locally.`);
    } catch (error) {
      setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    setStatus(`Imported ${file.name}; review the findings, then save.`);
  };

  return (
    <div class="tl-editor">
      {props.locked && (
        <p class="tl-locked" role="note">
          Locked by your administrator: the policy comes from managed browser settings, so local edits would not apply. You can still read, export and simulate it.
        </p>
      )}
      <p class="tl-muted">
        Policy in force:{' '}
        <strong data-testid="tl-policy-in-force">{inForce ? `“${inForce.name}” · revision ${inForce.revision}` : 'unreadable'}</strong>, from{' '}
        <span class="tl-pill" data-testid="tl-policy-source">
          {props.source}
        </span>
      </p>
      <div class="tl-toolbar" role="toolbar" aria-label="Policy actions">
        <button type="button" class="tl-primary" disabled={disabled || !check.saveable} onClick={save} data-testid="tl-save-policy">
          Save policy
        </button>
        <button type="button" onClick={() => props.download('tierline-policy.json', text)}>
          Export JSON
        </button>
        <label class="tl-file">
          <span>Import JSON</span>
          <input type="file" accept="application/json,.json" disabled={disabled} onChange={(e) => importFile((e.currentTarget as HTMLInputElement).files?.[0])} />
        </label>
        <span class="tl-summary" data-testid="tl-lint-summary" aria-live="polite">
          {errors} {errors === 1 ? 'error' : 'errors'}, {warnings} {warnings === 1 ? 'warning' : 'warnings'}
        </span>
        {status && (
          <span class="tl-status" role="status">
            {status}
          </span>
        )}
      </div>
      <FindingList findings={check.findings} label="All policy findings" />
      {/* The WAI-ARIA tabs pattern: one tab stop, arrow keys move between tabs. */}
      <div class="tl-tabs" role="tablist" aria-label="Policy views" onKeyDown={(e) => onTabKey(e, view, setView)}>
        {VIEWS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            tabIndex={view === id ? 0 : -1}
            aria-selected={view === id}
            aria-controls={`panel-${id}`}
            onClick={() => setView(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
        {view === 'form' &&
          (check.draft ? (
            <>
              <TiersForm draft={check.draft} findings={check.findings} onChange={onChange} disabled={disabled} />
              <RolesForm draft={check.draft} findings={check.findings} onChange={onChange} disabled={disabled} />
              <IssueMatrixForm draft={check.draft} findings={check.findings} onChange={onChange} disabled={disabled} />
              <TriggersForm draft={check.draft} findings={check.findings} onChange={onChange} disabled={disabled} />
              <CalendarsForm draft={check.draft} findings={check.findings} onChange={onChange} disabled={disabled} />
              <HandoffForm draft={check.draft} findings={check.findings} onChange={onChange} disabled={disabled} />
            </>
          ) : (
            <p class="tl-error">The JSON does not parse; fix it in the Raw JSON view.</p>
          ))}
        {view === 'json' && (
          <label class="tl-field tl-wide">
            <span>Policy JSON</span>
            <textarea class="tl-code tl-json" rows={30} spellcheck={false} value={text} readOnly={disabled} data-testid="tl-policy-json" onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
          </label>
        )}
        {view === 'simulator' && <Simulator policy={check.policy} now={props.now} />}
      </div>
    </div>
  );
}
