// Printing: e-tickets on screen, printer states, reprints.
export const PRINTING_STRINGS = {
} as const satisfies Record<string, readonly [string, string]>;
