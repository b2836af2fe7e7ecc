import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql.js';
import type { Segment } from '../../domain/enums.js';

export interface SegmentChurn {
  segment: Segment;
  /** S: customers active at the start of the period (acquired before it, not churned before it). */
  activeAtStart: number;
  /** L: those of S who churned inside the period. */
  churned: number;
}

/** S and L (SPEC's churn rate) per segment for the half-open period [from, to). */
export async function churnBySegment(em: EntityManager, from: Date, to: Date): Promise<SegmentChurn[]> {
  const rows = await query<{ segment: Segment; s: string; l: string }>(
    em,
    `select segment,
            count(*) filter (where acquired_at < ? and (churned_at is null or churned_at >= ?)) as s,
            count(*) filter (where acquired_at < ? and churned_at >= ? and churned_at < ?) as l
       from customer group by segment`,
    [from, from, from, from, to],
  );
  return rows.map((r) => ({ segment: r.segment, activeAtStart: Number(r.s), churned: Number(r.l) }));
}
