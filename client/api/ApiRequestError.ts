/** A failed API call, with the server's message (and field details) when it sent one. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  /** One sentence for the UI. */
  get userMessage(): string {
    if (this.status === 0) return 'The server could not be reached. Check your connection and try again.';
    return this.details.length > 0 ? `${this.message}: ${this.details.join('; ')}` : this.message;
  }
}
