import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { StaffUser } from '../staff/staff-user.entity.js';
import { SavedFilterResource } from './saved-filter.enums.js';

/**
 * A filter of a console list that one staff member saved under a name ("My HIGH-risk customers"),
 * so it follows them from browser to browser. Only its owner sees it; it goes with them when their
 * account is deleted. It holds no customer row, only what the person typed into the list's filters
 * (see privacy/data-map.ts: no `customer_id`, so it is not a table of customer data).
 */
@Entity({ tableName: 'saved_filter' })
@Index({ name: 'saved_filter_owner_resource', properties: ['staffUser', 'resource'] })
@Unique({
  name: 'saved_filter_name_unique',
  expression: 'create unique index "saved_filter_name_unique" on "saved_filter" ("staff_user_id", "resource", lower("name"))',
})
@Check({ name: 'saved_filter_filter_object', expression: `jsonb_typeof(filter) = 'object'` })
@Check({ name: 'saved_filter_sort_complete', expression: '(sort_field is null) = (sort_order is null)' })
export class SavedFilter {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  @ManyToOne(() => StaffUser, { fieldName: 'staff_user_id', deleteRule: 'cascade' })
  staffUser!: StaffUser;

  @Enum({ items: () => SavedFilterResource, type: 'string' })
  resource!: SavedFilterResource;

  @Property({ type: 'string', length: 80 })
  name!: string;

  /** The list's filter values as the console keeps them (react-admin's filterValues): a JSON object. */
  @Property({ type: 'jsonb' })
  filter!: Record<string, unknown>;

  @Property({ type: 'string', length: 50, nullable: true })
  sortField: string | null = null;

  @Enum({ items: ['ASC', 'DESC'], type: 'string', nullable: true })
  sortOrder: 'ASC' | 'DESC' | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
