import { addBusinessMinutes, businessMinutesBetween, type Instant, isBeyondClockLimit, type Pause, toMs } from '../clock/business-time';
import { compileNode, type Facts } from '../conditions/evaluate';
import { ownValue } from '../conditions/own';
import type { Condition } from '../conditions/schema';
import type { Calendar, Policy, Severity } from '../policy/schema';
import { readFrustration, readRepeatContact, type SentimentInput, type SentimentSignal } from '../sentiment/analyze';
import { type BoundedThread, boundedText, boundedThread } from '../text/bounded';
import { readTicketText, type TicketText } from '../text/ticket-text';
import type { CustomerTier, Money, Ticket, TierId } from '../ticket';
import { createIssueTypeScorer, createIssueTypeWeigher, type IssueTypeEvidence, type IssueTypeFinding } from './issue-type';

/**
 * Turns a ticket into the facts conditions read. Every ticket field is a fact
 * by its dotted path ("priority", "requester.customerTier", "amount.value",
 * "fields.Plan", "tags"); the derived facts are listed in FACT_NAMES and the
 * README's policy section.
 */

/** Derived facts and what they mean (the README table is generated from the same words). */
export const FACT_NAMES = {
  text: 'subject, description and every comment (public and internal), one text',
  customerText: 'subject, description and the customer’s own comments (with `mentions`: their own words, without quoted replies or signatures)',
  agentNotes: 'agents’ internal notes',
  lastCustomerMessage: 'the customer’s latest message after the first (with `mentions`: its own words)',
  language: 'the language the customer wrote in (`en`, `de`, `es`, `fr`, `pt`, `it`, `nl`): the policy’s `text.language`, else detected',
  emphasis: 'how loudly the customer writes, in any language: words of five or more letters in capitals ("DRITTEN", "NOT") and runs of "!!" or "??" in their own words',
  ticketText: 'the analysed ticket text (core/text) that `mentions` reads: language, who wrote what, amounts and head-counts',
  fromText: 'for `amount.*` and `impactedUsers` read from the text, the words they came from',
  customerMessageCount: 'messages from the customer: customer comments, plus the description when it is not also the first comment',
  agentMessageCount: 'comments written by agents (public or internal)',
  reopenCount: 'times the ticket was reopened (0 when unknown)',
  issueType: 'the ticket’s issue type: its own field or a mapped helpdesk field or tag; else the evidence weighed: a generic default field value, an allowed triage suggestion and the keywords by where they stand',
  issueTypeStrength: '`strong` when a field or tag names the issue type, `guess` when it was weighed from the words, a generic default or the model',
  customerTier: 'the requester’s customer tier, also read from a mapped helpdesk field (same as `requester.customerTier`)',
  currentTier: 'the tier the ticket is at now: its own field, a mapped group or tag, else the policy’s entry tier',
  severity: 'the severity chosen by the policy’s severities (first `when` that matches, else the default)',
  paused: 'true while the status is one of the policy’s paused statuses (or solved / closed)',
  timeInQueue: 'business minutes at the current tier since `tierEnteredAt` (else `createdAt`), on the severity’s calendar, without paused time; over at most the last 400 days',
  age: 'business minutes since `createdAt` on the severity’s calendar, over at most the last 400 days',
  sentiment:
    'local sentiment of the customer’s own words (core/sentiment): `sentiment.frustration` 0..1, `sentiment.repeatContact`, `sentiment.signals` (the words behind them); computed only for policies whose conditions read it',
} as const;

/**
 * The `sentiment` fact. Its members are computed on first read, once per
 * ticket: a trigger that is ruled out before it reads them costs nothing.
 */
export interface SentimentFacts {
  /** 0 (calm) .. 1 (very frustrated), from the customer's description and comments only. */
  readonly frustration: number;
  /** "again", "third time", three or more customer messages, a reopen. */
  readonly repeatContact: boolean;
  /** The words behind the score, as the customer wrote them, e.g. "Absolutely unacceptable (frustration -6.4)". */
  readonly signals: readonly string[];
}

export type { IssueTypeFinding, IssueTypeSource } from './issue-type';

