import { can, type ApiAction, type ApiResource } from './permissions';
import { readSession } from './session';
import { useStaffIdentity } from './useStaffIdentity';

/**
 * Whether the signed-in role may take this action on this API resource. The stored session
 * answers until the identity has loaded, so a page's first render already knows the role.
 */
export function useCan(action: ApiAction, resource: ApiResource): boolean {
  const { identity } = useStaffIdentity();
  return can(identity?.role ?? readSession()?.staffUser.role, action, resource);
}
