import { HttpError } from 'react-admin';
import { currentAccessToken, refreshSession } from '../auth/refresh';
import { localizeApiError, translateNow } from '../i18n/apiErrors';
import { toCustomerFilter, toCustomerOrder } from './customers';

/**
 * The customer list as CSV: GET /export/customers.csv with the list's filter and order as JSON
 * (the customers query's own CustomerFilter and CustomerOrder), every matching customer streamed
 * by the API — not one page. Sent with the same bearer token as GraphQL.
 */
export const CUSTOMER_EXPORT_URL = '/export/customers.csv';

/** The export's address for the list's current filter form values and sort. */
export function customerExportUrl(filterValues: Record<string, unknown>, sort: { field: string; order: string } | undefined): string {
  const filter = JSON.parse(JSON.stringify(toCustomerFilter(filterValues))) as Record<string, unknown>;
  const orderBy = toCustomerOrder(sort ? { field: sort.field, order: sort.order === 'DESC' ? 'DESC' : 'ASC' } : undefined);
  const search = new URLSearchParams({ filter: JSON.stringify(filter) });
  if (orderBy) search.set('orderBy', JSON.stringify(orderBy));
  return `${CUSTOMER_EXPORT_URL}?${search.toString()}`;
}

/** The file name the API gives (Content-Disposition), or a plain one. */
export function exportFileName(contentDisposition: string | null): string {
  const match = /filename="?([^";]+)"?/i.exec(contentDisposition ?? '');
  return match?.[1] ?? 'customers.csv';
}

interface ErrorBody {
  errors?: { message: string; extensions?: { code?: string; field?: string[] | null } }[];
}

/** The API's JSON error, in words: each message (localized by its code), with the argument it names. */
export function exportErrorMessage(body: ErrorBody | null, status: number): string {
  const messages = (body?.errors ?? []).map((error) => {
    const field = error.extensions?.field?.length ? `${error.extensions.field.join('.')}: ` : '';
    return localizeApiError(error.extensions?.code, `${field}${error.message}`);
  });
  return messages.length > 0 ? messages.join(' ') : translateNow('customer360.errors.bad_response', { status });
}

async function request(url: string, retried: boolean): Promise<Response> {
  const token = await currentAccessToken();
  const headers: Record<string, string> = { Accept: 'text/csv, application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(url, { headers });
  } catch {
    throw new HttpError(translateNow('customer360.errors.unreachable'), 0);
  }
  // A refused access token (expired meanwhile): renew it once and ask again, as graphqlRequest does.
  if (response.status === 401 && token && !retried && (await refreshSession(token)) !== null) return request(url, true);
  return response;
}

/**
 * Downloads the export into a Blob. Throws an HttpError carrying the API's own message when it
 * answers an error, and one saying the file is incomplete when the stream broke off (the API
 * then ends it without its final line break).
 */
export async function downloadCustomerExport(url: string): Promise<{ blob: Blob; fileName: string }> {
  const response = await request(url, false);
  if (!response.ok || !(response.headers.get('Content-Type') ?? '').startsWith('text/csv')) {
    const body = (await response.json().catch(() => null)) as ErrorBody | null;
    throw new HttpError(exportErrorMessage(body, response.status), response.status || 500, body ?? {});
  }
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    throw new HttpError(translateNow('customer360.export.incomplete'), 500);
  }
  if (blob.size > 0 && (await blob.slice(blob.size - 1).text()) !== '\n') throw new HttpError(translateNow('customer360.export.incomplete'), 500);
  return { blob, fileName: exportFileName(response.headers.get('Content-Disposition')) };
}