export interface SeverityFinding {
  severity: Severity;
  index: number;
  rule: string;
  saw: Record<string, unknown>;
}

export interface ClockFacts {
  calendar: Calendar;
  start: number;
  pauses: Pause[];
  paused: boolean;
  timeInQueue: number;
  /** The clock started more than CLOCK_LIMIT_DAYS ago: `timeInQueue` counts only those days ("over N"). */
  capped: boolean;
}

/** Everything the router learns about a ticket before it applies triggers. */
export interface TicketFindings {
  facts: Facts;
  issueType?: IssueTypeFinding;
  severity: SeverityFinding;
  /** `held`: an agent holds the ticket there (an explicit tier, a tier other than the entry tier, or agents at work on it). */
  currentTier: { tier: TierId; known: boolean; held: boolean; rule: string };
  clock: ClockFacts;
}

/** A triage model's suggestion (see core/triage): a label from `policy.ai.labels` and its calibrated confidence. */
export interface ModelSuggestion {
  label: string;
  confidence: number;
}

export interface FactOptions {
  /** The moment of the decision. The core never reads the clock. */
  now: Instant;
  model?: ModelSuggestion;
}

const CLOSED_STATUSES = new Set(['solved', 'closed']);

/**
 * Prepares a policy once (folded keywords, compiled severity conditions) and
 * returns a function from ticket to findings.
 */
