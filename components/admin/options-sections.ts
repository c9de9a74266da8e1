/**
 * The options page's sections, in the order of its side navigation. One
 * section shows at a time (its id is the URL's hash, so links, back and
 * forward work): a long policy in one column was about 11,600 px tall.
 */

export interface SectionInfo {
  id: string;
  title: string;
  group: 'Policy' | 'Settings';
  description?: string;
  /** The policy's JSON paths this section edits: its findings count beside its name in the navigation. */
  paths?: readonly string[];
}

export const SECTIONS = [
  { id: 'tiers', group: 'Policy', title: 'Tiers', description: "Each tier's one-sentence boundary and the role that owns its tickets.", paths: ['$.tiers', '$.entryTier'] },
  { id: 'roles', group: 'Policy', title: 'Roles', description: 'Roles, not people: who acts at each tier.', paths: ['$.roles'] },
  { id: 'issue-types', group: 'Policy', title: 'Issue types', description: 'Which tier (and role) owns each kind of issue; keywords find it in the ticket text.', paths: ['$.issueTypes'] },
  { id: 'triggers', group: 'Policy', title: 'Escalation triggers', description: 'Measurable conditions only; the first match of each kind routes the ticket.', paths: ['$.triggers'] },
  { id: 'calendars', group: 'Policy', title: 'Business hours', description: 'Queue clocks run on these hours; holidays stop them.', paths: ['$.calendars'] },
  { id: 'handoff', group: 'Policy', title: 'Handoff requirements', description: "The six base elements every packet carries, plus each stage's own context.", paths: ['$.handoff'] },
  { id: 'simulator', group: 'Policy', title: 'Simulator', description: 'Route a sample or pasted ticket with the policy being edited, exactly as the overlay would.' },
  { id: 'json', group: 'Policy', title: 'Policy JSON', description: 'The whole policy as the CLI reads it (`tierline lint`, `tierline policy diff`); ids appear only here.', paths: ['$'] },
  { id: 'sync', group: 'Settings', title: 'Sync', description: "The team's endpoint: events go out, the team's policy comes in." },
  { id: 'ai', group: 'Settings', title: 'AI' },
  { id: 'triage', group: 'Settings', title: 'Triage model' },
  { id: 'features', group: 'Settings', title: 'Overlay features', description: 'What the overlay shows in the helpdesk.' },
  { id: 'hosts', group: 'Settings', title: 'Helpdesk domains' },
  { id: 'set-aside', group: 'Settings', title: 'Events set aside' },
  { id: 'diagnostics', group: 'Settings', title: 'Diagnostics', description: 'Values an administrator, your team or this page set that Tierline could not use.' },
] as const satisfies readonly SectionInfo[];

export type SectionId = (typeof SECTIONS)[number]['id'];
export type PolicySectionId = Extract<(typeof SECTIONS)[number], { group: 'Policy' }>['id'];

export const DEFAULT_SECTION: SectionId = 'tiers';

export function sectionInfo(id: SectionId): SectionInfo {
  return SECTIONS.find((s) => s.id === id)!;
}

export function isSectionId(value: string): value is SectionId {
  return SECTIONS.some((s) => s.id === value);
}

export function isPolicySection(id: SectionId): id is PolicySectionId {
  return sectionInfo(id).group === 'Policy';
}

/**
 * The hash that names a section: "#/triggers", not "#triggers", so opening the link does not scroll the page
 * to the section's element and past the policy in force above it.
 */
export const sectionHash = (id: SectionId) => `#/${id}`;

/**
 * The section a URL hash names (either form), else the first one.
 *
 * @example
 * sectionFromHash('#/triggers') // 'triggers'
 * sectionFromHash('#nope') // 'tiers'
 */
export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '');
  return isSectionId(id) ? id : DEFAULT_SECTION;
}
