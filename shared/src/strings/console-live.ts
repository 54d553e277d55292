// Console: live board and alerts; window-top displays and voice.
export const CONSOLE_LIVE_STRINGS = {
} as const satisfies Record<string, readonly [string, string]>;
