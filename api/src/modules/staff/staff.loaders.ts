import DataLoader from 'dataloader';
import { perRequest, type Context } from '../../graphql/context.js';
import { findStaffByIds } from './staff.service.js';
import type { StaffUserType } from './staff-user.type.js';

const KEY = Symbol('staff.loaders');

export function staffLoaders(context: Context) {
  return perRequest(context, KEY, () => ({
    byId: new DataLoader<string, StaffUserType | null>(async (ids) => {
      const found = new Map((await findStaffByIds(context.em, ids)).map((staff) => [staff.id, staff]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  }));
}
