/** A request parameter that cannot be honoured; the API answers 400 naming `param`. */
export class BadParamError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'BadParamError';
  }
}
