// Console: bad-rating cases (差评工单).
export const CONSOLE_CASES_STRINGS = {
} as const satisfies Record<string, readonly [string, string]>;
