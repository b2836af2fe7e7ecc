import { StaffRole, Team } from '../../domain/enums.js';
import type { Random } from './random.js';
import { DAY, iso, type StaffRow } from './demo-types.js';
import { STAFF_NAMES } from './vocabulary/names.js';

/** People per team doing the customer work; each team also has one manager. */
const TEAM_SIZES: readonly (readonly [Team, StaffRole, number])[] = [
  [Team.MARKETING, StaffRole.MARKETING, 4],
  [Team.SALES, StaffRole.SALES, 8],
  [Team.SERVICE, StaffRole.SERVICE, 10],
  [Team.SUCCESS, StaffRole.SUCCESS, 6],
];

export const DEMO_STAFF_EMAIL_DOMAIN = 'customer360.local';

function emailFor(first: string, last: string): string {
  return `${first}.${last}@${DEMO_STAFF_EMAIL_DOMAIN}`.toLowerCase();
}

/**
 * The demo company's staff: agents and a manager in each team, one analyst outside the teams,
 * and one former service agent whose account is deactivated.
 */
export function generateStaff(rng: Random, startMs: number, passwordHash: string): StaffRow[] {
  const names = rng.sample(STAFF_NAMES, STAFF_NAMES.length);
  const rows: StaffRow[] = [];
  const add = (role: StaffRole, team: Team | null, joinedDaysBeforeStart: number, active = true) => {
    const [first, last] = names[rows.length]!;
    const joined = iso(startMs - Math.round(joinedDaysBeforeStart) * DAY);
    rows.push({
      id: rng.uuid(), created_at: joined, updated_at: joined,
      email: emailFor(first, last), name: `${first} ${last}`, role, team, active, password_hash: passwordHash,
    });
  };
  for (const [team, role, size] of TEAM_SIZES) {
    add(StaffRole.MANAGER, team, rng.int(200, 400));
    for (let i = 0; i < size; i++) add(role, team, rng.int(5, 200));
  }
  add(StaffRole.ANALYST, null, rng.int(30, 300));
  add(StaffRole.SERVICE, Team.SERVICE, rng.int(100, 300), false);
  return rows;
}

/** The active agents of each team: who gets assigned customers, interactions and handoffs. */
export function staffByTeam(staff: readonly StaffRow[]): Map<Team, StaffRow[]> {
  const byTeam = new Map<Team, StaffRow[]>(Object.values(Team).map((team) => [team, []]));
  for (const person of staff) {
    if (person.active && person.team && person.role !== StaffRole.MANAGER) byTeam.get(person.team)!.push(person);
  }
  return byTeam;
}

/** Someone from `team` to do the work: the customer's owner when the owner sits in that team. */
export function assignee(rng: Random, byTeam: Map<Team, StaffRow[]>, team: Team, ownerId: string | null): string {
  const pool = byTeam.get(team)!;
  if (ownerId !== null && rng.chance(0.7) && pool.some((person) => person.id === ownerId)) return ownerId;
  return rng.pick(pool).id;
}
