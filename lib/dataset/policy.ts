// What the dataset (npm run export / import) leaves out of db/schema.ts, and why. Every other
// table and column of the schema is carried whole, so a table added to the schema is exported
// without a change here, unless its name looks like it holds secrets: then the export refuses
// until it is classified below (secrets are never carried by accident).

/** Tables left out entirely. */
export const LEFT_OUT_TABLES: Readonly<Record<string, string>> = {
  counters: 'derived: totals the triggers keep (migrations 0004, 0007)',
  quote_months: 'derived: accepted quotes per month, kept by the triggers',
  settings: "this database's own: the key that signs its listing cursors",
  // Accounts travel without their secrets: users are exported, the ways to sign in as them are not.
  sessions: 'secret: session tokens (the cookie values of signed-in people)',
  accounts: "secret: password hashes and providers' access, refresh and id tokens",
  verifications: 'secret: verification and reset values',
  api_tokens: 'secret: API token hashes; tokens are made again with npm run token:add',
  rate_limits: 'transient: sign-in attempt counters of the last minutes',
};

/**
 * Columns left out: the listing keys copied from other rows, which the triggers of migration 0004
 * compute again when a row is inserted. Each has a default, so a row inserts without it.
 */
export const LEFT_OUT_COLUMNS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  quotes: {
    date_key: 'copied from the source (or said_at) by a trigger',
    speaker_country: "copied from the speaker by a trigger",
    speaker_name: 'copied from the speaker by a trigger',
  },
  stances: {
    country_key: "copied from the actor by a trigger",
    actor_name: 'copied from the actor by a trigger',
    topic_order: 'copied from the topic by a trigger',
    topic_slug: 'copied from the topic by a trigger',
    evidence_count: 'counted by the stance_evidence triggers',
  },
};

/** Tables in the database that db/schema.ts does not declare, with their shadow tables: the search index. */
export const DERIVED_VIRTUAL_TABLES: Readonly<Record<string, string>> = {
  quotes_fts: 'derived: full-text index of quotes, kept by triggers',
  sources_fts: 'derived: full-text index of sources, kept by triggers',
};

/**
 * Names that suggest credentials: such a table or column must be classified before it is exported.
 * The same names as keys inside a JSON column (an audit entry's before and after) have their value
 * left out of the export (see lib/dataset/document.ts).
 */
export const SECRET_LOOKING_TABLE = /session|account|verification|token|secret|credential|passkey|api_?key|two_?factor|jwk/i;
export const SECRET_LOOKING_COLUMN = /password|passphrase|secret|token|hash|salt|private_?key|api_?key|(^|_)otp($|_)|backup_?codes/i;

/**
 * Secret-looking names that are exported on purpose, each with why it is no secret
 * (e.g. a content hash). Keys are `table` or `table.column`.
 */
export const NOT_SECRET: Readonly<Record<string, string>> = {};
