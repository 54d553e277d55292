// Self-service guide terminal: service items (事项), guides, suggestions, assisted mode.
export const GUIDE_STRINGS = {
} as const satisfies Record<string, readonly [string, string]>;
