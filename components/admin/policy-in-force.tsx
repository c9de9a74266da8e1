import type { SettingsSnapshot, SyncStatusView } from './settings-view';
import { SOURCE_EXPLAINED, SOURCE_LABEL } from './settings-view';

const day = (iso: string) => {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(at);
};
const moment = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/**
 * The policy in force at the top of the options page: its name, revision and
 * source (in the overlay's words), how it got here, and when it changed — the
 * policy's own rollout date, and for a team policy the last sync. Until the
 * worker answers it says it is reading, so the page never waits on it.
 */
export function PolicyInForce({ policy, sync }: { policy: SettingsSnapshot['policy'] | undefined; sync?: SyncStatusView }) {
  if (!policy) {
    return (
      <p class="tl-in-force tl-muted" aria-busy="true">
        Policy in force: reading it from the extension…
      </p>
    );
  }
  const { value, source } = policy;
  const when = [value.rolledOutAt ? `Rolled out ${day(value.rolledOutAt)}` : '', source === 'org' && sync?.lastSuccessAt ? `${value.rolledOutAt ? 'last' : 'Last'} synced ${moment(sync.lastSuccessAt)}` : ''].filter(Boolean);
  return (
    <div class="tl-in-force" data-testid="tl-in-force">
      <p>
        Policy in force: <strong data-testid="tl-policy-in-force">{`“${value.name}” · revision ${value.revision}`}</strong>,{' '}
        <span class={`tl-pill tl-src-${source}`} data-testid="tl-policy-source" data-source={source}>
          {SOURCE_LABEL[source]}
        </span>
      </p>
      <p class="tl-muted" data-testid="tl-policy-when">
        {when.length > 0 ? `${when.join(' · ')}. ` : 'The policy does not say when it was rolled out. '}
        {SOURCE_EXPLAINED[source]}
      </p>
    </div>
  );
}
