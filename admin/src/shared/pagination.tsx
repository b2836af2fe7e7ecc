import { Pagination } from 'react-admin';

/** Page sizes offered on the customer list (the API serves at most 100 per request). */
export const ListPagination = () => <Pagination rowsPerPageOptions={[10, 25, 50, 100]} />;

/** Page sizes for the smaller lists on a customer's page. */
export const RelatedPagination = () => <Pagination rowsPerPageOptions={[5, 10, 25, 50]} />;
