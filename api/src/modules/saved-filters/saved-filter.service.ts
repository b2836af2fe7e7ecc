import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, query } from '../../db/sql.js';
import type { Context, Viewer } from '../../graphql/context.js';
import { viewerOf } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { mutate, type MutationResult } from '../../graphql/mutation.js';
import { Validator } from '../../graphql/validation.js';
import { SavedFilterResource } from './saved-filter.enums.js';
import type { SavedFilterCreateInput, SavedFilterDeleteInput, SavedFilterUpdateInput } from './saved-filter.inputs.js';
import { SAVED_FILTER_COLUMNS, toSavedFilter, type SavedFilterRow, type SavedFilterType } from './saved-filter.type.js';

/*
 * Saved filters are a staff member's own shortcuts: no role needs a permission for them (they hold
 * only what the person typed into a list's filters, and applying one still goes through the list's
 * own permission checks), but they need a person. An API key acts for its creator without being
 * them, so it has no saved filters and is refused. Another person's filter answers NOT_FOUND, as
 * if it did not exist.
 */

export const NAME_MAX = 80;
/** Bytes of the filter object as JSON: a list's filter values are a few hundred at most. */
export const FILTER_MAX_BYTES = 4096;
/** Per person and list: more would not fit a menu, and it bounds what one account can store. */
export const FILTERS_PER_LIST_MAX = 50;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SORT_FIELD = /^[A-Za-z][A-Za-z0-9_.]{0,49}$/;

const NAME_TAKEN = 'you already have a saved filter with this name for this list (names ignore case)';

function staffOnly(viewer: Viewer, field: string[] | null = null): void {
  if (viewer.apiKey) {
    throw new DomainError(ErrorCode.FORBIDDEN, `API key "${viewer.apiKey.name}" has no saved filters: they belong to a signed-in staff member`, field);
  }
}

function validFilter(v: Validator, value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return v.fail('filter', ErrorCode.REQUIRED, 'is required');
  if (typeof value !== 'object' || Array.isArray(value)) return v.fail('filter', ErrorCode.INVALID, 'must be a JSON object of filter values, e.g. {"churnRisk": ["HIGH"]}');
  if (Buffer.byteLength(JSON.stringify(value), 'utf8') > FILTER_MAX_BYTES) {
    return v.fail('filter', ErrorCode.INVALID, `must be at most ${FILTER_MAX_BYTES} bytes as JSON`);
  }
  if (!storableText(value)) return v.fail('filter', ErrorCode.INVALID, 'must not contain NUL characters or broken Unicode');
  return value as Record<string, unknown>;
}

/** Whether every key and string of a JSON value can be stored in jsonb (no U+0000, no lone surrogate). */
function storableText(value: unknown): boolean {
  if (typeof value === 'string') return !LONE_SURROGATE.test(value) && !value.includes('\u0000');
  if (Array.isArray(value)) return value.every(storableText);
  if (value !== null && typeof value === 'object') return Object.entries(value).every(([key, item]) => storableText(key) && storableText(item));
  return true;
}

function validSort(v: Validator, field: string | null | undefined, order: string | null | undefined): { field: string; order: string } | null {
  const hasField = field != null && field.trim() !== '';
  if (!hasField && order == null) return null;
  if (!hasField) return v.fail('sortField', ErrorCode.REQUIRED, 'is required with sortOrder');
  if (order == null) return v.fail('sortOrder', ErrorCode.REQUIRED, 'is required with sortField');
  const trimmed = field.trim();
  if (!SORT_FIELD.test(trimmed)) return v.fail('sortField', ErrorCode.INVALID, 'must be a column name: letters, digits, "_" and ".", at most 50 characters');
  return { field: trimmed, order };
}

async function nameTaken(tx: EntityManager, staffUserId: string, resource: string, name: string, exceptId: string | null): Promise<boolean> {
  const rows = await query<{ id: string }>(
    tx,
    `select id from saved_filter where staff_user_id = ? and resource = ? and lower(name) = lower(?) and id is distinct from ?::uuid`,
    [staffUserId, resource, name, exceptId],
  );
  return rows.length > 0;
}

const CONSTRAINTS = { saved_filter_name_unique: { field: ['input', 'name'], message: NAME_TAKEN } };

