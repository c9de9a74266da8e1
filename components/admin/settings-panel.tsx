import { useState } from 'preact/hooks';
import { FEATURE_IDS, type FeatureId } from '../../extension/features/registry';
import type { SettingKey } from '../../extension/settings/schema';
import { Section } from './form-kit';
import { type ConnectionResult, type OptionsBackend, SOURCE_LABEL, type SettingRow, type SettingsSnapshot } from './settings-view';

/**
 * Sync, AI, overlay features and extra helpdesk domains: each value with its
 * source; what an administrator set (managed, or listed in `lockedSettings`)
 * is read-only and says "set by your administrator" — one wording for both.
 */

/** The overlay's features as agents see them; ids stay in managed policy (`disabledFeatures`). */
export const FEATURE_NAMES: Record<FeatureId, string> = {
  'tier-badge': 'Tier badge (the tier and role a ticket belongs to)',
  'trigger-warnings': 'Trigger warnings (why it should move now)',
  'handoff-checklist': 'Handoff checklist (what the next tier needs)',
  override: 'Override (move a ticket against the policy, with a reason)',
  'ai-suggestion': 'AI suggestion (the triage model’s issue type)',
  'handoff-received': 'Handoff received (the packet, at the receiving tier)',
};

/** Where a value comes from; an administrator's lock reads the same as an administrator's value. */
export function originText(row: Pick<SettingRow, 'source' | 'locked'>): string {
  return row.locked ? SOURCE_LABEL.managed : SOURCE_LABEL[row.source];
}

function Origin({ row, id }: { row: SettingRow | undefined; id: string }) {
  if (!row) return null;
  const source = row.locked ? 'managed' : row.source;
  return (
    <span class="tl-origin" id={id} data-testid="tl-origin">
      <span class={`tl-pill tl-src-${source}`} data-source={row.source}>
        {originText(row)}
      </span>
    </span>
  );
}

const asString = (v: unknown) => (typeof v === 'string' ? v : '');

type Save = (key: SettingKey, value: unknown) => Promise<void>;

