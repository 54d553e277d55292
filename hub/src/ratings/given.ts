// What a citizen gave, as the engine's rating commands take it, wherever they rated.
import { maskPhone } from '@yichuang/shared/identity';
import { isBadLevel, type RatingLevel } from '@yichuang/shared/ratings';
import type { RatingGiven } from '../engine/rating.js';
import type { Sealer } from '../security/sealer.js';

export interface GivenInput {
  level: RatingLevel;
  reasons: string[];
  text?: string | undefined;
  phone?: string | undefined;
}

export function ratingGiven({ level, reasons, text, phone }: GivenInput, contacts: Sealer): RatingGiven {
  return {
    level,
    reasons,
    ...(text && { text }),
    // The rating keeps the masked number only, as every identity in the hub (docs/design.md §7); a bad
    // rating's case keeps it sealed too, for the follow-up call.
    ...(phone && { contact: { kind: 'phone' as const, masked: maskPhone(phone) } }),
    ...(phone && isBadLevel(level) && { sealedContact: contacts.seal(phone) }),
  };
}
