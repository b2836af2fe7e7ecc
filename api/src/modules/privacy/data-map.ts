/**
 * Where a customer's data lives and what erasure does to each column: the one place that knows
 * every table holding a customer (the customer row and every table with a `customer_id`). A test
 * (test/api/privacy.test.ts) compares this map with information_schema, so a column added later
 * without a decision here fails the suite instead of silently keeping personal data.
 *
 * Not listed, by decision: `saved_filter` (a staff member's named list filters) has no
 * `customer_id` and holds no customer row, only the filter values its owner typed; it belongs to
 * the staff member, is visible to them alone and is deleted with their account.
 */

/**
 * - `kept`: facts the metrics need or that identify nobody (ids, enums, times, scores, money, staff references).
 * - `text`: free text written about the person; becomes {@link REDACTED} (null stays null).
 * - `identifier`: a value that points at the person here or in another system; becomes null.
 * - `keptUnlessIdentifying`: kept, unless it contains one of the person's identifiers (then {@link REDACTED}).
 * - `special`: handled by name in the erasure service (the customer's label, tags, erasedAt, the audit values).
 */
export type Treatment = 'kept' | 'text' | 'identifier' | 'keptUnlessIdentifying' | 'special';

/** What replaces erased text, in rows and in the audit trail's before/after values. */
export const REDACTED = '[erased]';

export type CustomerTable = 'customer' | 'interaction' | 'purchase' | 'survey_response' | 'handoff' | 'audit_event';

const BASE = { id: 'kept', created_at: 'kept', updated_at: 'kept', version: 'kept' } as const;

export const DATA_MAP: Record<CustomerTable, Record<string, Treatment>> = {
  customer: {
    ...BASE,
    name: 'special', // → "Erased customer" + the first 8 characters of the id
    company: 'identifier',
    email: 'identifier',
    phone: 'identifier',
    persona: 'identifier',
    external_id: 'identifier',
    tags: 'special', // tags containing an identifier are dropped, the rest kept (segments of metrics filters)
    churn_reason: 'keptUnlessIdentifying', // counted by the churnReasons metric
    erased_at: 'special',
    kind: 'kept',
    segment: 'kept',
    lifecycle_stage: 'kept',
    acquisition_channel: 'kept',
    acquired_at: 'kept',
    churned_at: 'kept',
    owner_id: 'kept',
    locale: 'kept',
    archived_at: 'kept',
    historical_value: 'kept',
    value_currency: 'kept',
    last_interaction_at: 'kept',
    latest_nps_score: 'kept',
    latest_nps_at: 'kept',
    purchase_currencies: 'kept',
    last_purchased_at: 'kept',
  },
  interaction: {
    ...BASE,
    customer_id: 'kept',
    subject: 'text',
    summary: 'text',
    external_id: 'identifier',
    channel: 'kept',
    direction: 'kept',
    team: 'kept',
    journey_stage: 'kept',
    occurred_at: 'kept',
    staff_id: 'kept',
    responded_at: 'kept',
    resolved_at: 'kept',
  },
  purchase: {
    ...BASE,
    customer_id: 'kept',
    external_id: 'identifier',
    product: 'keptUnlessIdentifying',
    amount: 'kept',
    currency: 'kept',
    kind: 'kept',
    purchased_at: 'kept',
    refund_of_id: 'kept',
  },
  survey_response: {
    ...BASE,
    customer_id: 'kept',
    comment: 'text',
    external_id: 'identifier',
    kind: 'kept',
    score: 'kept',
    team: 'kept',
    channel: 'kept',
    journey_stage: 'kept',
    interaction_id: 'kept',
    responded_at: 'kept',
  },
  handoff: {
    ...BASE,
    customer_id: 'kept',
    summary: 'text',
    customer_goals: 'text',
    commitments: 'text',
    key_contacts: 'text',
    risks: 'text',
    rejection_reason: 'text',
    completion_note: 'text',
    cancellation_reason: 'text',
    from_team: 'kept',
    to_team: 'kept',
    from_staff_id: 'kept',
    to_staff_id: 'kept',
    status: 'kept',
    requested_at: 'kept',
    due_at: 'kept',
    accepted_at: 'kept',
    completed_at: 'kept',
    rejected_at: 'kept',
    cancelled_at: 'kept',
  },
  audit_event: {
    id: 'kept',
    occurred_at: 'kept',
    actor_id: 'kept',
    actor_label: 'kept', // the staff member's email, not the customer's
    api_key_id: 'kept', // the integrator's key that made the change
    action: 'kept',
    entity_type: 'kept',
    entity_id: 'kept',
    customer_id: 'kept',
    request_id: 'kept',
    before: 'special', // values of personal fields → REDACTED (see AUDIT_KEPT_KEYS)
    after: 'special',
  },
};

/** The child tables whose rows carry `customer_id`, in the order erasure rewrites them. */
export const CHILD_TABLES = ['interaction', 'purchase', 'survey_response', 'handoff'] as const satisfies readonly CustomerTable[];

/** Columns of type numeric (money): exported as text, never through a float. */
export const MONEY_COLUMNS: Record<CustomerTable, readonly string[]> = {
  customer: ['historical_value'],
  interaction: [],
  purchase: ['amount'],
  survey_response: [],
  handoff: [],
  audit_event: [],
};

/**
 * Audit before/after keys whose values identify nobody: enums, times, ids, scores, money. On an
 * erased customer's audit rows every other text, list or object value becomes REDACTED (numbers,
 * booleans and nulls identify nobody and stay), so a field added to an audit snapshot later is
 * redacted unless someone decides here that it is safe.
 */
export const AUDIT_KEPT_KEYS: readonly string[] = [
  // customer
  'kind', 'segment', 'lifecycleStage', 'acquisitionChannel', 'acquiredAt', 'churnedAt', 'ownerId', 'locale', 'archivedAt', 'erasedAt', 'version',
  // children
  'customerId', 'channel', 'direction', 'team', 'journeyStage', 'occurredAt', 'staffId', 'respondedAt', 'resolvedAt', 'answeredBy',
  'amount', 'currency', 'purchasedAt', 'refundOfId', 'score', 'interactionId',
  'fromTeam', 'toTeam', 'fromStaffId', 'toStaffId', 'status', 'requestedAt', 'dueAt', 'acceptedAt', 'completedAt', 'rejectedAt', 'cancelledAt',
  // privacy events' own counts
  'formatVersion', 'exportedRows', 'anonymisedRows',
];

/** Columns of a table erasure treats a given way. */
export function columnsTreated(table: CustomerTable, treatment: Treatment): string[] {
  return Object.entries(DATA_MAP[table])
    .filter(([, t]) => t === treatment)
    .map(([column]) => column);
}
