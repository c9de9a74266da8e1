import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/admin/options-app';
import { testConnection, type OptionsBackend } from '../../components/admin/settings-view';
import { sendToWorker } from '../../extension/messaging/messenger';
import { downloadText } from '../../components/admin/download';
import type { TriageBackend } from '../../components/admin/triage-model-panel';
import { type SetAsideBackend, SetAsidePanel } from '../../components/admin/set-aside-panel';
import './style.css';

/** The options page talks to the worker for settings (it resolves managed › org › local) and saves through it. */
const backend: OptionsBackend = {
  load: () => sendToWorker('getSettings'),
  syncStatus: () => sendToWorker('getStatus'),
  saveSetting: async (key, value) => {
    await sendToWorker('saveSetting', { key, value });
  },
  // The local policy is the `policy` local setting; the worker validates it and keeps it below managed and org.
  savePolicy: async (policy) => {
    await sendToWorker('saveSetting', { key: 'policy', value: policy });
  },
  testConnection: (endpoint, token) => testConnection(endpoint, token),
  requestHosts: (origins) => browser.permissions.request({ origins }),
};

const triage: TriageBackend = {
  status: () => sendToWorker('getModelStatus'),
  importModel: (file) => sendToWorker('importModel', { file }),
  exportCorrections: () => sendToWorker('exportCorrections'),
  requestHosts: (origins) => browser.permissions.request({ origins }),
};

// Events the outbox set aside: a section of its own in the page's navigation, read from and sent back through the worker.
const setAside: SetAsideBackend = {
  list: () => sendToWorker('listSetAside'),
  sendAgain: async () => (await sendToWorker('sendSetAsideAgain', {})).requeued,
};

const download = (name: string, text: string) => downloadText(name, text, 'application/json');

render(<OptionsApp backend={backend} triage={triage} download={download} setAside={<SetAsidePanel backend={setAside} download={download} />} />, document.getElementById('app')!);
