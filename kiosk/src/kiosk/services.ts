// The kiosk's other services (guide, check-in, rating, suggestions), loaded only when first opened.
import type { Component } from 'svelte';
import type { Service, ServiceProps } from './service-props';

/** Each service is its own chunk: the take-a-number page loads without them. */
export const SERVICES: Record<Service, () => Promise<{ default: Component<ServiceProps> }>> = {
  guide: () => import('../guide/Guide.svelte'),
  checkIn: () => import('../guide/CheckIn.svelte'),
  rate: () => import('../guide/RateVisit.svelte'),
  suggest: () => import('../guide/Suggest.svelte'),
};
