import { EVENT_LIMITS } from '../../core/events';
import { z } from 'zod';
import { helpdeskIdSchema } from '../../core/ticket';

/**
 * Tierline's settings, one flat table keyed by dotted name ("syncEndpoint",
 * "ai.provider"). Each key has its own schema with a default, so a bad value
 * in one source is dropped for that key alone and reported with its path.
 *
 * Where a value comes from (see ./resolve.ts), highest first:
 * managed (chrome.storage.managed, pushed by an admin) › organisation (the
 * sync endpoint) › local (the options page, chrome.storage.local) › default.
 * Managed keys keep the names of public/managed_schema.json; nested managed
 * objects (`ai: { provider }`) become dotted keys (`ai.provider`).
 */

const urlOrEmpty = z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'an http(s) URL such as "https://tierline.example.com"' })]);

export const AI_PROVIDERS = ['extractive', 'chrome-builtin', 'openai-compatible'] as const;

export const settingFields = {
  /** Base URL of the team's sync endpoint; empty keeps everything on this browser. */
  syncEndpoint: urlOrEmpty.default(''),
  /** Bearer token from `tierline token create`. */
  syncToken: z.string().default(''),
  /** Who the events are recorded for (the agent's helpdesk login or e-mail). */
  agent: z.string().max(EVENT_LIMITS.name, `at most ${EVENT_LIMITS.name} characters (events store no longer names)`).default(''),
  team: z.string().max(EVENT_LIMITS.name, `at most ${EVENT_LIMITS.name} characters (events store no longer names)`).default(''),
  /** Where the policy comes from when no sync endpoint serves one. */
  policyUrl: urlOrEmpty.default(''),
  triageModelUrl: urlOrEmpty.default(''),
  /** Overlay features switched off (the kill switch when a helpdesk UI change breaks one). */
  disabledFeatures: z.array(z.string()).default([]),
  'ai.enabled': z.boolean().default(true),
  'ai.provider': z.enum(AI_PROVIDERS).default('extractive'),
  'ai.endpoint': urlOrEmpty.default(''),
  'ai.model': z.string().default(''),
  'ai.apiKey': z.string().default(''),
  extraHelpdeskHosts: z.array(z.object({ host: z.string().min(1), helpdesk: helpdeskIdSchema }).strict()).default([]),
  /**
   * How often the worker wakes to recompute queue clocks and sync. Chrome runs
   * a packed extension's alarms at most every 30 s; shorter periods only take
   * effect unpacked (the end-to-end tests).
   */
  alarmPeriodMinutes: z.number().min(0.05).max(60).default(1),
  /** Desktop notifications when a time trigger fires (the badge is always set). */
  notifications: z.boolean().default(true),
} as const;

export type SettingKey = keyof typeof settingFields;
export const SETTING_KEYS = Object.keys(settingFields) as SettingKey[];

/** Resolved settings: every key present, defaults filled in. */
export type Settings = { [K in SettingKey]: z.output<(typeof settingFields)[K]> };

/** The defaults alone. */
export const DEFAULT_SETTINGS = Object.fromEntries(SETTING_KEYS.map((k) => [k, settingFields[k].parse(undefined)])) as Settings;

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingFields, key);
}
