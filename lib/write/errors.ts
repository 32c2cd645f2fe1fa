// Why a write was refused. Each error knows its HTTP status, so that route handlers and server
// actions answer the same way (app/api/_http/errors.ts, lib/write/perform.ts), and none of them
// ever shows a driver's message or stack.
import type { ZodError } from 'zod';

/** One problem with one field of the input: `field` is its path ("evidence.0", "scaleLabels.2"). */
export type FieldProblem = { field: string; message: string };

export abstract class WriteError extends Error {
  abstract readonly status: number;
}

/** The input is wrong (400); the message names the record and field. */
export class ValidationError extends WriteError {
  readonly status = 400;
  readonly fields: readonly FieldProblem[];
  constructor(
    message: string,
    readonly issues: readonly string[] = [message],
    fields: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ValidationError';
    this.fields = fields;
  }

  static fromZod(what: string, error: ZodError): ValidationError {
    const fields = error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
    const issues = fields.map((f) => `${what}${f.field ? '.' + f.field : ''}: ${f.message}`);
    return new ValidationError(issues.join('; '), issues, fields);
  }

  /** A problem with one named field, found after parsing (an unknown slug, a span off the body). */
  static field(field: string, message: string, what?: string): ValidationError {
    const text = `${what ? `${what}.` : ''}${field}: ${message}`;
    return new ValidationError(text, [text], [{ field, message }]);
  }
}

/** No credentials, or credentials that name nobody (401). */
export class UnauthenticatedError extends WriteError {
  readonly status = 401;
  constructor(message = 'Sign in, or send an API token (Authorization: Bearer <token>)') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** Signed in, but not allowed to do this (403); also a cookie-authenticated write from another site. */
export class ForbiddenError extends WriteError {
  readonly status = 403;
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The record named in the path does not exist, or is deleted (404). */
export class NotFoundError extends WriteError {
  readonly status = 404;
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/**
 * The write cannot be made as things stand (409): an older version was named, a slug is taken, a
 * record others rest on was to be deleted. `current` is the record as it is now, when there is one.
 */
export class ConflictError extends WriteError {
  readonly status = 409;
  constructor(
    message: string,
    readonly current: unknown = undefined,
    readonly field: string | undefined = undefined,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The database stayed locked by another writer past the busy timeout (503): try again. */
export class BusyError extends WriteError {
  readonly status = 503;
  constructor() {
    super('The database is busy with another write; try again in a moment');
    this.name = 'BusyError';
  }
}

/** An upload over the size limit (413). */
export class PayloadTooLargeError extends WriteError {
  readonly status = 413;
  constructor(message: string) {
    super(message);
    this.name = 'PayloadTooLargeError';
  }
}
