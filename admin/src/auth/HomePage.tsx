import { Navigate } from 'react-router';
import { homePath } from './permissions';
import { readSession } from './session';

/**
 * The console's home ("/", where signing in lands): the page each role starts its day on
 * (permissions.ts homePath). The role comes from the session signing in has just stored, not from
 * react-admin's identity query: that query may still hold the answer it got on the sign-in page
 * (no one signed in), which sent a SERVICE member to the customers instead of the inbox.
 */
export const HomePage = () => <Navigate to={homePath(readSession()?.staffUser.role)} replace />;
