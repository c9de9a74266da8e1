import { render } from 'preact';
import { storage } from 'wxt/utils/storage';
import { downloadText } from '../../components/admin/download';
import { DashboardApp } from '../../components/dashboard/dashboard-app';
import { createDashboardBackend } from '../../components/dashboard/dashboard-backend';
import { sendToWorker } from '../../extension/messaging/protocol';
import './style.css';

/** When a lead last reviewed the escalation matrix (drives the review reminder). */
const lastReviewedAtStorage = storage.defineItem<string>('local:tierline.lastReviewedAt');

const backend = createDashboardBackend({
  getSettings: async () => {
    const settings = await sendToWorker('getSettings');
    return { syncEndpoint: settings.values.syncEndpoint, syncToken: settings.values.syncToken, policy: settings.policy.value };
  },
  readLocalEvents: async () => [],
  getLastReviewedAt: async () => (await lastReviewedAtStorage.getValue()) ?? undefined,
  setLastReviewedAt: (at) => lastReviewedAtStorage.setValue(at),
});

render(<DashboardApp backend={backend} download={downloadText} />, document.getElementById('app')!);
