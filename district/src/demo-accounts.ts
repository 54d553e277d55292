// The demo district's accounts, seeded into a fresh database (schema migration 5), as the hall demo
// has its demo staff: both sign in with the hall demo's password `yichuang-demo-2026`. The hash is
// stored, not the password. They and the console token DEMO_DISTRICT_TOKEN (REST reads) last until a
// real admin account is set with `npm run district:password`, which removes them.
export const DEMO_DISTRICT_PASSWORD = 'yichuang-demo-2026';
/** argon2id of DEMO_DISTRICT_PASSWORD (hashSecret's parameters). */
export const DEMO_ACCOUNT_HASH = '$argon2id$v=19$m=19456,t=2,p=1$TyC0jQY060w4SN3HM3k1fg$tkzlGuUT92LlxZEGcA72DViS49a+DzunpsLyDJUzanc';
/** The demo district's console token, as the hall demo has public device tokens: a bearer for REST reads. */
export const DEMO_DISTRICT_TOKEN = 'demo-district-console';
