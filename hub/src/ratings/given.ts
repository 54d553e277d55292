// What a citizen gave, as the engine's rating commands take it, wherever they rated.
import type { MaskedIdentity } from '@yichuang/shared/domain';
import { maskPhone } from '@yichuang/shared/identity';
import type { RatingLevel } from '@yichuang/shared/ratings';

export interface GivenInput {
  level: RatingLevel;
  reasons: string[];
  text?: string | undefined;
  phone?: string | undefined;
}

export function ratingGiven({ level, reasons, text, phone }: GivenInput): { level: RatingLevel; reasons: string[]; text?: string; contact?: MaskedIdentity } {
  return {
    level,
    reasons,
    ...(text && { text }),
    // Only the masked number is stored, as every identity in the hub (DESIGN.md §7).
    ...(phone && { contact: { kind: 'phone' as const, masked: maskPhone(phone) } }),
  };
}
