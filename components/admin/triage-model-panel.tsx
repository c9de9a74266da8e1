import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ModelStatus } from '../../extension/ai/schema';

/** What the triage section needs from the worker (through the options page's messaging). */
export interface TriageBackend {
  status(): Promise<ModelStatus>;
  /** The worker validates the file; an invalid one is refused with the reason and the old model stays. */
  importModel(file: unknown): Promise<ModelStatus>;
  exportCorrections(): Promise<{ count: number; jsonl: string }>;
  /** Asks the browser for host permission (the OpenAI-compatible endpoint's origin); true when granted. */
  requestHosts?(origins: string[]): Promise<boolean>;
}

const ORIGIN_TEXT: Record<NonNullable<ModelStatus['origin']>, string> = {
  url: 'from the triage model URL',
  imported: 'imported on this browser',
  demo: 'demo model (trained on the sample tickets that ship with Tierline)',
};

/**
 * The triage model on the options page: which model the worker uses and its
 * version, the last refused model, importing a `tierline train` file, and
 * exporting the agents' corrections as JSONL for `tierline train --corrections`.
 */
export function TriageModelPanel({ backend, download, aiEndpoint = '' }: { backend: TriageBackend; download: (fileName: string, text: string) => void; aiEndpoint?: string }) {
  const [status, setStatus] = useState<ModelStatus | undefined>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const refresh = useCallback(() => {
    backend.status().then(setStatus, (e: unknown) => setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) }));
  }, [backend]);
  useEffect(refresh, [refresh]);

  async function importFile(file: File | undefined) {
    if (!file) return;
    try {
      const parsed: unknown = JSON.parse(await file.text());
      const next = await backend.importModel(parsed);
      setMessage({ ok: true, text: `Imported: ${next.labels ?? 0} labels, trained ${next.version ?? 'at an unknown time'}.` });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
    refresh();
  }

  /** The OpenAI-compatible endpoint gets nothing until the browser grants its origin (asked here, on a click). */
  async function allowEndpoint(endpoint: string) {
    const origin = new URL(endpoint).origin;
    const granted = await backend.requestHosts?.([`${origin}/*`]).catch(() => false);
    setMessage(granted ? { ok: true, text: `Summaries may be sent to ${origin} (redacted).` } : { ok: false, text: `Permission for ${origin} was not granted: summaries stay on this device.` });
  }

  async function exportCorrections() {
    const { count, jsonl } = await backend.exportCorrections();
    if (count === 0) {
      setMessage({ ok: true, text: 'No corrections yet: agents have not overridden the model on this browser.' });
      return;
    }
    download('tierline-corrections.jsonl', jsonl);
    setMessage({ ok: true, text: `Exported ${count} corrections.` });
  }

  return (
    <section class="tl-section" id="triage" aria-labelledby="triage-title">
      <h2 id="triage-title">Triage model</h2>
      <p data-testid="tl-model-status">
        {status?.origin ? `In use: ${ORIGIN_TEXT[status.origin]} · ${status.labels ?? 0} labels · version ${status.version ?? '?'}` : 'No triage model in use: the overlay shows no suggestions.'}
      </p>
      {status?.error && (
        <p class="tl-error" role="alert" data-testid="tl-model-error">
          {status.error}
        </p>
      )}
      <label class="tl-field">
        <span>Import a model file (from tierline train)</span>
        <input type="file" accept=".json,application/json" data-testid="tl-model-import" onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
      </label>
      {aiEndpoint && backend.requestHosts && (
        <button type="button" data-testid="tl-ai-permission" onClick={() => void allowEndpoint(aiEndpoint)}>
          Allow summaries from {new URL(aiEndpoint).origin}
        </button>
      )}
      <button type="button" data-testid="tl-export-corrections" onClick={() => void exportCorrections()}>
        Export corrections (JSONL)
      </button>
      {message && (
        <p role="status" class={message.ok ? 'tl-ok' : 'tl-error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