export function createFactBuilder(policy: Policy): (ticket: Ticket, options: FactOptions) => TicketFindings {
  const scoreIssueTypes = createIssueTypeScorer(policy);
  const weighIssueType = createIssueTypeWeigher(policy);
  const currencies = policy.text?.currencies ?? { USD: 1, EUR: 1, GBP: 1, CHF: 1 };
  const issueTypeIds = new Set(policy.issueTypes.map((t) => t.id));
  const severities = policy.severities.map((severity, index) => ({ severity, index, node: severity.when ? compileNode(severity.when) : undefined }));
  const defaultIndex = Math.max(0, policy.severities.findIndex((s) => s.id === policy.defaultSeverity));
  const calendars = new Map(policy.calendars.map((c) => [c.id, c]));
  const sensitive = policy.ai.sensitive.map((s) => compileNode(s.when));
  const pausedStatuses = new Set(policy.pausedStatuses);
  // Sentiment reads every customer word; a policy that never asks for it must not pay for it.
  const readsSentiment = [...policy.severities.map((s) => s.when), ...policy.triggers.map((t) => t.when), ...policy.ai.sensitive.map((s) => s.when)].some(
    (when) => when !== undefined && conditionReads(when, isSentimentField),
  );
  // Field tables as entry lists once, not per ticket.
  const mappings = Object.entries(policy.helpdesks).map(([helpdesk, mapping]) => ({
    helpdesk,
    mapping,
    issueTypeFields: Object.entries(mapping?.issueTypeFields ?? {}),
    customerTierFields: Object.entries(mapping?.customerTierFields ?? {}),
  }));
  const mappingsByHelpdesk = new Map(mappings.map((m) => [m.helpdesk, [m]]));

  function mappingsFor(ticket: Ticket) {
    return ticket.helpdesk ? (mappingsByHelpdesk.get(ticket.helpdesk) ?? []) : mappings;
  }

  function readCustomerTier(ticket: Ticket): CustomerTier | undefined {
    if (ticket.requester.customerTier) return ticket.requester.customerTier;
    for (const { customerTierFields } of mappingsFor(ticket)) {
      for (const [field, values] of customerTierFields) {
        const value = ownValue(ticket.fields, field);
        const tier = typeof value === 'string' ? ownValue(values, value) : undefined;
        if (tier) return tier;
      }
    }
    return undefined;
  }

  function readCurrentTier(ticket: Ticket): TicketFindings['currentTier'] {
    // A new ticket sits in the entry queue (Zendesk's "Tier 1" group, an adapter's currentTier T1 since creation); it
    // is held there only once someone works on it: an agent's comment or assignment, or a move into the tier after
    // the ticket was created.
    const worked =
      ticket.assigneeRole !== undefined ||
      ticket.comments.some((c) => c.author === 'agent') ||
      (ticket.tierEnteredAt !== undefined && ticket.createdAt !== undefined && toMs(ticket.tierEnteredAt) > toMs(ticket.createdAt));
    const held = (tier: TierId) => worked || tier !== policy.entryTier;
    if (ticket.currentTier) return { tier: ticket.currentTier, known: true, held: held(ticket.currentTier), rule: 'ticket.currentTier' };
    for (const { helpdesk, mapping } of mappingsFor(ticket)) {
      const byGroup = ticket.group ? ownValue(mapping?.groups, ticket.group) : undefined;
      if (byGroup) return { tier: byGroup, known: true, held: held(byGroup), rule: `helpdesks.${helpdesk}.groups["${ticket.group}"]` };
      for (const tag of ticket.tags) {
        const byTag = ownValue(mapping?.tags, tag);
        if (byTag) return { tier: byTag, known: true, held: held(byTag), rule: `helpdesks.${helpdesk}.tags.${tag}` };
      }
    }
    return { tier: policy.entryTier, known: false, held: false, rule: 'entryTier' };
  }

  function readIssueType(ticket: Ticket, text: TicketText, facts: Facts, model: ModelSuggestion | undefined): IssueTypeFinding | undefined {
    if (ticket.issueType) return { id: ticket.issueType, source: 'ticket', strength: 'strong', rule: 'ticket.issueType', saw: { issueType: ticket.issueType } };
    // Evidence that is not decisive on its own: added to the keyword scores.
    const extra: IssueTypeEvidence[] = [];
    for (const { helpdesk, mapping, issueTypeFields } of mappingsFor(ticket)) {
      for (const [field, values] of issueTypeFields) {
        const value = ownValue(ticket.fields, field);
        const id = typeof value === 'string' ? ownValue(values, value) : undefined;
        if (typeof value !== 'string' || !id) continue;
        const rule = `helpdesks.${helpdesk}.issueTypeFields["${field}"]`;
        const saw = { [`fields.${field}`]: value };
        if (ownValue(mapping?.genericIssueTypeValues, field)?.includes(value)) extra.push({ id, score: GENERIC_FIELD_WEIGHT, source: 'generic-field', rule, saw });
        else return { id, source: 'helpdesk-field', strength: 'strong', rule, saw };
      }
      for (const tag of ticket.tags) {
        const id = ownValue(mapping?.issueTypeTags, tag);
        if (id) return { id, source: 'helpdesk-tag', strength: 'strong', rule: `helpdesks.${helpdesk}.issueTypeTags.${tag}`, saw: { tags: tag } };
      }
    }
    if (model) {
      const label = ownValue(policy.ai.labels, model.label);
      const id = label?.issueType ?? (issueTypeIds.has(model.label) ? model.label : undefined);
      const gate = id ? (ownValue(policy.ai.categories, id)?.autoRouteAt ?? ownValue(policy.ai.categories, model.label)?.autoRouteAt ?? policy.ai.autoRouteAt) : 1;
      const isSensitive = sensitive.some((node) => node.test(facts));
      // Sensitive cases are never automated; below the auto-route gate a suggestion is only a suggestion.
      if (id && model.confidence >= gate && !isSensitive) {
        extra.push({ id, score: MODEL_WEIGHT, source: 'model', rule: `ai.labels.${model.label}`, saw: { label: model.label, confidence: model.confidence, autoRouteAt: gate } });
      }
    }
    return weighIssueType(scoreIssueTypes(text), extra);
  }
  const toldByText = new WeakMap<TicketText, ReturnType<typeof fromTheText>>();

  /** Money and head-counts the ticket only states in its text. */
  function fromTheText(ticket: Ticket, text: TicketText) {
    const fromText: Record<string, string> = {};
    let amount: (Money & { written?: string }) | undefined = ticket.amount;
    if (!amount) {
      let best: { value: number; currency: string; excerpt: string } | undefined;
      // The customer's own words first; an agent's note only when the customer named no amount. An invoice's total is
      // read only when no other amount is named ("total $12,400 … the $640 line we dispute").
      const anyPart = text.amounts.some((a) => !a.total);
      for (const fromCustomer of [true, false]) {
        for (const a of text.amounts) {
          const factor = ownValue(currencies, a.currency);
          if (factor === undefined || (a.speaker === 'agent-note') === fromCustomer || (anyPart && a.total)) continue;
          if (!best || a.value * factor > best.value) best = { value: a.value * factor, currency: a.currency, excerpt: a.excerpt };
        }
        if (best) break;
      }
      if (best) {
        amount = { value: best.value, currency: best.currency };
        fromText['amount.value'] = best.excerpt;
        fromText.amount = best.excerpt;
      }
    }
    let impactedUsers = ticket.impactedUsers;
    if (impactedUsers === undefined) {
      let best: { count: number; excerpt: string } | undefined;
      for (const h of text.headcounts) if (!best || h.count > best.count) best = h;
      if (best) {
        impactedUsers = best.count;
        fromText.impactedUsers = best.excerpt;
      }
    }
    return { amount, impactedUsers, fromText };
  }

  return (ticket, options) => {
    const now = toMs(options.now);
    const customerTier = readCustomerTier(ticket);
    const currentTier = readCurrentTier(ticket);
    // What the router reads of a long thread (core/text/bounded.ts), worked out once for the joined texts and sentiment.
    const thread = boundedThread(ticket);
    const conversation = readConversation(ticket, thread);
    const { lastCustomerMessage, customerMessageCount, agentMessageCount, descriptionIsComment } = conversation;
    const ticketText = readTicketText(ticket, policy.text?.language ? { language: policy.text.language } : {});
    // Read from the text once per text: the common case, where the helpdesk has neither field.
    let told = ticket.amount === undefined && ticket.impactedUsers === undefined ? toldByText.get(ticketText) : undefined;
    if (!told) {
      told = fromTheText(ticket, ticketText);
      if (ticket.amount === undefined && ticket.impactedUsers === undefined) toldByText.set(ticketText, told);
    }
    const paused = ticket.status !== undefined && (pausedStatuses.has(ticket.status) || CLOSED_STATUSES.has(ticket.status));
    // One object literal with every key written out: a fixed shape keeps fact reads fast
    // (a spread of the ticket made V8 fall back to slow dictionary objects).
    const facts = {
      id: ticket.id,
      helpdesk: ticket.helpdesk,
      url: ticket.url,
      subject: ticket.subject,
      description: ticket.description,
      comments: ticket.comments,
      requester: customerTier === ticket.requester.customerTier ? ticket.requester : { ...ticket.requester, customerTier },
      priority: ticket.priority,
      status: ticket.status,
      tags: ticket.tags,
      fields: ticket.fields,
      group: ticket.group,
      assigneeRole: ticket.assigneeRole,
      issueType: ticket.issueType,
      impactedUsers: told.impactedUsers,
      amount: told.amount,
      channel: ticket.channel,
      currentTier: currentTier.tier as TierId,
      tierEnteredAt: ticket.tierEnteredAt,
      createdAt: ticket.createdAt,
      updatedAt: ticket.updatedAt,
      reopenCount: ticket.reopenCount ?? 0,
      unreadable: ticket.unreadable,
      customerTier,
      issueTypeStrength: undefined as 'strong' | 'guess' | undefined,
      get text() {
        return conversation.text();
      },
      get customerText() {
        return conversation.customerText();
      },
      get agentNotes() {
        return conversation.agentNotes();
      },
      lastCustomerMessage,
      ticketText,
      language: ticketText.language,
      emphasis: emphasisOf(ticketText),
      fromText: told.fromText,
      customerMessageCount,
      agentMessageCount,
      paused,
      severity: '',
      timeInQueue: 0,
      age: 0,
      sentiment: readsSentiment ? lazySentiment(ticket, thread, ticketText, descriptionIsComment) : undefined,
    } satisfies Record<keyof Ticket | keyof typeof FACT_NAMES, unknown>;
    const issueType = readIssueType(ticket, ticketText, facts, options.model);
    facts.issueType = issueType?.id;
    facts.issueTypeStrength = issueType?.strength;

    let severity: SeverityFinding | undefined;
    for (const s of severities) {
      if (s.node?.test(facts)) {
        const saw: Record<string, unknown> = {};
        s.node.explain(facts, saw);
        severity = { severity: s.severity, index: s.index, rule: `severities[${s.index}] ${s.severity.id}`, saw };
        break;
      }
    }
    severity ??= { severity: policy.severities[defaultIndex] as Severity, index: defaultIndex, rule: 'defaultSeverity', saw: { priority: ticket.priority } };
    facts.severity = severity.severity.id;

    const clock = readClock(ticket, severity.severity, now, paused);
    facts.timeInQueue = clock.timeInQueue;
    facts.age = ticket.createdAt ? businessMinutesBetween(clock.calendar, ticket.createdAt, now, { pauses: clock.pauses }) : 0;
    return { facts, issueType, severity, currentTier, clock };
  };

  function readClock(ticket: Ticket, severity: Severity, now: number, paused: boolean): ClockFacts {
    const calendar = calendarFor(calendars, severity.calendar);
    const enteredAt = ticket.tierEnteredAt ?? ticket.createdAt;
    const start = enteredAt ? Math.min(toMs(enteredAt), now) : now;
    // Tickets carry their current status only: a paused ticket is taken to have paused at its last update.
    const pauses: Pause[] = paused ? [{ start: ticket.updatedAt ?? now, end: now }] : [];
    const timeInQueue = businessMinutesBetween(calendar, start, now, { pauses });
    return { calendar, start, pauses, paused, timeInQueue, capped: isBeyondClockLimit(start, now) };
  }
}

