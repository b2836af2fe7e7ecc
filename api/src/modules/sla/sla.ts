import { SlaStatus } from './sla.type.js';

const MINUTE_MS = 60_000;

/**
 * The status of something that must be answered within `allowedMinutes` of `startedAt`, by
 * `dueAt`, answered at `answeredAt` (or not yet), seen at `asOf`.
 */
export function slaStatus(dueAt: Date, allowedMinutes: number, answeredAt: Date | null, asOf: Date): SlaStatus {
  if (answeredAt && answeredAt <= asOf) return answeredAt <= dueAt ? SlaStatus.MET : SlaStatus.BREACHED;
  const remaining = dueAt.getTime() - asOf.getTime();
  if (remaining < 0) return SlaStatus.BREACHED;
  return remaining <= (allowedMinutes * MINUTE_MS) / 4 ? SlaStatus.DUE_SOON : SlaStatus.ON_TRACK;
}

export function addMinutes(moment: Date, minutes: number): Date {
  return new Date(moment.getTime() + minutes * MINUTE_MS);
}
