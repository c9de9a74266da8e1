import { handoffPacketSchema } from '../../core/handoff/packet';
import { renderPacketText } from '../../core/handoff/render';
import type { Policy } from '../../core/policy/schema';
import { type HandoffStage, type PacketMeta, toPacket } from './handoff-stage';

/**
 * The internal note written back on escalation: core's plain-text rendering of the packet, parsed with its schema
 * first. Part of the lazily loaded escalation chunk (./escalate.ts), which may carry zod; the tab does not.
 */
export function packetText(policy: Policy, stage: HandoffStage, values: Record<string, string>, meta: PacketMeta): string {
  const { author, handoffId, roles } = meta;
  return renderPacketText(policy, handoffPacketSchema.parse(toPacket(stage, values, meta, meta.prefilled)), {
    ...(author === undefined ? {} : { author }),
    ...(handoffId === undefined ? {} : { handoffId }),
    ...(roles === undefined ? {} : { roles }),
  });
}
