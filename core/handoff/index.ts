/** Handoff packets: the schema, the stages a move crosses, completeness, and the plain-text note. */
export { checkHandoff, type HandoffCheck, itemValue } from './check';
export { HANDOFF_PACKET_SCHEMA_VERSION, type HandoffPacket, type HandoffPacketInput, handoffPacketSchema, type PacketItem, packetItemSchema, packetSummarySchema } from './packet';
export { findHandoffNote, type HandoffNote, parseHandoffNote } from './find-note';
export { HANDOFF_NOTE_MARKER, type RenderPacketOptions, renderPacketText } from './render';
export { type RequiredItem, requiredItems, stagesBetween } from './stages';
