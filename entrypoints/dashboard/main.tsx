import { render } from 'preact';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { downloadText } from '../../components/admin/download';
import { DashboardApp } from '../../components/dashboard/dashboard-app';
import { createDashboardBackend } from '../../components/dashboard/dashboard-backend';
import { sendToWorker } from '../../extension/messaging/messenger';
import { openDb } from '../../extension/store/open-db';
import { createStore } from '../../extension/store/store';
import './style.css';

/** When a lead last reviewed the escalation matrix (drives the review reminder). */
const lastReviewedAtStorage = storage.defineItem<string>('local:tierline.lastReviewedAt');

/** Enough for the 10,000 handoffs (and their other events) the page must handle. */
const LOCAL_EVENT_LIMIT = 200_000;

const backend = createDashboardBackend({
  getSettings: async () => {
    const settings = await sendToWorker('getSettings');
    return {
      syncEndpoint: settings.values.syncEndpoint,
      syncToken: settings.values.syncToken,
      policy: settings.policy.value,
      // The only helpdesk addresses Tierline knows: the custom hosts an admin lists (ticket links).
      helpdeskHosts: settings.values.extraHelpdeskHosts,
    };
  },
  // Without an endpoint nothing is ever sent, so the outbox holds this browser's whole event log.
  // Extension pages share the worker's origin, hence its IndexedDB: read it directly, read-only.
  readLocalEvents: async ({ from, to }) => {
    const records = await createStore(openDb()).peekOutbox(LOCAL_EVENT_LIMIT);
    const [start, end] = [Date.parse(from), Date.parse(to)];
    return records.map((r) => r.event).filter((e) => Date.parse(e.at) >= start && Date.parse(e.at) < end);
  },
  getLastReviewedAt: async () => (await lastReviewedAtStorage.getValue()) ?? undefined,
  setLastReviewedAt: (at) => lastReviewedAtStorage.setValue(at),
});

render(
  <DashboardApp backend={backend} download={downloadText} optionsUrl={browser.runtime.getURL('/options.html')} locale={navigator.language} />,
  document.getElementById('app')!,
);
