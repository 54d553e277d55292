// What the kiosk hands each of its other services (guide, check-in, rating, suggestions). Apart from
// services.ts, which loads them, so a service can name its props without importing its own loader.
import type { Category } from '@yichuang/shared/domain';
import type { TicketIssued } from '@yichuang/shared/events';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';
import type { Language } from '@yichuang/shared/ui/lang.svelte';

export interface ServiceProps {
  hall: Hall;
  language: Language;
  /** Back to where the service was opened from. */
  onclose: () => void;
  /** Every touch inside the service (the kiosk's idle reset). */
  ontouch?: () => void;
  /** A ticket was issued by the service (an appointment check-in); `note` says more about it. */
  onissued?: (category: Category, issued: TicketIssued, note: string) => void;
  /** The guide: take a number for an item's category, where the kiosk issues tickets now. */
  ontakenumber?: (categoryId: string) => void;
  /** Assisted mode: larger type and keys. */
  large?: boolean;
}

export type Service = 'guide' | 'checkIn' | 'rate' | 'suggest';
