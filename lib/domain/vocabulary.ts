// The domain's fixed vocabularies. The schema stores them; the domain defines them.
export const ACTOR_KINDS = ['state', 'person', 'organisation', 'anonymous'] as const;
export const QUOTE_KINDS = ['direct', 'reported'] as const;
/** Extracted quotes arrive as suggestions; only accepted quotes are evidence. */
export const REVIEW_STATES = ['suggested', 'accepted', 'rejected'] as const;
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
/** A stance on a topic's own five-point scale, from −2 (most against the question) to +2. */
export const POSITIONS = [-2, -1, 0, 1, 2] as const;

export type ActorKind = (typeof ACTOR_KINDS)[number];
export type QuoteKind = (typeof QUOTE_KINDS)[number];
export type ReviewState = (typeof REVIEW_STATES)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type Position = (typeof POSITIONS)[number];
/** Labels for positions -2, -1, 0, +1, +2, in that order. */
export type ScaleLabels = [string, string, string, string, string];

/** What a signed-in person may do: viewers read, analysts code, admins also manage accounts and restore. */
export const USER_ROLES = ['viewer', 'analyst', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** How a change reached the database: a page (server action), the JSON API with a token or a session, the command line. */
export const AUDIT_DOORS = ['page', 'api-token', 'api-session', 'cli'] as const;
export type AuditDoor = (typeof AUDIT_DOORS)[number];
