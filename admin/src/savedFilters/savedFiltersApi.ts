import { HttpError } from 'react-admin';
import { UserErrorsError, graphqlRequest } from '../graphql/client';
import { mutationDocument, runMutation } from '../dataProvider/mutations';
import { localizeApiError } from '../i18n/apiErrors';

/** The console lists that keep saved filters (the API's SavedFilterResource). */
export type SavedFilterResource = 'CUSTOMERS' | 'INTERACTIONS' | 'PURCHASES' | 'SURVEY_RESPONSES' | 'HANDOFFS' | 'AUDIT_LOG';

/** A filter the signed-in staff member saved for one list; stored by the API, so it follows them everywhere. */
export interface SavedFilter {
  id: string;
  resource: SavedFilterResource;
  name: string;
  /** react-admin's filter values of the list, as they were when saved. */
  filter: Record<string, unknown>;
  sortField: string | null;
  sortOrder: 'ASC' | 'DESC' | null;
}

const FIELDS = 'id resource name filter sortField sortOrder';

const SAVED_FILTERS = /* GraphQL */ `
  query SavedFilters($resource: SavedFilterResource!) {
    savedFilters(resource: $resource) { ${FIELDS} }
  }
`;
const CREATE = mutationDocument('savedFilterCreate', 'SavedFilterCreateInput', `savedFilter { ${FIELDS} }`);
const DELETE = mutationDocument('savedFilterDelete', 'SavedFilterDeleteInput', 'deletedId');

/** The viewer's saved filters of one list, by name. */
export async function listSavedFilters(resource: SavedFilterResource, signal?: AbortSignal): Promise<SavedFilter[]> {
  const { savedFilters } = await graphqlRequest<{ savedFilters: SavedFilter[] }>(SAVED_FILTERS, { resource }, { signal });
  return savedFilters;
}

/**
 * The list's filter values as JSON keeps them: entries left undefined (a cleared input) dropped, so
 * a saved filter reads the same as the URL it came from.
 */
export function plainFilter(values: Record<string, unknown> | undefined): Record<string, unknown> {
  return JSON.parse(JSON.stringify(values ?? {})) as Record<string, unknown>;
}

/** Same filter values, whatever the order of their keys. */
export function sameFilter(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
    }
    return value;
  };
  return JSON.stringify(canonical(plainFilter(a))) === JSON.stringify(canonical(plainFilter(b)));
}

/**
 * Saves the list's current filter and order under a name. The dialog only has the name: a refusal
 * of anything else (the filter too large, too many saved) concerns the whole form.
 */
export async function createSavedFilter(input: {
  resource: SavedFilterResource;
  name: unknown;
  filter: Record<string, unknown>;
  sort?: { field: string; order: string } | null;
}): Promise<SavedFilter> {
  const sort = input.sort?.field ? { sortField: input.sort.field, sortOrder: input.sort.order === 'DESC' ? 'DESC' : 'ASC' } : {};
  try {
    return await runMutation<SavedFilter>(CREATE, 'savedFilterCreate', 'savedFilter', {
      resource: input.resource,
      name: typeof input.name === 'string' ? input.name : '',
      filter: plainFilter(input.filter),
      ...sort,
    });
  } catch (error) {
    if (!(error instanceof UserErrorsError)) throw error;
    const onName = error.userErrors.filter((e) => e.field?.join('.') === 'input.name');
    const others = error.userErrors.filter((e) => e.field?.join('.') !== 'input.name');
    const errors: Record<string, unknown> = {};
    if (onName.length) errors.name = onName.map((e) => localizeApiError(e.code, e.message)).join('; ');
    if (others.length) errors.root = { serverError: others.map((e) => localizeApiError(e.code, e.message)).join(' ') };
    throw new HttpError(error.message, 400, { errors });
  }
}

export async function deleteSavedFilter(id: string): Promise<string> {
  return runMutation<string>(DELETE, 'savedFilterDelete', 'deletedId', { id });
}
