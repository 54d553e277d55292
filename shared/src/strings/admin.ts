// Console administration: hall configuration, accounts, device pairing, audit.
export const ADMIN_STRINGS = {
} as const satisfies Record<string, readonly [string, string]>;
