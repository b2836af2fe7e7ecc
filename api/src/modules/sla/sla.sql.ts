import type { EntityManager } from '@mikro-orm/postgresql';
import { preparedQuery, query, uuidArray } from '../../db/sql.js';
import type { Team } from '../../domain/enums.js';

export interface TeamSlaRow {
  team: Team;
  response_sla_minutes: number;
  handoff_sla_minutes: number;
  version: number;
  updated_at: string;
}

export const TEAM_SLA_COLUMNS = 'team, response_sla_minutes, handoff_sla_minutes, version, updated_at';

export function teamSlaRows(em: EntityManager): Promise<TeamSlaRow[]> {
  return query<TeamSlaRow>(em, `select ${TEAM_SLA_COLUMNS} from team_sla order by team`);
}

/**
 * Lateral subqueries counting a customer's open SLA breaches at a moment (`?` = that moment,
 * bound in the order of `params`): inbound interactions not answered by then although their
 * team's response SLA had run out, and handoffs neither accepted, rejected nor cancelled by then
 * although their dueAt had passed. `customer` is the SQL expression of the customer's id.
 * Shared with the health score so both count breaches the same way.
 */
export function openBreachJoins(customer: string, asOf: Date): { sql: string; params: unknown[] } {
  return {
    sql: `
      left join lateral (
        select count(*) as n, min(i.occurred_at + s.response_sla_minutes * interval '1 minute') as oldest_due
          from interaction i join team_sla s on s.team = i.team
         where i.customer_id = ${customer} and i.direction = 'INBOUND'
           and (i.responded_at is null or i.responded_at > ?)
           and i.occurred_at + s.response_sla_minutes * interval '1 minute' < ?
      ) as interaction_breach on true
      left join lateral (
        select count(*) as n, min(h.due_at) as oldest_due
          from handoff h
         where h.customer_id = ${customer} and h.due_at < ?
           and (h.accepted_at is null or h.accepted_at > ?)
           and (h.rejected_at is null or h.rejected_at > ?)
           and (h.cancelled_at is null or h.cancelled_at > ?)
      ) as handoff_breach on true`,
    params: [asOf, asOf, asOf, asOf, asOf, asOf],
  };
}

export interface OpenBreachRow {
  customer_id: string;
  interaction_breaches: string;
  handoff_breaches: string;
  oldest_due: string | null;
}

export function openBreaches(em: EntityManager, customerIds: readonly string[], asOf: Date): Promise<OpenBreachRow[]> {
  const joins = openBreachJoins('p.id', asOf);
  return preparedQuery<OpenBreachRow>(
    em,
    `select p.id as customer_id,
            interaction_breach.n as interaction_breaches,
            handoff_breach.n as handoff_breaches,
            least(interaction_breach.oldest_due, handoff_breach.oldest_due) as oldest_due
       from unnest(?::uuid[]) as p(id) ${joins.sql}`,
    [uuidArray(customerIds), ...joins.params],
  );
}

/**
 * Ids of customers with an open SLA breach at `asOf` (same rules as openBreachJoins), read
 * set-based from the partial indexes: for filtering whole lists.
 */
export function customersWithOpenBreach(asOf: Date): { sql: string; params: unknown[] } {
  return {
    sql: `select i.customer_id from interaction i join team_sla t on t.team = i.team
           where i.direction = 'INBOUND' and (i.responded_at is null or i.responded_at > ?)
             and i.occurred_at + t.response_sla_minutes * interval '1 minute' < ?
          union
          select h.customer_id from handoff h
           where h.due_at < ? and (h.accepted_at is null or h.accepted_at > ?) and (h.rejected_at is null or h.rejected_at > ?)
             and (h.cancelled_at is null or h.cancelled_at > ?)`,
    params: [asOf, asOf, asOf, asOf, asOf, asOf],
  };
}