/** Facts for one ticket (see FACT_NAMES). */
export function buildFacts(policy: Policy, ticket: Ticket, options: FactOptions): Facts {
  return createFactBuilder(policy)(ticket, options).facts;
}

/** When the escalation clock breaches; none while the clock is paused (the due time moves on when it resumes). */
export function dueAt(clock: ClockFacts, escalationMinutes: number): string | undefined {
  if (clock.paused) return undefined;
  return addBusinessMinutes(clock.calendar, clock.start, escalationMinutes);
}

/** A policy naming an unknown calendar still routes: the clock then runs round the clock (lint reports it). */
function calendarFor(calendars: Map<string, Calendar>, id: string): Calendar {
  return calendars.get(id) ?? { id, timeZone: 'UTC', alwaysOpen: true, hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] };
}

/**
 * Message counts, and the joined texts that `contains` and `matches` read, joined on first read only: the default
 * policy reads words through `mentions`, and a long ticket's texts are tens of kilobytes.
 */
function readConversation(ticket: Ticket, thread: BoundedThread) {
  let lastCustomerMessage = '';
  let customerMessageCount = 0;
  let agentMessageCount = 0;
  let descriptionIsComment = false;
  for (const c of ticket.comments) {
    if (c.author === 'customer') {
      customerMessageCount++;
      if (c.body.trim() === ticket.description.trim()) descriptionIsComment = true;
      else lastCustomerMessage = c.body;
    } else if (c.author === 'agent') {
      agentMessageCount++;
    }
  }
  if (ticket.description.trim() !== '' && !descriptionIsComment) customerMessageCount++;
  // The texts are joined from what the router reads of the thread; the counts count every message.
  const join = (pick: (c: Ticket['comments'][number]) => boolean, head: string[]) => [...head, ...thread.comments.filter(pick).map((c) => c.body)].join('\n');
  let text: string | undefined;
  let customerText: string | undefined;
  let agentNotes: string | undefined;
  return {
    lastCustomerMessage: boundedText(lastCustomerMessage),
    customerMessageCount,
    agentMessageCount,
    descriptionIsComment,
    text: () => (text ??= join(() => true, [thread.subject, thread.description])),
    customerText: () => (customerText ??= join((c) => c.author === 'customer', [thread.subject, thread.description])),
    agentNotes: () => (agentNotes ??= join((c) => c.author === 'agent' && !c.public, [])),
  };
}

