import { describe, expect, it } from 'vitest';
import type { ExtraHost } from '../../adapters/index';
import { resolveSettings } from '../settings/resolve';
import { contentScriptFiles, type HostScript, type ScriptingApi, syncCustomHostScripts } from './register';
import { startCustomHostSync } from './start-host-sync';

/** chrome.scripting as Chrome behaves: a duplicate id or an unknown id is an error. */
function fakeScripting(initial: HostScript[] = []) {
  const scripts = new Map(initial.map((s) => [s.id, structuredClone(s)]));
  const calls: string[] = [];
  const api: ScriptingApi = {
    async getRegisteredContentScripts(filter) {
      return [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)).map((s) => structuredClone(s));
    },
    async registerContentScripts(list) {
      calls.push(`register ${list.map((s) => s.id).join(' ')}`);
      for (const s of list) if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      for (const s of list) scripts.set(s.id, structuredClone(s));
    },
    async updateContentScripts(list) {
      calls.push(`update ${list.map((s) => s.id).join(' ')}`);
      for (const s of list) {
        if (!scripts.has(s.id)) throw new Error(`Nonexistent script ID '${s.id}'`);
        scripts.set(s.id, { ...scripts.get(s.id), ...structuredClone(s) });
      }
    },
    async unregisterContentScripts(filter) {
      calls.push(`unregister ${(filter?.ids ?? []).join(' ')}`);
      for (const id of filter?.ids ?? [...scripts.keys()]) {
        if (!scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
      }
    },
  };
  return { api, scripts, calls };
}

/** chrome.permissions with a set of granted origin patterns. */
function fakePermissions(granted: string[]) {
  const origins = new Set(granted);
  return {
    origins,
    api: { contains: async ({ origins: asked }: { origins: string[] }) => asked.every((o) => origins.has(o)) },
  };
}

/** The worker's settings reader, fed through the real resolution (managed policy → values). */
function managedHosts(hosts: ExtraHost[] | unknown) {
  let managed: unknown = { extraHelpdeskHosts: hosts };
  return {
    set(next: unknown) {
      managed = { extraHelpdeskHosts: next };
    },
    reader: { get: async () => resolveSettings({ managed }) },
  };
}

const files = { zendesk: { js: ['content-scripts/zendesk.js'] }, freshdesk: { js: ['content-scripts/freshdesk.js'] }, jira: { js: ['content-scripts/jira.js'] } };

describe('syncCustomHostScripts', () => {
  it("registers the mapped helpdesk's script on a granted custom domain with a stable id that persists across sessions", async () => {
    const scripting = fakeScripting();
    const result = await syncCustomHostScripts({
      scripting: scripting.api,
      permissions: fakePermissions(['https://help.acme.com/*']).api,
      settings: managedHosts([{ host: 'help.acme.com', helpdesk: 'zendesk' }]).reader,
      files,
    });
    expect(result.registered).toEqual(['tierline-host-help.acme.com']);
    expect([...scripting.scripts.values()]).toEqual([
      { id: 'tierline-host-help.acme.com', matches: ['https://help.acme.com/*'], js: ['content-scripts/zendesk.js'], persistAcrossSessions: true },
    ]);
  });

  it('swaps the script when the admin maps a host to another helpdesk', async () => {
    const scripting = fakeScripting();
    const settings = managedHosts([{ host: 'help.acme.com', helpdesk: 'zendesk' }]);
    const deps = { scripting: scripting.api, permissions: fakePermissions(['https://help.acme.com/*']).api, settings: settings.reader, files };
    await syncCustomHostScripts(deps);
    settings.set([{ host: 'help.acme.com', helpdesk: 'freshdesk' }]);
    expect((await syncCustomHostScripts(deps)).updated).toEqual(['tierline-host-help.acme.com']);
    expect(scripting.scripts.get('tierline-host-help.acme.com')?.js).toEqual(['content-scripts/freshdesk.js']);
  });

  it('leaves a host unregistered when the build has no script for its helpdesk', async () => {
    const scripting = fakeScripting();
    const result = await syncCustomHostScripts({
      scripting: scripting.api,
      permissions: fakePermissions(['https://help.acme.com/*']).api,
      settings: managedHosts([{ host: 'help.acme.com', helpdesk: 'jira' }]).reader,
      files: { zendesk: files.zendesk },
    });
    expect(result.skipped).toEqual([{ host: 'help.acme.com', reason: 'no-script' }]);
    expect(scripting.scripts.size).toBe(0);
  });

  it('leaves a listed host whose permission the admin has not granted yet unregistered', async () => {
    const scripting = fakeScripting();
    const result = await syncCustomHostScripts({
      scripting: scripting.api,
      permissions: fakePermissions(['https://help.acme.com/*']).api,
      settings: managedHosts([
        { host: 'help.acme.com', helpdesk: 'zendesk' },
        { host: 'desk.acme.com', helpdesk: 'freshdesk' },
      ]).reader,
      files,
    });
    expect([...scripting.scripts.keys()]).toEqual(['tierline-host-help.acme.com']);
    expect(result.skipped).toEqual([{ host: 'desk.acme.com', reason: 'not-granted' }]);
  });

  it('changes nothing when run a second time with the same settings and permissions', async () => {
    const scripting = fakeScripting();
    const deps = {
      scripting: scripting.api,
      permissions: fakePermissions(['https://help.acme.com/*']).api,
      settings: managedHosts([{ host: 'Help.Acme.com ', helpdesk: 'jira' }]).reader,
      files,
    };
    await syncCustomHostScripts(deps);
    const second = await syncCustomHostScripts(deps);
    expect(second).toEqual({ registered: [], updated: [], unregistered: [], skipped: [] });
    expect(scripting.calls).toEqual(['register tierline-host-help.acme.com']);
  });

  it('updates a registration left by an older build instead of registering the id twice', async () => {
    const scripting = fakeScripting([{ id: 'tierline-host-help.acme.com', matches: ['https://help.acme.com/*'], js: ['content-scripts/old.js'], persistAcrossSessions: true }]);
    const result = await syncCustomHostScripts({
      scripting: scripting.api,
      permissions: fakePermissions(['https://help.acme.com/*']).api,
      settings: managedHosts([{ host: 'help.acme.com', helpdesk: 'zendesk' }]).reader,
      files,
    });
    expect(result.updated).toEqual(['tierline-host-help.acme.com']);
    expect(scripting.scripts.get('tierline-host-help.acme.com')?.js).toEqual(['content-scripts/zendesk.js']);
  });

  it('unregisters a host the admin removed from the list, and one whose permission was revoked', async () => {
    const scripting = fakeScripting();
    const permissions = fakePermissions(['https://help.acme.com/*', 'https://desk.acme.com/*']);
    const settings = managedHosts([
      { host: 'help.acme.com', helpdesk: 'zendesk' },
      { host: 'desk.acme.com', helpdesk: 'freshdesk' },
    ]);
    const deps = { scripting: scripting.api, permissions: permissions.api, settings: settings.reader, files };
    await syncCustomHostScripts(deps);
    expect(scripting.scripts.size).toBe(2);

    settings.set([{ host: 'desk.acme.com', helpdesk: 'freshdesk' }]);
    expect((await syncCustomHostScripts(deps)).unregistered).toEqual(['tierline-host-help.acme.com']);

    permissions.origins.delete('https://desk.acme.com/*');
    expect((await syncCustomHostScripts(deps)).unregistered).toEqual(['tierline-host-desk.acme.com']);
    expect(scripting.scripts.size).toBe(0);
  });

  it("never touches another feature's registered scripts", async () => {
    const scripting = fakeScripting([{ id: 'someone-else', matches: ['https://x.example/*'], js: ['other.js'] }]);
    await syncCustomHostScripts({ scripting: scripting.api, permissions: fakePermissions([]).api, settings: managedHosts([]).reader, files });
    expect([...scripting.scripts.keys()]).toEqual(['someone-else']);
  });

  it('skips a host written as a URL or a wildcard, which would make a broader match pattern than the admin meant', async () => {
    const scripting = fakeScripting();
    const result = await syncCustomHostScripts({
      scripting: scripting.api,
      permissions: { contains: async () => true },
      settings: managedHosts([
        { host: 'https://help.acme.com/', helpdesk: 'zendesk' },
        { host: '*.acme.com', helpdesk: 'zendesk' },
      ]).reader,
      files,
    });
    expect(result.skipped.map((s) => s.reason)).toEqual(['invalid-host', 'invalid-host']);
    expect(scripting.scripts.size).toBe(0);
  });
});

