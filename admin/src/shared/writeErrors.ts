import type { HttpError } from 'react-admin';

/** The field errors a refused write carries for its form (react-admin's `body.errors`), if any. */
export function formErrorsOf(error: unknown): Record<string, unknown> | null {
  const errors = (error as HttpError | undefined)?.body?.errors;
  if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return null;
  return Object.keys(errors).length > 0 ? (errors as Record<string, unknown>) : null;
}

/** The general message of a refused write: its root.serverError, else its message (an i18n key or the API's words). */
export function messageOf(error: unknown): string {
  const root = (formErrorsOf(error)?.root as { serverError?: unknown } | undefined)?.serverError;
  if (typeof root === 'string' && root) return root;
  if (typeof error === 'string') return error;
  return (error as Error | undefined)?.message || 'ra.notification.http_error';
}