/** A generic default type ("Question") tips a close call but loses to one clear phrase in the first message. */
const GENERIC_FIELD_WEIGHT = 1.5;
/** A triage suggestion that cleared its gate weighs like a phrase in the subject. */
const MODEL_WEIGHT = 3;

const URGENCY = new Set(['urgent', 'urgente', 'dringend', 'asap', 'important', 'wichtig', 'emergency', 'notfall', 'eilig']);

/** The ticket's text is analysed once per content (core/text), so what is read from it is kept with it. */
const emphasisCache = new WeakMap<TicketText, number>();

/** Shouted words and "!!!" / "???" runs in the customer's own words; a message written all in capitals shouts once. */
function emphasisOf(text: TicketText): number {
  const cached = emphasisCache.get(text);
  if (cached !== undefined) return cached;
  let count = 0;
  for (const doc of text.customer) {
    // A lower-case ASCII letter rules out a message in capitals without building its letters (most messages have one).
    const letters = /[a-z]/.test(doc.text) ? '' : doc.text.replace(/[^\p{L}]/gu, '');
    if (letters.length > 0 && letters === letters.toUpperCase()) {
      count++;
      continue;
    }
    // "URGENT!!!" says how soon, not how angry: urgency words do not count as shouting.
    const shouted = (doc.text.match(/\b\p{Lu}{5,}\b/gu) ?? []).filter((w) => !URGENCY.has(w.toLowerCase()));
    count += shouted.length + (doc.text.match(/[!?]{2,}/g) ?? []).length;
  }
  emphasisCache.set(text, count);
  return count;
}