describe('contentScriptFiles', () => {
  it("takes each helpdesk's script files from the built manifest", () => {
    const manifest = {
      content_scripts: [
        { matches: ['https://*.zendesk.com/agent/*'], js: ['content-scripts/zendesk.js'], css: ['content-scripts/zendesk.css'] },
        { matches: ['https://*.atlassian.net/*'], js: ['content-scripts/jira.js'], run_at: 'document_idle' },
      ],
    };
    expect(contentScriptFiles(manifest)).toEqual({ zendesk: { js: ['content-scripts/zendesk.js'], css: ['content-scripts/zendesk.css'] }, jira: { js: ['content-scripts/jira.js'], runAt: 'document_idle' } });
    expect(contentScriptFiles({})).toEqual({});
  });
});

describe('startCustomHostSync', () => {
  function listenable() {
    const listeners: (() => void)[] = [];
    return { addListener: (l: () => void) => listeners.push(l), fire: () => {
        for (const l of listeners) l();
      },
    };
  }

  it('registers at start and again when a permission is granted, without overlapping runs', async () => {
    const scripting = fakeScripting();
    const permissions = fakePermissions([]);
    const onAdded = listenable();
    const sync = startCustomHostSync({
      apis: {
        scripting: scripting.api,
        permissions: { ...permissions.api, onAdded, onRemoved: listenable() },
        storage: { onChanged: listenable() },
        runtime: { getManifest: () => ({ content_scripts: [{ js: ['content-scripts/zendesk.js'] }] }) },
      },
      settings: managedHosts([{ host: 'help.acme.com', helpdesk: 'zendesk' }]).reader,
      onError: (error) => {
        throw error;
      },
    });
    expect((await sync.run())?.skipped).toEqual([{ host: 'help.acme.com', reason: 'not-granted' }]);

    permissions.origins.add('https://help.acme.com/*');
    onAdded.fire();
    onAdded.fire();
    await sync.run();
    expect(scripting.calls).toEqual(['register tierline-host-help.acme.com']);
  });

  it('does nothing where the browser has no scripting API', async () => {
    const sync = startCustomHostSync({
      apis: {
        permissions: { contains: async () => true, onAdded: listenable(), onRemoved: listenable() },
        storage: { onChanged: listenable() },
        runtime: { getManifest: () => ({ content_scripts: [{ js: ['content-scripts/zendesk.js'] }] }) },
      },
      settings: managedHosts([{ host: 'help.acme.com', helpdesk: 'zendesk' }]).reader,
    });
    expect(await sync.run()).toBeNull();
  });
});
