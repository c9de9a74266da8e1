/** Handoff packets: the schema, the stages a move crosses, completeness, and the plain-text note. */
export { checkHandoff, type HandoffCheck, itemValue } from './check';
export { HANDOFF_PACKET_SCHEMA_VERSION, type HandoffPacket, type HandoffPacketInput, handoffPacketSchema, type PacketItem, packetItemSchema, packetSummarySchema } from './packet';
export { renderPacketText } from './render';
export { type RequiredItem, requiredItems, stagesBetween } from './stages';