const isSentimentField = (field: string) => field === 'sentiment' || field.startsWith('sentiment.');

/** Whether any leaf of the condition reads a field the predicate accepts. */
function conditionReads(condition: Condition, accepts: (field: string) => boolean): boolean {
  if ('all' in condition) return condition.all.some((c) => conditionReads(c, accepts));
  if ('any' in condition) return condition.any.some((c) => conditionReads(c, accepts));
  if ('not' in condition) return conditionReads(condition.not, accepts);
  return accepts(condition.field);
}

interface SentimentReadings {
  frustration?: ReturnType<typeof readFrustration>;
  repeat?: ReturnType<typeof readRepeatContact>;
  signals?: string[];
}

/**
 * Sentiment readings per analysed text (the worker re-decides an open ticket every minute from a fresh copy of it),
 * then per reopen count and description handling, which the text does not know.
 */
const sentimentCache = new WeakMap<TicketText, Map<string, SentimentReadings>>();

/** The `sentiment` fact, analysed on first read: repeat contact (cheap) and frustration (every word weighed) apart. */
function lazySentiment(ticket: Ticket, thread: BoundedThread, text: TicketText, descriptionIsComment: boolean): SentimentFacts {
  // The description counts once when a helpdesk also shows it as the first comment (as for customerMessageCount).
  // Read as far as the words are (core/text/bounded.ts): a 1 MB message at its start and end, a long thread at its
  // first and newest messages.
  const input: SentimentInput = { description: descriptionIsComment ? '' : thread.description, comments: thread.comments, reopenCount: ticket.reopenCount ?? 0 };
  let byVariant = sentimentCache.get(text);
  if (!byVariant) {
    byVariant = new Map();
    sentimentCache.set(text, byVariant);
  }
  const variant = `${input.reopenCount}:${descriptionIsComment}`;
  let readings = byVariant.get(variant);
  if (!readings) {
    readings = {};
    byVariant.set(variant, readings);
  }
  const kept = readings;
  const readF = () => (kept.frustration ??= readFrustration(input));
  const readR = () => (kept.repeat ??= readRepeatContact(input));
  return {
    get frustration() {
      return readF().frustration;
    },
    get repeatContact() {
      return readR().repeatContact;
    },
    get signals() {
      kept.signals ??= [...readF().signals, ...readR().signals].map(describeSignal);
      return kept.signals;
    },
  };
}

function describeSignal(s: SentimentSignal): string {
  if (s.kind === 'repeat') return `${s.text} (repeat)`;
  if (s.weight === 0) return `${s.text} (intensity)`;
  return `${s.text} (${s.kind} ${s.weight > 0 ? '+' : ''}${Math.round(s.weight * 10) / 10})`;
}
