import { useGetIdentity } from 'react-admin';
import type { StaffRole, Team } from '../graphql/enums';

export interface StaffIdentity {
  id: string;
  fullName: string;
  role: StaffRole;
  /** Null for staff outside the four customer-facing teams (admins, analysts). */
  team: Team | null;
}

/** The signed-in staff member with their team and role (see authProvider.getIdentity); undefined while loading. */
export function useStaffIdentity(): { identity: StaffIdentity | undefined; isPending: boolean } {
  const { identity, isPending } = useGetIdentity();
  return { identity: identity as StaffIdentity | undefined, isPending };
}
