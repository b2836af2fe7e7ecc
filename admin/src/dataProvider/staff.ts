import { HttpError, type CreateParams, type UpdateParams } from 'react-admin';
import { graphqlRequest, type RequestOptions } from '../graphql/client';
import type { StaffRole, Team } from '../graphql/enums';
import { mutationDocument, runMutation, textOrNull } from './mutations';
import type { ResourceReader } from './types';

/**
 * The staff admin pages (ADMIN only): every account with its version, and the staff mutations.
 * (`staffUsers` is the same list for owner pickers, read by every role, without the version.)
 */
export interface StaffMember {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  team: Team | null;
  active: boolean;
  createdAt: string;
  version: number;
}

const STAFF_FIELDS = 'id name email role team active createdAt version';

const STAFF = /* GraphQL */ `
  query Staff {
    staffUsers { ${STAFF_FIELDS} }
  }
`;

async function allStaff(options: RequestOptions): Promise<StaffMember[]> {
  const { staffUsers } = await graphqlRequest<{ staffUsers: StaffMember[] }>(STAFF, {}, options);
  return staffUsers;
}

export const staff: ResourceReader = {
  async getList({ pagination, sort, filter, signal }) {
    const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
    const search = typeof filter?.q === 'string' ? filter.q.trim().toLowerCase() : '';
    const found = (await allStaff({ signal })).filter(
      (member) => !search || `${member.name} ${member.email}`.toLowerCase().includes(search),
    );
    const field = (sort?.field ?? 'name') as keyof StaffMember;
    const direction = sort?.order === 'DESC' ? -1 : 1;
    found.sort((a, b) => direction * String(a[field] ?? '').localeCompare(String(b[field] ?? '')));
    return { data: found.slice((page - 1) * perPage, page * perPage), total: found.length };
  },

  async getOne({ id, signal }) {
    const member = (await allStaff({ signal })).find((candidate) => candidate.id === String(id));
    if (!member) throw new HttpError('ra.notification.item_doesnt_exist', 404);
    return { data: member };
  },

  async getMany({ ids, signal }) {
    const wanted = new Set(ids.map(String));
    return { data: (await allStaff({ signal })).filter((member) => wanted.has(member.id)) };
  },
};

const STAFF_CREATE = mutationDocument('staffCreate', 'StaffCreateInput', `staffUser { ${STAFF_FIELDS} }`);
const STAFF_UPDATE = mutationDocument('staffUpdate', 'StaffUpdateInput', `staffUser { ${STAFF_FIELDS} }`);

export async function createStaff({ data }: CreateParams) {
  const input = {
    name: data.name,
    email: typeof data.email === 'string' ? data.email.trim() : data.email,
    password: data.password,
    role: data.role,
    team: textOrNull(data.team),
  };
  return { data: await runMutation<StaffMember>(STAFF_CREATE, 'staffCreate', 'staffUser', input) };
}

/** Name, role and team; an empty team takes the person out of every team (ADMIN and ANALYST only). */
export async function updateStaff({ id, data, previousData }: UpdateParams) {
  const input = { id: String(id), name: data.name, role: data.role, team: textOrNull(data.team), version: previousData?.version };
  return { data: await runMutation<StaffMember>(STAFF_UPDATE, 'staffUpdate', 'staffUser', input) };
}

export type StaffStep = 'deactivate' | 'reactivate' | 'resetPassword';

const STEP_MUTATIONS: Record<StaffStep, { name: string; inputType: string }> = {
  deactivate: { name: 'staffDeactivate', inputType: 'StaffIdInput' },
  reactivate: { name: 'staffReactivate', inputType: 'StaffIdInput' },
  resetPassword: { name: 'staffResetPassword', inputType: 'StaffResetPasswordInput' },
};

/** Deactivate, reactivate or give a new password; `values` carries the id (and the password). */
export async function staffStep(step: StaffStep, values: { id: string; password?: unknown }): Promise<StaffMember> {
  const { name, inputType } = STEP_MUTATIONS[step];
  const input = step === 'resetPassword' ? { id: values.id, password: values.password } : { id: values.id };
  return runMutation<StaffMember>(mutationDocument(name, inputType, `staffUser { ${STAFF_FIELDS} }`), name, 'staffUser', input);
}
