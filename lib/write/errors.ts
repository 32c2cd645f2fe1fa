import type { ZodError } from 'zod';

/** A write was refused because its input is wrong; the message names the record and field. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'ValidationError';
  }

  static fromZod(what: string, error: ZodError): ValidationError {
    const issues = error.issues.map((i) => `${what}${i.path.length ? '.' + i.path.join('.') : ''}: ${i.message}`);
    return new ValidationError(issues.join('; '), issues);
  }
}
