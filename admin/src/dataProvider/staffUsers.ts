import { HttpError, type SortPayload } from 'react-admin';
import { graphqlRequest, type RequestOptions } from '../graphql/client';
import type { StaffUser } from '../graphql/types';
import { asList, type ResourceReader } from './types';

const STAFF_USERS = /* GraphQL */ `
  query StaffUsers {
    staffUsers { id email name role team active createdAt }
  }
`;

/** The API returns every staff member at once (a small list), so filtering and paging happen here. */
async function allStaffUsers(options: RequestOptions): Promise<StaffUser[]> {
  const { staffUsers } = await graphqlRequest<{ staffUsers: StaffUser[] }>(STAFF_USERS, {}, options);
  return staffUsers;
}

function matches(staffUser: StaffUser, filter: Record<string, unknown>): boolean {
  const search = typeof filter.q === 'string' ? filter.q.trim().toLowerCase() : '';
  if (search && !`${staffUser.name} ${staffUser.email}`.toLowerCase().includes(search)) return false;
  const roles = asList(filter.role as string | string[]);
  if (roles && !roles.includes(staffUser.role)) return false;
  const teams = asList(filter.team as string | string[]);
  if (teams && (staffUser.team === null || !teams.includes(staffUser.team))) return false;
  if (typeof filter.active === 'boolean' && staffUser.active !== filter.active) return false;
  const ids = asList(filter.id as string | string[]);
  if (ids && !ids.map(String).includes(staffUser.id)) return false;
  return true;
}

function compareBy(sort: SortPayload | undefined) {
  const field = (sort?.field ?? 'name') as keyof StaffUser;
  const direction = sort?.order === 'DESC' ? -1 : 1;
  return (a: StaffUser, b: StaffUser) => direction * String(a[field] ?? '').localeCompare(String(b[field] ?? ''));
}

export const staffUsers: ResourceReader = {
  async getList({ pagination, sort, filter, signal }) {
    const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
    const found = (await allStaffUsers({ signal })).filter((staffUser) => matches(staffUser, filter ?? {}));
    found.sort(compareBy(sort));
    return { data: found.slice((page - 1) * perPage, page * perPage), total: found.length };
  },

  async getOne({ id, signal }) {
    const staffUser = (await allStaffUsers({ signal })).find((candidate) => candidate.id === String(id));
    if (!staffUser) throw new HttpError('ra.notification.item_doesnt_exist', 404);
    return { data: staffUser };
  },

  async getMany({ ids, signal }) {
    const wanted = new Set(ids.map(String));
    return { data: (await allStaffUsers({ signal })).filter((staffUser) => wanted.has(staffUser.id)) };
  },
};
