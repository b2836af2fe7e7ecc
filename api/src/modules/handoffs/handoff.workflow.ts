import { HandoffStatus, StaffRole, type Team } from '../../domain/enums.js';
import type { Viewer } from '../../graphql/context.js';

/**
 * The handoff state machine:
 *
 *   REQUESTED ──accept──▶ ACCEPTED ──complete──▶ COMPLETED
 *       │ └──reject──▶ REJECTED        │
 *       └──────cancel──▶ CANCELLED ◀───┘
 *
 * The receiving team (or a manager or admin) accepts, completes or rejects; whoever handed over
 * (the requester, anyone of the sending team, or a manager or admin) may cancel.
 */
export enum HandoffStep {
  ACCEPT = 'accept',
  COMPLETE = 'complete',
  REJECT = 'reject',
  CANCEL = 'cancel',
}

interface StepRule {
  /** The audit action, named like the mutation. */
  action: string;
  from: readonly HandoffStatus[];
  to: HandoffStatus;
  /** Who may take the step: the receiving side or the sending side. */
  side: 'receiver' | 'sender';
  /** The column that records when the step was taken (the timeline reads it). */
  timeColumn: string;
}

export const STEPS: Record<HandoffStep, StepRule> = {
  [HandoffStep.ACCEPT]: { action: 'handoffAccept', from: [HandoffStatus.REQUESTED], to: HandoffStatus.ACCEPTED, side: 'receiver', timeColumn: 'accepted_at' },
  [HandoffStep.COMPLETE]: { action: 'handoffComplete', from: [HandoffStatus.ACCEPTED], to: HandoffStatus.COMPLETED, side: 'receiver', timeColumn: 'completed_at' },
  [HandoffStep.REJECT]: { action: 'handoffReject', from: [HandoffStatus.REQUESTED], to: HandoffStatus.REJECTED, side: 'receiver', timeColumn: 'rejected_at' },
  [HandoffStep.CANCEL]: {
    action: 'handoffCancel',
    from: [HandoffStatus.REQUESTED, HandoffStatus.ACCEPTED],
    to: HandoffStatus.CANCELLED,
    side: 'sender',
    timeColumn: 'cancelled_at',
  },
};

/** Statuses in which a handoff is still open: at most one open handoff per customer and receiving team. */
export const OPEN_STATUSES: readonly HandoffStatus[] = [HandoffStatus.REQUESTED, HandoffStatus.ACCEPTED];

/** Managers and admins may act for any team. */
export function overseesAllTeams(viewer: Viewer): boolean {
  return viewer.role === StaffRole.MANAGER || viewer.role === StaffRole.ADMIN;
}

export interface HandoffParties {
  fromTeam: Team;
  toTeam: Team;
  fromStaffId: string | null;
}

/** Whether the viewer may take the step on a handoff between these parties. */
export function mayTakeStep(viewer: Viewer, step: HandoffStep, handoff: HandoffParties): boolean {
  if (overseesAllTeams(viewer)) return true;
  if (STEPS[step].side === 'receiver') return viewer.team === handoff.toTeam;
  return viewer.staffUserId === handoff.fromStaffId || viewer.team === handoff.fromTeam;
}

/** Who may take the step, in words, for the FORBIDDEN message. */
export function whoMayTakeStep(step: HandoffStep, handoff: HandoffParties): string {
  return STEPS[step].side === 'receiver'
    ? `only the ${handoff.toTeam} team (receiving), managers and admins may ${step} this handoff`
    : `only the requester, the ${handoff.fromTeam} team (sending), managers and admins may ${step} this handoff`;
}
