import type { Finding } from '../../core/policy/lint';
import type { Policy } from '../../core/policy/schema';
import { CalendarsForm, HandoffForm } from './calendars-handoff-form';
import { FindingList, Section } from './form-kit';
import { IssueMatrixForm, RolesForm, TiersForm } from './model-form';
import { type PolicySectionId, SECTIONS } from './options-sections';
import { type DraftCheck, isUnder, policyText } from './policy-check';
import { Simulator } from './simulator';
import { TriggersForm } from './triggers-form';

export interface PolicyEditorProps {
  /** The policy section to show. */
  section: PolicySectionId;
  /** The draft's JSON text and what the CLI's parser and linter say about it. */
  text: string;
  check: DraftCheck;
  /** True when the draft differs from the policy in force. */
  edited: boolean;
  onText: (text: string) => void;
  /** True when an administrator set the policy: local edits would never apply. */
  locked: boolean;
  onSave: (policy: Policy) => Promise<void>;
  download: (fileName: string, text: string) => void;
  now: () => Date;
  status: string;
  onStatus: (status: string) => void;
}

/** Findings no form section shows (severities, AI gates, helpdesk mappings): listed above every policy section. */
export function findingsElsewhere(findings: readonly Finding[]): Finding[] {
  const shown = SECTIONS.flatMap((s) => (s.id === 'json' ? [] : ('paths' in s ? s.paths : [])));
  return findings.filter((f) => !shown.some((prefix) => isUnder(f.path, prefix)));
}

/**
 * The policy editor: one section of the draft at a time (a form, the
 * simulator or the raw JSON) under a toolbar that saves, exports and imports
 * it. Every section edits the same JSON text, which the CLI's parser and
 * linter check on every change.
 */
export function PolicyEditor(props: PolicyEditorProps) {
  const { check, locked: disabled } = props;
  const errors = check.findings.filter((f) => f.severity === 'error').length;
  const warnings = check.findings.length - errors;

  const onChange = (key: string, value: unknown) => {
    if (!check.draft) return;
    props.onText(policyText({ ...check.draft, [key]: value }));
    props.onStatus('');
  };
  const save = async () => {
    if (!check.policy || !check.saveable) return;
    try {
      await props.onSave(check.policy);
      props.onStatus(`Saved “${check.policy.name}” revision ${check.policy.revision} in this browser.`);
    } catch (error) {
      props.onStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    props.onText(await file.text());
    props.onStatus(`Imported ${file.name}; review the findings, then save.`);
  };
  const form = { draft: check.draft ?? {}, findings: check.findings, onChange, disabled };
  const elsewhere = props.section === 'json' ? [] : findingsElsewhere(check.findings);

  return (
    <div class="tl-editor">
      <div class="tl-toolbar tl-policy-toolbar" role="toolbar" aria-label="Policy actions">
        <button type="button" class="tl-primary" disabled={disabled || !check.saveable || !props.edited} onClick={save} data-testid="tl-save-policy">
          Save policy
        </button>
        <button type="button" onClick={() => props.download('tierline-policy.json', props.text)}>
          Export JSON
        </button>
        <label class="tl-file">
          <span>Import JSON</span>
          <input type="file" accept="application/json,.json" disabled={disabled} onChange={(e) => importFile((e.currentTarget as HTMLInputElement).files?.[0])} />
        </label>
        <span class="tl-summary" data-testid="tl-lint-summary" aria-live="polite">
          {errors} {errors === 1 ? 'error' : 'errors'}, {warnings} {warnings === 1 ? 'warning' : 'warnings'}
        </span>
        {props.edited && !props.status && <span class="tl-muted">Unsaved changes</span>}
        {props.status && (
          <span class="tl-status" role="status">
            {props.status}
          </span>
        )}
      </div>
      {props.locked && (
        <p class="tl-locked" role="note">
          Set by your administrator: this browser uses their policy, so edits here would not apply. You can still read, export and simulate it.
        </p>
      )}
      <FindingList findings={elsewhere} label="Findings outside the form (see Policy JSON)" />
      {props.section === 'simulator' && (
        <Section id="simulator">
          <Simulator policy={check.policy} now={props.now} />
        </Section>
      )}
      {props.section === 'json' && (
        <Section id="json">
          <FindingList findings={check.findings} label="All policy findings" />
          <label class="tl-field tl-wide">
            <span>Policy JSON</span>
            <textarea class="tl-code tl-json" rows={30} spellcheck={false} value={props.text} readOnly={disabled} data-testid="tl-policy-json" onInput={(e) => props.onText((e.currentTarget as HTMLTextAreaElement).value)} />
          </label>
        </Section>
      )}
      {props.section !== 'simulator' && props.section !== 'json' && !check.draft && (
        <Section id={props.section}>
          <p class="tl-error">The JSON does not parse; fix it in the Policy JSON section.</p>
        </Section>
      )}
      {check.draft && (
        <>
          {props.section === 'tiers' && <TiersForm {...form} />}
          {props.section === 'roles' && <RolesForm {...form} />}
          {props.section === 'issue-types' && <IssueMatrixForm {...form} />}
          {props.section === 'triggers' && <TriggersForm {...form} />}
          {props.section === 'calendars' && <CalendarsForm {...form} />}
          {props.section === 'handoff' && <HandoffForm {...form} />}
        </>
      )}
    </div>
  );
}
