import type { DataProvider } from 'react-admin';
import { logInteraction, recordPurchase, recordSurveyResponse } from './activityWrites';
import { acquisitionSpend, createAcquisitionSpend, updateAcquisitionSpend } from './acquisitionSpend';
import { apiKeys, createApiKey, revokeApiKey } from './apiKeys';
import { auditEvents } from './auditEvents';
import { customerBulkUpdate, customerTags } from './customerBulk';
import { customerAction, createCustomer, updateCustomer } from './customerWrites';
import { customers } from './customers';
import { handoffs, handoffStep, requestHandoff } from './handoffs';
import { interactionMark, interactions } from './interactions';
import { purchaseRefund, purchases } from './purchases';
import { createStaff, staff, staffStep, updateStaff } from './staff';
import { staffUsers } from './staffUsers';
import { surveyResponses } from './surveyResponses';
import { timelineEvents } from './timeline';
import type { ResourceReader, ResourceWriter } from './types';

/** Every resource the console reads, and where its reads go in the GraphQL API. */
const readers: Record<string, ResourceReader> = {
  customers,
  staffUsers,
  interactions,
  purchases,
  surveyResponses,
  handoffs,
  timelineEvents,
  acquisitionSpend,
  auditEvents,
  staff,
  apiKeys,
};

function readerMethod<M extends keyof ResourceReader>(resource: string, method: M): NonNullable<ResourceReader[M]> {
  const reader = readers[resource];
  if (!reader) throw new Error(`The console knows no resource "${resource}"`);
  const fn = reader[method];
  if (!fn) throw new Error(`The API offers no ${method} for ${resource}`);
  return fn.bind(reader) as NonNullable<ResourceReader[M]>;
}

/** Every resource the console writes, and the mutation each write goes to. */
const writers: Record<string, ResourceWriter> = {
  customers: { create: createCustomer, update: updateCustomer },
  interactions: { create: logInteraction },
  purchases: { create: recordPurchase },
  surveyResponses: { create: recordSurveyResponse },
  handoffs: { create: requestHandoff },
  acquisitionSpend: { create: createAcquisitionSpend, update: updateAcquisitionSpend },
  staff: { create: createStaff, update: updateStaff },
};

/** Writes the API has no mutation for (nothing is ever deleted: customers are archived). */
const writesUnavailable = async (): Promise<never> => {
  throw new Error('customer360.errors.writes_unavailable');
};

function writerMethod<M extends keyof ResourceWriter>(resource: string, method: M): NonNullable<ResourceWriter[M]> {
  return (writers[resource]?.[method] ?? writesUnavailable) as NonNullable<ResourceWriter[M]>;
}

/**
 * The console's data provider, with the writes that are not create or update: a customer's
 * lifecycle steps and a handoff's workflow steps (call them through useDataProvider, so a 401
 * signs out as for any other request).
 */
export interface Customer360DataProvider extends DataProvider {
  customerAction: typeof customerAction;
  handoffStep: typeof handoffStep;
  interactionMark: typeof interactionMark;
  purchaseRefund: typeof purchaseRefund;
  customerBulkUpdate: typeof customerBulkUpdate;
  customerTags: typeof customerTags;
  staffStep: typeof staffStep;
  createApiKey: typeof createApiKey;
  revokeApiKey: typeof revokeApiKey;
}

export const dataProvider: Customer360DataProvider = {
  supportAbortSignal: true,
  getList: async (resource, params) => readerMethod(resource, 'getList')(params),
  getOne: async (resource, params) => readerMethod(resource, 'getOne')(params),
  getMany: async (resource, params) => readerMethod(resource, 'getMany')(params),
  getManyReference: async (resource, params) => readerMethod(resource, 'getManyReference')(params),
  create: async (resource, params) => writerMethod(resource, 'create')(params),
  update: async (resource, params) => writerMethod(resource, 'update')(params),
  updateMany: writesUnavailable,
  delete: writesUnavailable,
  deleteMany: writesUnavailable,
  customerAction,
  handoffStep,
  interactionMark,
  purchaseRefund,
  customerBulkUpdate,
  customerTags,
  staffStep,
  createApiKey,
  revokeApiKey,
};
