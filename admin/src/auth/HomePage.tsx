import { Loading } from 'react-admin';
import { Navigate } from 'react-router';
import { homePath } from './permissions';
import { useStaffIdentity } from './useStaffIdentity';

/** The console's home ("/", where signing in lands): the page each role starts its day on (permissions.ts homePath). */
export const HomePage = () => {
  const { identity, isPending } = useStaffIdentity();
  if (isPending) return <Loading />;
  return <Navigate to={homePath(identity?.role)} replace />;
};