function SettingInput(props: { label: string; settingKey: SettingKey; rows: SettingsSnapshot['rows']; type?: 'text' | 'password' | 'url'; onSave: Save }) {
  const row = props.rows[props.settingKey];
  const [error, setError] = useState<string | undefined>();
  const originId = `origin-${props.settingKey.replace(/\W/g, '-')}`;
  const errorId = `${originId}-error`;
  return (
    <div class="tl-setting" data-setting={props.settingKey} data-locked={row?.locked ? 'true' : 'false'}>
      <label class="tl-field tl-wide">
        <span>{props.label}</span>
        <input
          type={props.type ?? 'text'}
          value={asString(row?.value)}
          disabled={row?.locked}
          aria-describedby={error ? `${originId} ${errorId}` : originId}
          aria-invalid={error ? 'true' : undefined}
          // Cleared is "": the worker's message refuses a missing value, and every text setting takes "" as unset.
          onChange={(e) =>
            props.onSave(props.settingKey, (e.currentTarget as HTMLInputElement).value.trim()).then(
              () => setError(undefined),
              (reason: unknown) => setError(`Not saved: ${reason instanceof Error ? reason.message : String(reason)}`),
            )
          }
        />
      </label>
      <Origin row={row} id={originId} />
      {error && (
        <p class="tl-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Saves one setting through the worker, then reloads the snapshot. */
function saver(backend: OptionsBackend, onSaved: () => void): Save {
  return async (key, value) => {
    await backend.saveSetting(key, value);
    onSaved();
  };
}

interface PanelProps {
  snapshot: SettingsSnapshot;
  backend: OptionsBackend;
  onSaved: () => void;
}

export function SyncSettings({ snapshot, backend, onSaved }: PanelProps) {
  const { rows } = snapshot;
  const save = saver(backend, onSaved);
  const [connection, setConnection] = useState<ConnectionResult | undefined>();
  return (
    <Section id="sync">
      <SettingInput label="Sync endpoint" settingKey="syncEndpoint" type="url" rows={rows} onSave={save} />
      <SettingInput label="Sync token" settingKey="syncToken" type="password" rows={rows} onSave={save} />
      <button
        type="button"
        data-testid="tl-test-connection"
        disabled={!asString(rows.syncEndpoint?.value)}
        onClick={async () => setConnection(await backend.testConnection(asString(rows.syncEndpoint?.value), asString(rows.syncToken?.value)))}
      >
        Test connection
      </button>
      {connection && (
        <p role="status" class={connection.ok ? 'tl-ok' : 'tl-error'}>
          {connection.message}
        </p>
      )}
      <SettingInput label="Triage model URL" settingKey="triageModelUrl" type="url" rows={rows} onSave={save} />
      <SettingInput label="Your name in events (helpdesk login or e-mail)" settingKey="agent" rows={rows} onSave={save} />
      <SettingInput label="Team" settingKey="team" rows={rows} onSave={save} />
    </Section>
  );
}

export function AiSettings({ snapshot, backend, onSaved }: PanelProps) {
  const { rows } = snapshot;
  const save = saver(backend, onSaved);
  const aiEnabled = rows['ai.enabled'];
  const provider = rows['ai.provider'];
  return (
    <Section id="ai">
      <div class="tl-setting" data-setting="ai.enabled" data-locked={aiEnabled?.locked ? 'true' : 'false'}>
        <label class="tl-check">
          <input type="checkbox" checked={aiEnabled?.value === true} disabled={aiEnabled?.locked} aria-describedby="origin-ai-enabled" onChange={(e) => void save('ai.enabled', (e.currentTarget as HTMLInputElement).checked)} />
          <span>Use AI suggestions and summaries</span>
        </label>
        <Origin row={aiEnabled} id="origin-ai-enabled" />
      </div>
      <div class="tl-setting" data-setting="ai.provider" data-locked={provider?.locked ? 'true' : 'false'}>
        <label class="tl-field">
          <span>Provider</span>
          <select value={asString(provider?.value)} disabled={provider?.locked} aria-describedby="origin-ai-provider" onChange={(e) => void save('ai.provider', (e.currentTarget as HTMLSelectElement).value)}>
            <option value="extractive">On this device, no model (extractive)</option>
            <option value="chrome-builtin">Chrome built-in AI</option>
            <option value="openai-compatible">OpenAI-compatible endpoint</option>
          </select>
        </label>
        <Origin row={provider} id="origin-ai-provider" />
      </div>
      <SettingInput label="AI endpoint" settingKey="ai.endpoint" type="url" rows={rows} onSave={save} />
      <SettingInput label="AI model" settingKey="ai.model" rows={rows} onSave={save} />
      <SettingInput label="AI API key" settingKey="ai.apiKey" type="password" rows={rows} onSave={save} />
    </Section>
  );
}

export function FeatureSettings({ snapshot, backend, onSaved }: PanelProps) {
  const { rows } = snapshot;
  const save = saver(backend, onSaved);
  const disabled = Array.isArray(rows.disabledFeatures?.value) ? (rows.disabledFeatures.value as string[]) : [];
  return (
    <Section id="features">
      <div class="tl-setting" data-setting="disabledFeatures" data-locked={rows.disabledFeatures?.locked ? 'true' : 'false'}>
        <fieldset class="tl-row tl-column" aria-describedby="origin-disabledFeatures">
          <legend>Show in the helpdesk</legend>
          {FEATURE_IDS.map((id) => (
            <label class="tl-check" key={id}>
              <input
                type="checkbox"
                data-feature={id}
                checked={!disabled.includes(id)}
                disabled={rows.disabledFeatures?.locked}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  void save('disabledFeatures', on ? disabled.filter((f) => f !== id) : [...disabled, id]);
                }}
              />
              <span>{FEATURE_NAMES[id]}</span>
            </label>
          ))}
        </fieldset>
        <Origin row={rows.disabledFeatures} id="origin-disabledFeatures" />
      </div>
    </Section>
  );
}

export function HostSettings({ snapshot, backend }: Omit<PanelProps, 'onSaved'>) {
  const { rows } = snapshot;
  const [hostStatus, setHostStatus] = useState('');
  const hosts = Array.isArray(rows.extraHelpdeskHosts?.value) ? (rows.extraHelpdeskHosts.value as { host: string; helpdesk: string }[]) : [];
  return (
    <Section id="hosts">
      {hosts.length === 0 ? (
        <p class="tl-muted">No custom helpdesk domains. Administrators list them in managed policy (extraHelpdeskHosts).</p>
      ) : (
        <>
          <ul>
            {hosts.map((h) => (
              <li key={h.host}>
                {h.host} ({h.helpdesk})
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={async () => {
              const granted = await backend.requestHosts(hosts.map((h) => `https://${h.host}/*`));
              setHostStatus(granted ? 'Access granted: the overlay runs on these domains.' : 'Access was not granted.');
            }}
          >
            Grant access to these domains
          </button>
          {hostStatus && <p role="status">{hostStatus}</p>}
        </>
      )}
      <Origin row={rows.extraHelpdeskHosts} id="origin-extraHelpdeskHosts" />
    </Section>
  );
}

/** Managed values Chrome delivered but Tierline could not use, so admins see why a setting did not apply. */
export function Diagnostics({ problems }: { problems: SettingsSnapshot['problems'] }) {
  return (
    <Section id="diagnostics">
      {problems.length === 0 ? (
        <p class="tl-ok">Every value set by your administrator, your team or this page was usable.</p>
      ) : (
        <>
          <p>These values could not be used; the next source (administrator › team › this browser › built-in default) applies instead.</p>
          <ul class="tl-findings" data-testid="tl-diagnostics">
            {problems.map((p) => (
              <li key={`${p.source}-${p.path}`} class="tl-finding tl-error" data-source={p.source}>
                <span class="tl-pill">{SOURCE_LABEL[p.source]}</span> <code>{p.path || '(all)'}</code> {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
