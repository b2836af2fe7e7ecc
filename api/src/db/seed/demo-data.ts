import { Random, type Seed } from './random.js';
import { generateCustomer } from './demo-customers.js';
import { generateHandoffs } from './demo-handoffs.js';
import { generateInteractions } from './demo-interactions.js';
import { generatePurchases } from './demo-purchases.js';
import { generateAcquisitionSpend } from './demo-spend.js';
import { generateStaff, staffByTeam } from './demo-staff.js';
import { generateSurveyResponses } from './demo-surveys.js';
import { DAY, type CustomerPlan, type DemoContext, type DemoData } from './demo-types.js';

export type * from './demo-types.js';
export { DEMO_STAFF_EMAIL_DOMAIN } from './demo-staff.js';

/** Told to people trying the demo: there is one password for every demo account. */
export const DEMO_STAFF_PASSWORD_NOTE =
  'All demo staff (firstname.lastname@customer360.local) sign in with the same password as the administrator (ADMIN_PASSWORD).';

/** Stored for demo staff when no hash is given: not a scrypt hash, so no password matches it. */
export const UNUSABLE_PASSWORD_HASH = 'unusable';

export interface DemoDataOptions {
  customers: number;
  seed: Seed;
  /** The demo's present: all history lies in the two years before it, nothing after it. */
  now: Date;
  /** The one hash every demo staff row carries (see DEMO_STAFF_PASSWORD_NOTE). */
  staffPasswordHash?: string;
}

/**
 * A believable company's CRM data as plain rows, from the seed and `now` alone: the same options
 * give byte-identical output. Each customer draws from its own stream, so customer 17 is the
 * same customer whether 100 or 100,000 are generated.
 */
export function generateDemoData(options: DemoDataOptions): DemoData {
  const { customers } = options;
  if (!Number.isInteger(customers) || customers < 0) throw new RangeError(`customers must be a whole number ≥ 0, got ${customers}`);
  const nowMs = Math.floor(options.now.getTime() / 1000) * 1000;
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid date');
  const root = new Random(options.seed);
  const startMs = nowMs - 730 * DAY;
  const staff = generateStaff(root.fork('staff'), startMs, options.staffPasswordHash ?? UNUSABLE_PASSWORD_HASH);
  const ctx: DemoContext = {
    nowMs, startMs, staffByTeam: staffByTeam(staff), emails: new Set(), counters: { order: 0, interaction: 0, survey: 0 },
  };

  const data: DemoData = { staff, customers: [], interactions: [], purchases: [], surveyResponses: [], handoffs: [], acquisitionSpend: [] };
  const plans: CustomerPlan[] = [];
  for (let index = 0; index < customers; index++) {
    const rng = root.fork(`customer:${index}`);
    const { row, plan } = generateCustomer(rng, index, ctx);
    const interactions = generateInteractions(rng, plan, ctx);
    data.customers.push(row);
    plans.push(plan);
    for (const draft of interactions) data.interactions.push(draft.row);
    for (const purchase of generatePurchases(rng, plan, ctx)) data.purchases.push(purchase);
    for (const response of generateSurveyResponses(rng, plan, ctx, interactions)) data.surveyResponses.push(response);
    for (const handoff of generateHandoffs(rng, plan, ctx)) data.handoffs.push(handoff);
  }
  data.acquisitionSpend = generateAcquisitionSpend(root.fork('spend'), plans, nowMs);
  return data;
}
