import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { query } from '../../db/sql.js';
import { LifecycleStage } from '../../domain/enums.js';
import { MAX_BATCH_ITEMS } from '../../graphql/batch.js';
import type { Context } from '../../graphql/context.js';
import { DomainError, ErrorCode, UserError } from '../../graphql/errors.js';
import type { MutationResult } from '../../graphql/mutation.js';
import { InputErrors, Validator } from '../../graphql/validation.js';
import { mutateAllowed } from '../access/guard.js';
import { changedFields, recordAudit } from '../audit/audit.service.js';
import { isActiveStaff } from '../staff/staff.service.js';
import { lifecycleStageChanges, mergedTags, refuseErased, snapshot } from './customer-writes.js';
import { toCustomer, CustomerType, type CustomerRow } from './customer.type.js';

@InputType({ description: 'One change applied to many customers at once (the console\'s bulk actions): all of them or none.' })
export class CustomerBulkUpdateInput {
  @Field(() => [ID], { description: `The customers, 1–${MAX_BATCH_ITEMS}, each once.` })
  ids!: string[];

  @Field(() => ID, { nullable: true, description: 'Make this active staff member the owner.' })
  ownerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: leave the customers without owner (not with ownerId).' })
  clearOwner?: boolean | null;

  @Field(() => LifecycleStage, { nullable: true, description: 'LEAD → PROSPECT → CUSTOMER only forwards, or CUSTOMER to win churned ones back; never CHURNED.' })
  lifecycleStage?: LifecycleStage | null;

  @Field(() => [String], { nullable: true, description: 'Tags to add (case-insensitive; 1–50 characters each).' })
  tagsAdd?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Tags to remove (case-insensitive; absent ones are ignored).' })
  tagsRemove?: string[] | null;
}

@ObjectType({ description: 'Every customer as it is after the change, or userErrors (naming the customer by its index in ids) and no change at all.' })
export class CustomerBulkUpdatePayload {
  @Field(() => [CustomerType])
  customers!: CustomerType[];

  @Field(() => [UserError])
  userErrors!: UserError[];
}

/**
 * Applies one change to up to 1,000 customers in one transaction, all or nothing: each customer
 * is checked with the same rules as the single mutations (stage transitions, at most 20 tags, not
 * erased); any broken rule names the customer's index and nothing is written. Set-based: a
 * constant number of statements (lock, owner check, update, audit) however many customers.
 */
export function bulkUpdateCustomers(context: Context, input: CustomerBulkUpdateInput): Promise<MutationResult<CustomerType[]>> {
  return mutateAllowed(context, 'customers', async (tx, viewer) => {
    const v = new Validator(['input']);
    if (!input.ids.length) v.fail('ids', ErrorCode.REQUIRED, 'must name at least one customer');
    if (input.ids.length > MAX_BATCH_ITEMS) v.fail('ids', ErrorCode.INVALID, `must name at most ${MAX_BATCH_ITEMS} customers, got ${input.ids.length}`);
    const seen = new Set<string>();
    input.ids.forEach((id, index) => {
      if (!v.id(`ids.${index}`, id)) return;
      if (seen.has(id)) v.fail(`ids.${index}`, ErrorCode.INVALID, 'names a customer already in the list');
      seen.add(id);
    });
    if (input.ownerId != null && input.clearOwner) v.fail('clearOwner', ErrorCode.INVALID, 'cannot be combined with ownerId');
    if (input.lifecycleStage === LifecycleStage.CHURNED) v.fail('lifecycleStage', ErrorCode.INVALID, 'use customerMarkChurned to record a churn with its reason');
    const tagsAdd = v.tags('tagsAdd', input.tagsAdd) ?? [];
    const tagsRemove = v.tags('tagsRemove', input.tagsRemove) ?? [];
    const both = tagsAdd.find((tag) => tagsRemove.some((other) => other.toLowerCase() === tag.toLowerCase()));
    if (both) v.fail('tagsRemove', ErrorCode.INVALID, `cannot both add and remove "${both}"`);
    const changesOwner = input.ownerId != null || Boolean(input.clearOwner);
    if (!changesOwner && !input.lifecycleStage && !tagsAdd.length && !tagsRemove.length) {
      v.fail([], ErrorCode.REQUIRED, 'give at least one change: ownerId, clearOwner, lifecycleStage, tagsAdd or tagsRemove');
    }
    if (input.ownerId && v.id('ownerId', input.ownerId) && !(await isActiveStaff(tx, input.ownerId))) {
      v.fail('ownerId', ErrorCode.NOT_FOUND, 'is not an active staff member');
    }
    v.check();

    // Locked in id order, so two bulk changes over overlapping customers cannot deadlock.
    const rows = await query<CustomerRow>(tx, 'select * from customer where id = any(?::uuid[]) order by id for update', [`{${input.ids.join(',')}}`]);
    const byId = new Map(rows.map((row) => [row.id, row] as const));
    const problems: DomainError[] = [];
    const updates: { before: CustomerRow; after: Record<string, unknown> }[] = [];
    input.ids.forEach((id, index) => {
      const field = ['input', 'ids', String(index)];
      const before = byId.get(id);
      if (!before) return problems.push(new DomainError(ErrorCode.NOT_FOUND, 'does not exist', field));
      try {
        refuseErased(before, field);
        const changes: Record<string, unknown> = {};
        if (changesOwner) changes.owner_id = input.clearOwner ? null : input.ownerId;
        if (input.lifecycleStage) Object.assign(changes, lifecycleStageChanges(before, input.lifecycleStage, context.now, field));
        if (tagsAdd.length || tagsRemove.length) changes.tags = mergedTags(before.tags, tagsAdd, tagsRemove, field);
        const after = { ...before, ...changes } as CustomerRow;
        if (Object.keys(changedFields(snapshot(before), snapshot(after)).after ?? {}).length) updates.push({ before, after: changes });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.push(error);
      }
    });
    if (problems.length) throw new InputErrors(problems);

    if (updates.length) {
      const values = JSON.stringify(
        updates.map(({ before, after }) => ({
          id: before.id,
          owner_id: 'owner_id' in after ? after.owner_id : before.owner_id,
          lifecycle_stage: after.lifecycle_stage ?? before.lifecycle_stage,
          acquired_at: 'acquired_at' in after ? after.acquired_at : before.acquired_at,
          churned_at: 'churned_at' in after ? after.churned_at : before.churned_at,
          churn_reason: 'churn_reason' in after ? after.churn_reason : before.churn_reason,
          tags: after.tags ?? before.tags,
        })),
      );
      const changed = await query<CustomerRow>(
        tx,
        `update customer c set owner_id = v.owner_id, lifecycle_stage = v.lifecycle_stage, acquired_at = v.acquired_at, churned_at = v.churned_at,
                churn_reason = v.churn_reason, tags = v.tags, version = c.version + 1, updated_at = now()
           from jsonb_to_recordset(?::jsonb) as v(id uuid, owner_id uuid, lifecycle_stage text, acquired_at timestamptz, churned_at timestamptz,
                                                 churn_reason text, tags text[])
          where c.id = v.id returning c.*`,
        [values],
      );
      for (const row of changed) byId.set(row.id, row);
      await recordAudit(
        tx,
        viewer,
        context.requestId,
        updates.map(({ before }) => {
          const diff = changedFields(snapshot(before), snapshot(byId.get(before.id)!));
          return { action: 'customerBulkUpdate', entityType: 'Customer', entityId: before.id, customerId: before.id, before: diff.before, after: diff.after };
        }),
      );
    }
    return input.ids.map((id) => toCustomer(byId.get(id)!));
  });
}
