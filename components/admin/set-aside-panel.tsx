import { useCallback, useEffect, useState } from 'preact/hooks';

/** An event the worker's outbox took out of the queue so it would not block the others (issue 12). */
export interface SetAsideEntry {
  id: string;
  /** The event as queued; absent when an older version set it aside, which kept only the id and the error. */
  event?: { type: string; helpdesk: string; ticketId: string; at: string };
  /** `invalid`: fails the event schema; `refused`: the endpoint named it (400/413); `failed`: the endpoint fails on it (5xx). */
  reason: 'invalid' | 'refused' | 'failed';
  error: string;
  setAsideAt: string;
}

/** What the section needs from the worker (through the options page's messaging). */
export interface SetAsideBackend {
  list(): Promise<SetAsideEntry[]>;
  /** Puts every set-aside event that was kept whole back at the tail of the outbox; resolves to how many. */
  sendAgain(): Promise<number>;
}

const REASON: Record<SetAsideEntry['reason'], string> = {
  invalid: 'invalid',
  refused: 'refused by the endpoint',
  failed: 'the endpoint fails on it',
};

/** Rows drawn; the export holds all of them. */
const SHOWN = 50;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * "Events set aside: N" on the options page: each event with its error,
 * an export of all of them as JSON (so nothing is lost), and "Send again",
 * which queues them behind everything else once the cause is fixed.
 */
export function SetAsidePanel({ backend, download }: { backend: SetAsideBackend; download: (fileName: string, text: string) => void }) {
  const [entries, setEntries] = useState<SetAsideEntry[] | undefined>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const refresh = useCallback(() => {
    backend.list().then(setEntries, (e: unknown) => setMessage({ ok: false, text: `Could not read the events set aside: ${errorText(e)}` }));
  }, [backend]);
  useEffect(refresh, [refresh]);

  async function sendAgain() {
    try {
      const count = await backend.sendAgain();
      setMessage({ ok: true, text: `${count} ${count === 1 ? 'event is' : 'events are'} back in the outbox, behind the others, and will be sent with the next sync.` });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
    refresh();
  }

  const resendable = entries?.filter((e) => e.event).length ?? 0;
  return (
    <section class="tl-section" id="set-aside" aria-labelledby="set-aside-title">
      <h2 id="set-aside-title" data-testid="tl-set-aside-count">
        Events set aside: {entries ? entries.length : '…'}
      </h2>
      <p class="tl-muted">Events the sync endpoint cannot take are kept here with the reason, so they do not hold up the others.</p>
      {entries && entries.length > 0 && (
        <>
          <ul data-testid="tl-set-aside-list">
            {entries.slice(0, SHOWN).map((e) => (
              <li key={e.id}>
                <code>{e.event ? `${e.event.type} · ${e.event.helpdesk} #${e.event.ticketId}` : e.id}</code> {REASON[e.reason]}: {e.error} <span class="tl-muted">({e.setAsideAt})</span>
              </li>
            ))}
          </ul>
          {entries.length > SHOWN && <p class="tl-muted">…and {entries.length - SHOWN} more in the export.</p>}
          {resendable < entries.length && <p class="tl-muted">{entries.length - resendable} were set aside by an older version, which kept only the id and the error: they can be exported, not sent again.</p>}
          <div class="tl-toolbar">
            <button type="button" data-testid="tl-set-aside-export" onClick={() => download('tierline-events-set-aside.json', `${JSON.stringify(entries, null, 2)}\n`)}>
              Export (JSON)
            </button>
            <button type="button" data-testid="tl-set-aside-send" disabled={resendable === 0} onClick={() => void sendAgain()}>
              Send again
            </button>
          </div>
        </>
      )}
      {message && (
        <p role="status" class={message.ok ? 'tl-ok' : 'tl-error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
