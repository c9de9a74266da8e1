import { z } from 'zod';
import { detectAdapter } from '../../adapters/index';
import type { HelpdeskAdapter } from '../../adapters/types';
import { settingFields } from '../settings/schema';

/** Only the host list is read from the worker's settings answer, and it crosses a process boundary: parse it. */
const answerSchema = z.object({ values: z.object({ extraHelpdeskHosts: settingFields.extraHelpdeskHosts }) });

/**
 * The adapter for the page the content script runs on. The vendors' own
 * domains are known without asking anyone; any other host is one the worker
 * registered the script on for an admin's custom domain, so the worker's
 * settings say which helpdesk it is. No answer or a bad one means no overlay.
 * @example await resolveAdapter(new URL('https://help.acme.com/a/tickets/1'), { getSettings }) // freshdesk, when settings map help.acme.com to freshdesk
 */
export async function resolveAdapter(url: URL, { getSettings }: { getSettings: () => Promise<unknown> }): Promise<HelpdeskAdapter | null> {
  const builtIn = detectAdapter(url);
  if (builtIn) return builtIn;
  const answer = answerSchema.safeParse(await getSettings().catch(() => undefined));
  return answer.success ? detectAdapter(url, { extraHosts: answer.data.values.extraHelpdeskHosts }) : null;
}
