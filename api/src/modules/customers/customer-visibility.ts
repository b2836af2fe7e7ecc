import { SortDirection } from '../../graphql/enums.js';
import type { Viewer } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { seesPersonalData } from '../access/masking.js';
import { CustomerOrderField, type CustomerFilter, type CustomersArgs } from './customer.inputs.js';

/*
 * A viewer whose personal fields are masked must not learn them another way: text search matches
 * name, email and company, and ordering by name (whose cursors also carry the name) ranks people
 * alphabetically. Both are refused (FORBIDDEN, naming the argument); the default order becomes
 * CREATED_AT for such viewers.
 */

function refused(viewer: Viewer, field: string[], what: string): DomainError {
  const who = viewer.apiKey ? `API key "${viewer.apiKey.name}"` : `role ${viewer.role}`;
  return new DomainError(ErrorCode.FORBIDDEN, `${who} may not read personal data, so it may not ${what}`, field);
}

/** Refuses a customer filter that would reveal personal values to a viewer who may not read them. */
export function checkFilterVisibility(viewer: Viewer, filter: CustomerFilter | null | undefined): void {
  if (filter?.search?.trim() && !seesPersonalData(viewer)) {
    throw refused(viewer, ['filter', 'search'], 'search customers by name, email or company');
  }
}

/** The list arguments as the viewer may use them: personal filters refused, the default order by name only for those who see names. */
export function visibleListArgs(viewer: Viewer, args: CustomersArgs): CustomersArgs {
  checkFilterVisibility(viewer, args.filter);
  if (seesPersonalData(viewer)) return args;
  if (args.orderBy?.field === CustomerOrderField.NAME) throw refused(viewer, ['orderBy', 'field'], 'order customers by name');
  return { ...args, orderBy: args.orderBy ?? { field: CustomerOrderField.CREATED_AT, direction: SortDirection.ASC } };
}
