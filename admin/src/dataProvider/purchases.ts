import type { PurchaseKind } from '../graphql/enums';
import type { Purchase } from '../graphql/types';
import { activityListReader } from './activityLists';
import { purchases as customerPurchases } from './customerRelations';
import { choices, decimalBound, idOrUndefined, startOfDay, toOrder } from './listFilters';
import { instantOrUndefined, mutationDocument, runMutation, textOrNull, withoutEmpty } from './mutations';
import type { ResourceReader } from './types';

/**
 * Purchases and refunds across customers (Query.purchases), a customer's own
 * (customerRelations.ts), and refunding all or part of one (purchaseRefund). Amounts stay exact
 * decimal strings from the form to the API and back.
 */

export const PURCHASE_LIST_FIELDS = `id amount currency product kind purchasedAt externalId version createdAt updatedAt
  refundOf { id amount currency product kind purchasedAt } customer { id name company }`;

export interface PurchaseListFilter {
  customerId?: string;
  kinds?: PurchaseKind[];
  currency?: string;
  amountMin?: string;
  amountMax?: string;
  purchasedAfter?: string;
  purchasedBefore?: string;
}

function currencyCode(value: unknown): string | undefined {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return /^[A-Z]{3}$/.test(code) ? code : undefined;
}

/** The list's filter form → the API's PurchaseListFilter. */
export function toPurchaseListFilter(filter: Record<string, unknown> = {}): PurchaseListFilter {
  return {
    customerId: idOrUndefined(filter.customerId),
    kinds: choices<PurchaseKind>(filter.kind),
    currency: currencyCode(filter.currency),
    amountMin: decimalBound(filter.amountMin),
    amountMax: decimalBound(filter.amountMax),
    purchasedAfter: startOfDay(filter.purchasedAfter),
    purchasedBefore: startOfDay(filter.purchasedBefore),
  };
}

export const toPurchaseOrder = (sort: Parameters<typeof toOrder>[0]) => toOrder(sort, { purchasedAt: 'PURCHASED_AT', amount: 'AMOUNT' });

export const purchases: ResourceReader = {
  ...customerPurchases,
  ...activityListReader({
    field: 'purchases',
    singleField: 'purchase',
    filterType: 'PurchaseListFilter',
    orderType: 'PurchaseOrder',
    fields: PURCHASE_LIST_FIELDS,
    toFilter: toPurchaseListFilter,
    toOrder: toPurchaseOrder,
  }),
};

export type PurchaseListRow = Purchase & {
  refundOf: Pick<Purchase, 'id' | 'amount' | 'currency' | 'product' | 'kind' | 'purchasedAt'> | null;
  customer: { id: string; name: string; company: string | null };
};

const REFUND = mutationDocument('purchaseRefund', 'PurchaseRefundInput', `purchase { ${PURCHASE_LIST_FIELDS} }`);

/** The refund form's values as a PurchaseRefundInput: no amount refunds all that is left; blanks left out. */
export function toPurchaseRefundInput(purchaseId: string, data: Record<string, unknown>): Record<string, unknown> {
  const amount = typeof data.amount === 'string' ? data.amount.trim() : textOrNull(data.amount);
  return withoutEmpty({
    purchaseId,
    amount: amount || null,
    reason: textOrNull(data.reason),
    refundedAt: instantOrUndefined(data.refundedAt),
  });
}

export async function purchaseRefund(purchaseId: string, data: Record<string, unknown>): Promise<PurchaseListRow> {
  return runMutation<PurchaseListRow>(REFUND, 'purchaseRefund', 'purchase', toPurchaseRefundInput(purchaseId, data));
}