/** The viewer's own saved filters of one list, by name (case-insensitive). */
export async function listSavedFilters(context: Context, resource: SavedFilterResource): Promise<SavedFilterType[]> {
  const viewer = viewerOf(context);
  staffOnly(viewer);
  const rows = await query<SavedFilterRow>(
    context.em,
    `select ${SAVED_FILTER_COLUMNS} from saved_filter where staff_user_id = ? and resource = ? order by lower(name), name, id`,
    [viewer.staffUserId, resource],
  );
  return rows.map(toSavedFilter);
}

export function createSavedFilter(context: Context, input: SavedFilterCreateInput): Promise<MutationResult<SavedFilterType>> {
  return mutate(
    context,
    async (tx, viewer) => {
      staffOnly(viewer);
      const v = new Validator();
      const name = v.text('name', input.name, { required: true, max: NAME_MAX });
      const filter = validFilter(v, input.filter);
      const sort = validSort(v, input.sortField, input.sortOrder);
      v.check();
      // One person's saves are serialised, so the count and the name check below hold.
      await query(tx, `select id from staff_user where id = ? for update`, [viewer.staffUserId]);
      if (await nameTaken(tx, viewer.staffUserId, input.resource, name!, null)) throw new DomainError(ErrorCode.CONFLICT, NAME_TAKEN, ['input', 'name']);
      const [{ n }] = (await query<{ n: number }>(tx, `select count(*)::int as n from saved_filter where staff_user_id = ? and resource = ?`, [
        viewer.staffUserId,
        input.resource,
      ])) as [{ n: number }];
      if (n >= FILTERS_PER_LIST_MAX) {
        throw new DomainError(ErrorCode.INVALID, `you already have ${FILTERS_PER_LIST_MAX} saved filters for this list: delete one first`, ['input', 'resource']);
      }
      const [row] = await query<SavedFilterRow>(
        tx,
        `insert into saved_filter (staff_user_id, resource, name, filter, sort_field, sort_order)
         values (?, ?, ?, ?::jsonb, ?, ?) returning ${SAVED_FILTER_COLUMNS}`,
        [viewer.staffUserId, input.resource, name, JSON.stringify(filter), sort?.field ?? null, sort?.order ?? null],
      );
      return toSavedFilter(row!);
    },
    CONSTRAINTS,
  );
}

async function ownFilterForUpdate(tx: EntityManager, viewer: Viewer, id: string): Promise<SavedFilterRow> {
  const [row] = isUuid(id)
    ? await query<SavedFilterRow>(tx, `select ${SAVED_FILTER_COLUMNS} from saved_filter where id = ? and staff_user_id = ? for update`, [id, viewer.staffUserId])
    : [];
  if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'you have no saved filter with this id', ['input', 'id']);
  return row;
}

export function updateSavedFilter(context: Context, input: SavedFilterUpdateInput): Promise<MutationResult<SavedFilterType>> {
  return mutate(
    context,
    async (tx, viewer) => {
      staffOnly(viewer);
      const v = new Validator();
      const name = input.name === undefined || input.name === null ? null : v.text('name', input.name, { required: true, max: NAME_MAX });
      const filter = input.filter === undefined || input.filter === null ? null : validFilter(v, input.filter);
      const sort = validSort(v, input.sortField, input.sortOrder);
      if (input.clearSort && sort) v.fail('clearSort', ErrorCode.INVALID, 'cannot be combined with sortField and sortOrder');
      v.check();
      const current = await ownFilterForUpdate(tx, viewer, input.id);
      if (name !== null && (await nameTaken(tx, viewer.staffUserId, current.resource, name, current.id))) {
        throw new DomainError(ErrorCode.CONFLICT, NAME_TAKEN, ['input', 'name']);
      }
      const sortField = input.clearSort ? null : (sort?.field ?? current.sort_field);
      const sortOrder = input.clearSort ? null : (sort?.order ?? current.sort_order);
      const [row] = await query<SavedFilterRow>(
        tx,
        `update saved_filter set name = ?, filter = ?::jsonb, sort_field = ?, sort_order = ?, updated_at = now()
          where id = ? returning ${SAVED_FILTER_COLUMNS}`,
        [name ?? current.name, JSON.stringify(filter ?? current.filter), sortField, sortOrder, current.id],
      );
      return toSavedFilter(row!);
    },
    CONSTRAINTS,
  );
}

export function deleteSavedFilter(context: Context, input: SavedFilterDeleteInput): Promise<MutationResult<string>> {
  return mutate(context, async (tx, viewer) => {
    staffOnly(viewer);
    const current = await ownFilterForUpdate(tx, viewer, input.id);
    await query(tx, `delete from saved_filter where id = ?`, [current.id]);
    return current.id;
  });
}
