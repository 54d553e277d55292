// Evaluation pad (好差评).
export const PAD_STRINGS = {

} as const satisfies Record<string, readonly [string, string]>;
