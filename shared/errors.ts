/** Typed errors that cross the API boundary: a code a program can branch on and a message a person can act on. */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_command'
  | 'not_found'
  | 'conflict'
  | 'file_too_new'
  | 'file_corrupt'
  | 'too_large'
  | 'unauthorized'
  | 'disk_full'
  | 'read_only'
  | 'folder_in_use'
  | 'cancelled'
  | 'internal';

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class ApiError extends Error implements ApiErrorShape {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  toJSON(): ApiErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorShape).code === 'string' &&
    typeof (value as ApiErrorShape).message === 'string'
  );
}

/** HTTP status for an error code; every error is a 4xx except an engine fault. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'invalid_input':
      return 400;
    case 'unauthorized':
      return 401;
    case 'unknown_command':
    case 'not_found':
      return 404;
    case 'conflict':
    case 'file_too_new':
    case 'folder_in_use':
      return 409;
    case 'too_large':
      return 413;
    case 'file_corrupt':
      return 422;
    case 'read_only':
      return 423;
    case 'cancelled':
      return 409;
    case 'disk_full':
      return 507;
    case 'internal':
      return 500;
  }
}
