import { useCallback, useEffect, useState } from 'preact/hooks';
import { PolicyEditor } from './policy-editor';
import { policyText } from './policy-check';
import { Diagnostics, SettingsPanel } from './settings-panel';
import { type OptionsBackend, SOURCE_LABEL, type SettingsSnapshot } from './settings-view';
import { type TriageBackend, TriageModelPanel } from './triage-model-panel';

export interface OptionsAppProps {
  backend: OptionsBackend;
  download: (fileName: string, text: string) => void;
  now?: () => Date;
  /** The triage model section (import, status, corrections export); absent in tests that do not need it. */
  triage?: TriageBackend;
}

/** The options page: policy editor, settings with their sources, and diagnostics of managed values. */
export function OptionsApp({ backend, download, now = () => new Date(), triage }: OptionsAppProps) {
  const [snapshot, setSnapshot] = useState<SettingsSnapshot | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const reload = useCallback(() => {
    backend.load().then(setSnapshot, (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [backend]);
  useEffect(reload, [reload]);

  return (
    <div class="tl-page">
      <header class="tl-header">
        <h1>Tierline options</h1>
        <nav aria-label="Sections">
          <a href="#policy-title">Policy</a>
          <a href="#sync-title">Sync</a>
          <a href="#ai-title">AI</a>
          <a href="#features-title">Features</a>
          <a href="#hosts-title">Hosts</a>
          <a href="#diagnostics-title">Diagnostics</a>
        </nav>
      </header>
      <main>
        {loadError && (
          <p class="tl-error" role="alert">
            Could not load settings: {loadError}
          </p>
        )}
        {!snapshot && !loadError && <p>Loading…</p>}
        {snapshot && (
          <>
            <section class="tl-section" id="policy" aria-labelledby="policy-title">
              <h2 id="policy-title">Support-levels policy</h2>
              <PolicyEditor
                initialText={policyText(snapshot.policy.value)}
                source={SOURCE_LABEL[snapshot.policy.source]}
                locked={snapshot.policy.locked}
                download={download}
                now={now}
                onSave={async (policy) => {
                  await backend.savePolicy(policy);
                  reload();
                }}
              />
            </section>
            <SettingsPanel snapshot={snapshot} backend={backend} onSaved={reload} />
            {triage && <TriageModelPanel backend={triage} download={download} aiEndpoint={typeof snapshot.rows['ai.endpoint']?.value === 'string' ? snapshot.rows['ai.endpoint'].value : ''} />}
            <Diagnostics problems={snapshot.problems} />
          </>
        )}
      </main>
    </div>
  );
}
