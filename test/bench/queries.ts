/*
 * The same questions asked of the three systems — our API, the floor and PostGraphile — and the
 * one shape their answers are compared in. The 360 page: active customers (stage CUSTOMER) by
 * lifetime value, descending, 50 a page, each with lifetime value, satisfaction, health, SLA
 * state and the 10 latest timeline events.
 */

export const OURS_PAGE_360 = `query Page360($first: Int!, $offset: Int, $after: String, $asOf: DateTimeISO!) {
  customers(first: $first, offset: $offset, after: $after, filter: { lifecycleStages: [CUSTOMER] }, orderBy: { field: LIFETIME_VALUE, direction: DESC }) {
    pageInfo { endCursor }
    nodes { ...Customer360 }
  }
}
fragment Customer360 on Customer {
  id name
  lifetimeValue(asOf: $asOf) { currency historicalValue purchaseCount averagePurchaseValue }
  satisfaction { latestNpsCategory csat { score } nps { score } ces { average } }
  health(asOf: $asOf) { score churnRisk }
  slaState(asOf: $asOf) { openBreaches oldestBreachDueAt }
  timeline(first: 10) { nodes { id kind occurredAt } }
}`;

export const OURS_ONE_CUSTOMER = `query One($id: ID!, $asOf: DateTimeISO!) {
  customer(id: $id) { ...Customer360 }
}
${OURS_PAGE_360.slice(OURS_PAGE_360.indexOf('fragment'))}`;

export const OURS_SEARCH = `query Search($search: String!, $segments: [Segment!], $stages: [LifecycleStage!]) {
  customers(first: 20, filter: { search: $search, segments: $segments, lifecycleStages: $stages }) {
    totalCount
    nodes { id name email company }
  }
}`;

export const OURS_METRICS = `query Metrics($from: DateTimeISO!, $to: DateTimeISO!) {
  metrics(from: $from, to: $to, interval: MONTH, groupBy: TEAM) {
    series {
      group
      points { start satisfaction { csat { score } nps { score } } responseSla { breachRate } handoffs { requested } }
    }
  }
}`;

export const OURS_IMPORT = `mutation Import($input: PurchaseRecordBatchInput!) {
  purchaseRecordBatch(input: $input) { results { purchase { id } userErrors { code field message } } }
}`;

// PostGraphile names a column called id `rowId` (its `id` is the global node id): aliased back.
const PGL_FIELDS = `id: rowId name
  lifetimeValue(asOf: $asOf) { currency historicalValue purchaseCount averagePurchaseValue }
  satisfaction { latestNpsCategory csatScore npsScore cesAverage }
  health(asOf: $asOf) { score churnRisk }
  slaState(asOf: $asOf) { openBreaches oldestBreachDueAt }
  timeline(maxEvents: 10) { nodes { id: rowId kind occurredAt } }`;

export const PGL_PAGE_360 = `query Page360($first: Int!, $offset: Int, $after: Cursor, $asOf: Datetime!) {
  allCustomers(first: $first, offset: $offset, after: $after, condition: { lifecycleStage: "CUSTOMER" }, orderBy: [HISTORICAL_VALUE_DESC, ROW_ID_DESC]) {
    pageInfo { endCursor }
    nodes { ${PGL_FIELDS} }
  }
}`;

export const PGL_ONE_CUSTOMER = `query One($id: UUID!, $asOf: Datetime!) {
  customerByRowId(rowId: $id) { ${PGL_FIELDS} }
}`;

export const PGL_SEARCH = `query Search($search: String!, $segments: [String], $stages: [String]) {
  searchCustomers(term: $search, segments: $segments, stages: $stages, first: 20) {
    totalCount
    nodes { id: rowId name email company }
  }
}`;

/** One customer's 360 figures, as all three systems must answer them. */
export interface Customer360 {
  id: string;
  name: string;
  lifetimeValue: { currency: string | null; historicalValue: string; purchaseCount: number; averagePurchaseValue: string | null };
  satisfaction: { latestNpsCategory: string | null; csatScore: string | null; npsScore: string | null; cesAverage: string | null };
  health: { score: number; churnRisk: string };
  slaState: { openBreaches: number; oldestBreachDueAt: string | null };
  timeline: { id: string; kind: string; occurredAt: string }[];
}

/** Our API's answer in the common shape. */
export function fromOurs(node: any): Customer360 {
  return {
    id: node.id,
    name: node.name,
    lifetimeValue: { ...node.lifetimeValue },
    satisfaction: {
      latestNpsCategory: node.satisfaction.latestNpsCategory,
      csatScore: node.satisfaction.csat.score,
      npsScore: node.satisfaction.nps.score,
      cesAverage: node.satisfaction.ces.average,
    },
    health: { ...node.health },
    slaState: { ...node.slaState },
    timeline: node.timeline.nodes.map((e: any) => ({ id: e.id, kind: e.kind, occurredAt: e.occurredAt })),
  };
}

/** Fields in the common order; PostgreSQL answers a composite whose fields are all null as null. */
const fields = <K extends string>(keys: readonly K[], value: Record<string, unknown> | null) =>
  Object.fromEntries(keys.map((key) => [key, value?.[key] ?? null])) as Record<K, any>;

/** The floor's and PostGraphile's answers already carry the common names; lists and nesting differ. */
export function fromOthers(node: any): Customer360 {
  return {
    id: node.id,
    name: node.name,
    lifetimeValue: fields(['currency', 'historicalValue', 'purchaseCount', 'averagePurchaseValue'], node.lifetimeValue),
    satisfaction: fields(['latestNpsCategory', 'csatScore', 'npsScore', 'cesAverage'], node.satisfaction),
    health: fields(['score', 'churnRisk'], node.health),
    slaState: fields(['openBreaches', 'oldestBreachDueAt'], node.slaState),
    timeline: (node.timeline.nodes ?? node.timeline).map((e: any) => ({ id: e.id, kind: e.kind, occurredAt: e.occurredAt })),
  };
}
