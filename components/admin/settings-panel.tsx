import { useState } from 'preact/hooks';
import { FEATURE_IDS } from '../../extension/features/registry';
import type { SettingKey } from '../../extension/settings/schema';
import { type ConnectionResult, type OptionsBackend, SOURCE_LABEL, type SettingRow, type SettingsSnapshot } from './settings-view';

/** Sync, AI, overlay features and extra helpdesk hosts: each value with its source, locked ones read-only. */

function Origin({ row, id }: { row: SettingRow | undefined; id: string }) {
  if (!row) return null;
  return (
    <span class="tl-origin" id={id} data-testid="tl-origin">
      <span class={`tl-pill tl-src-${row.source}`} data-source={row.source}>
        {SOURCE_LABEL[row.source]}
      </span>
      {row.locked && <span class="tl-locked-note"> Locked by your administrator.</span>}
    </span>
  );
}

const asString = (v: unknown) => (typeof v === 'string' ? v : '');

function SettingInput(props: {
  label: string;
  settingKey: SettingKey;
  rows: SettingsSnapshot['rows'];
  type?: 'text' | 'password' | 'url';
  onSave: (key: SettingKey, value: unknown) => void;
}) {
  const row = props.rows[props.settingKey];
  const originId = `origin-${props.settingKey.replace(/\W/g, '-')}`;
  return (
    <div class="tl-setting" data-setting={props.settingKey} data-locked={row?.locked ? 'true' : 'false'}>
      <label class="tl-field tl-wide">
        <span>{props.label}</span>
        <input
          type={props.type ?? 'text'}
          value={asString(row?.value)}
          disabled={row?.locked}
          aria-describedby={originId}
          onChange={(e) => props.onSave(props.settingKey, (e.currentTarget as HTMLInputElement).value.trim() || undefined)}
        />
      </label>
      <Origin row={row} id={originId} />
    </div>
  );
}

export function SettingsPanel({ snapshot, backend, onSaved }: { snapshot: SettingsSnapshot; backend: OptionsBackend; onSaved: () => void }) {
  const { rows } = snapshot;
  const [connection, setConnection] = useState<ConnectionResult | undefined>();
  const [hostStatus, setHostStatus] = useState('');
  const save = async (key: SettingKey, value: unknown) => {
    await backend.saveSetting(key, value);
    onSaved();
  };
  const disabled = Array.isArray(rows.disabledFeatures?.value) ? (rows.disabledFeatures.value as string[]) : [];
  const hosts = Array.isArray(rows.extraHelpdeskHosts?.value) ? (rows.extraHelpdeskHosts.value as { host: string; helpdesk: string }[]) : [];
  const aiEnabled = rows['ai.enabled'];
  const provider = rows['ai.provider'];

  return (
    <>
      <section class="tl-section" id="sync" aria-labelledby="sync-title">
        <h2 id="sync-title">Sync</h2>
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
      </section>

      <section class="tl-section" id="ai" aria-labelledby="ai-title">
        <h2 id="ai-title">AI</h2>
        <div class="tl-setting" data-setting="ai.enabled" data-locked={aiEnabled?.locked ? 'true' : 'false'}>
          <label class="tl-check">
            <input type="checkbox" checked={aiEnabled?.value === true} disabled={aiEnabled?.locked} aria-describedby="origin-ai-enabled" onChange={(e) => save('ai.enabled', (e.currentTarget as HTMLInputElement).checked)} />
            <span>Use AI suggestions and summaries</span>
          </label>
          <Origin row={aiEnabled} id="origin-ai-enabled" />
        </div>
        <div class="tl-setting" data-setting="ai.provider" data-locked={provider?.locked ? 'true' : 'false'}>
          <label class="tl-field">
            <span>Provider</span>
            <select value={asString(provider?.value)} disabled={provider?.locked} aria-describedby="origin-ai-provider" onChange={(e) => save('ai.provider', (e.currentTarget as HTMLSelectElement).value)}>
              <option value="extractive">extractive (on this device, no model)</option>
              <option value="chrome-builtin">Chrome built-in AI</option>
              <option value="openai-compatible">OpenAI-compatible endpoint</option>
            </select>
          </label>
          <Origin row={provider} id="origin-ai-provider" />
        </div>
        <SettingInput label="AI endpoint" settingKey="ai.endpoint" type="url" rows={rows} onSave={save} />
        <SettingInput label="AI model" settingKey="ai.model" rows={rows} onSave={save} />
        <SettingInput label="AI API key" settingKey="ai.apiKey" type="password" rows={rows} onSave={save} />
      </section>

      <section class="tl-section" id="features" aria-labelledby="features-title">
        <h2 id="features-title">Overlay features</h2>
        <div class="tl-setting" data-setting="disabledFeatures" data-locked={rows.disabledFeatures?.locked ? 'true' : 'false'}>
          <fieldset class="tl-row" aria-describedby="origin-disabledFeatures">
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
                    save('disabledFeatures', on ? disabled.filter((f) => f !== id) : [...disabled, id]);
                  }}
                />
                <span>{id}</span>
              </label>
            ))}
          </fieldset>
          <Origin row={rows.disabledFeatures} id="origin-disabledFeatures" />
        </div>
      </section>

      <section class="tl-section" id="hosts" aria-labelledby="hosts-title">
        <h2 id="hosts-title">Extra helpdesk hosts</h2>
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
                setHostStatus(granted ? 'Access granted: the overlay runs on these hosts.' : 'Access was not granted.');
              }}
            >
              Grant access to these hosts
            </button>
            {hostStatus && <p role="status">{hostStatus}</p>}
          </>
        )}
        <Origin row={rows.extraHelpdeskHosts} id="origin-extraHelpdeskHosts" />
      </section>
    </>
  );
}

/** Managed values Chrome delivered but Tierline could not use, so admins see why a setting did not apply. */
export function Diagnostics({ problems }: { problems: SettingsSnapshot['problems'] }) {
  return (
    <section class="tl-section" id="diagnostics" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">Diagnostics</h2>
      {problems.length === 0 ? (
        <p class="tl-ok">Every managed, organisation and local value was usable.</p>
      ) : (
        <>
          <p>These values could not be used; the next source (managed › organisation › this browser › default) applies instead.</p>
          <ul class="tl-findings" data-testid="tl-diagnostics">
            {problems.map((p) => (
              <li key={`${p.source}-${p.path}`} class="tl-finding tl-error" data-source={p.source}>
                <span class="tl-pill">{p.source}</span> <code>{p.path || '(all)'}</code> {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
