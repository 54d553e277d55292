// The provincial 好差评 platform's outbox as the console sees it (GET /api/province/outbox).

/** A rating, or a case step whose result the platform takes: 核实, 整改, 回访. */
export const PLATFORM_RECORD_KINDS = ['rating', 'verify', 'rectify', 'followUp'] as const;
export type PlatformRecordKind = (typeof PLATFORM_RECORD_KINDS)[number];

/** waiting: not tried yet (or no address set); failed: the last try failed, another follows. */
export type OutboxItemState = 'sent' | 'waiting' | 'failed';

export interface OutboxItem {
  id: string;
  kind: PlatformRecordKind;
  state: OutboxItemState;
  queuedAt: number;
  tries: number;
  /** Why the last try failed. */
  reason?: string;
  sentAt?: number;
  /** When the next try is due (failed only). */
  nextAt?: number;
}

export interface OutboxView {
  /** Whether a push address is set: without one records wait. */
  endpoint: boolean;
  counts: Record<OutboxItemState, number>;
  /** The 200 oldest records not yet sent, then the 20 latest sent, latest first. */
  items: OutboxItem[];
}
