import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { Section } from './form-kit';
import { isPolicySection, type SectionId, SECTIONS, sectionFromHash, sectionHash } from './options-sections';
import { checkPolicyText, findingsUnder, policyText } from './policy-check';
import { PolicyEditor } from './policy-editor';
import { PolicyInForce } from './policy-in-force';
import { AiSettings, Diagnostics, FeatureSettings, HostSettings, SyncSettings } from './settings-panel';
import type { OptionsBackend, SettingsSnapshot, SyncStatusView } from './settings-view';
import { type TriageBackend, TriageModelPanel } from './triage-model-panel';

/** The slice of `window` the page's navigation uses: the hash names the section shown. */
export type PageWindow = Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener' | 'scrollTo'>;

export interface OptionsAppProps {
  backend: OptionsBackend;
  download: (fileName: string, text: string) => void;
  now?: () => Date;
  /** The triage model section (import, status, corrections export); absent in tests that do not need it. */
  triage?: TriageBackend;
  /** The events the outbox set aside (components/admin/set-aside-panel.tsx), drawn as its own section. */
  setAside?: ComponentChildren;
  win?: PageWindow;
}

/** The draft being edited, and the policy in force it started from (to tell "unsaved changes"). */
interface Draft {
  text: string;
  base: string;
}

/**
 * The options page: the policy in force on top, a side navigation, and one
 * section at a time — the policy's parts, the simulator and its JSON, then the
 * settings with their sources. The shell and every section's title draw at
 * once; values fill in when the worker answers (a cold worker takes seconds).
 */
export function OptionsApp({ backend, download, now = () => new Date(), triage, setAside, win = window }: OptionsAppProps) {
  const [section, setSection] = useState<SectionId>(() => sectionFromHash(win.location.hash));
  const [snapshot, setSnapshot] = useState<SettingsSnapshot | undefined>();
  const [sync, setSync] = useState<SyncStatusView | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [draft, setDraft] = useState<Draft | undefined>();
  const [status, setStatus] = useState('');

  const reload = useCallback(
    (options: { resetDraft?: boolean } = {}) => {
      backend.load().then(
        (next) => {
          setSnapshot(next);
          const base = policyText(next.policy.value);
          // An edit in progress survives a reload (a setting saved meanwhile); an untouched draft follows the policy in force.
          setDraft((d) => (!d || options.resetDraft || d.text === d.base ? { text: base, base } : { ...d, base }));
        },
        (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)),
      );
      backend.syncStatus?.().then(setSync, () => setSync(undefined));
    },
    [backend],
  );
  useEffect(() => reload(), [reload]);

  useEffect(() => {
    const follow = () => setSection(sectionFromHash(win.location.hash));
    win.addEventListener('hashchange', follow);
    win.addEventListener('popstate', follow);
    return () => {
      win.removeEventListener('hashchange', follow);
      win.removeEventListener('popstate', follow);
    };
  }, [win]);

  const check = useMemo(() => (draft ? checkPolicyText(draft.text) : undefined), [draft?.text]);
  const sections = SECTIONS.filter((s) => (s.id !== 'triage' || triage) && (s.id !== 'set-aside' || setAside));
  const go = (id: SectionId, e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    // The section replaces the one shown; the page goes back to its top, where the policy in force is.
    win.history.pushState(null, '', sectionHash(id));
    setSection(id);
    win.scrollTo(0, 0);
  };
  const findingsIn = (paths: readonly string[] | undefined) => (check && paths ? paths.flatMap((p) => findingsUnder(check.findings, p)) : []);
  const waiting = (text: string) => (
    <Section id={section}>
      <p class="tl-muted tl-loading" aria-busy="true">
        {text}
      </p>
    </Section>
  );

  return (
    <div class="tl-page tl-options">
      <header class="tl-options-head">
        <h1>Tierline options</h1>
        <PolicyInForce policy={snapshot?.policy} sync={sync} />
      </header>
      {loadError && (
        <p class="tl-error" role="alert">
          Could not read the settings from the extension: {loadError}
        </p>
      )}
      <div class="tl-options-body">
        <nav class="tl-sidenav" aria-label="Sections">
          {(['Policy', 'Settings'] as const).map((group) => (
            <div key={group}>
              <p class="tl-nav-group" id={`nav-${group}`}>
                {group}
              </p>
              <ul aria-labelledby={`nav-${group}`}>
                {sections
                  .filter((s) => s.group === group)
                  .map((s) => {
                    const found = findingsIn('paths' in s ? s.paths : undefined);
                    const errors = found.filter((f) => f.severity === 'error').length;
                    return (
                      <li key={s.id}>
                        <a href={sectionHash(s.id)} aria-current={s.id === section ? 'page' : undefined} onClick={(e) => go(s.id, e)}>
                          {s.title}
                          {found.length > 0 && (
                            <span class={`tl-count${errors ? ' tl-count-error' : ''}`}>
                              <span aria-hidden="true">{found.length}</span>
                              <span class="tl-sr">
                                {errors ? `, ${errors} ${errors === 1 ? 'error' : 'errors'}` : ''}
                                {found.length - errors ? `, ${found.length - errors} ${found.length - errors === 1 ? 'warning' : 'warnings'}` : ''}
                              </span>
                            </span>
                          )}
                        </a>
                      </li>
                    );
                  })}
              </ul>
            </div>
          ))}
        </nav>
        <main class="tl-options-main">
          {isPolicySection(section) &&
            (snapshot && draft && check ? (
              <PolicyEditor
                section={section}
                text={draft.text}
                check={check}
                edited={draft.text !== draft.base}
                onText={(text) => setDraft((d) => (d ? { ...d, text } : d))}
                locked={snapshot.policy.locked}
                status={status}
                onStatus={setStatus}
                download={download}
                now={now}
                onSave={async (policy) => {
                  await backend.savePolicy(policy);
                  reload({ resetDraft: true });
                }}
              />
            ) : (
              waiting('Reading the policy in force from the extension…')
            ))}
          {(['sync', 'ai', 'features', 'hosts', 'diagnostics'] as SectionId[]).includes(section) && !snapshot && waiting('Reading the settings from the extension…')}
          {snapshot && section === 'sync' && <SyncSettings snapshot={snapshot} backend={backend} onSaved={reload} />}
          {snapshot && section === 'ai' && <AiSettings snapshot={snapshot} backend={backend} onSaved={reload} />}
          {snapshot && section === 'features' && <FeatureSettings snapshot={snapshot} backend={backend} onSaved={reload} />}
          {snapshot && section === 'hosts' && <HostSettings snapshot={snapshot} backend={backend} />}
          {snapshot && section === 'diagnostics' && <Diagnostics problems={snapshot.problems} />}
          {section === 'triage' && triage && <TriageModelPanel backend={triage} download={download} aiEndpoint={typeof snapshot?.rows['ai.endpoint']?.value === 'string' ? snapshot.rows['ai.endpoint'].value : ''} />}
          {section === 'set-aside' && setAside}
        </main>
      </div>
    </div>
  );
}
