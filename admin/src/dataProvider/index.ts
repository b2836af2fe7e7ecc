import type { DataProvider } from 'react-admin';
import { handoffs, interactions, purchases, surveyResponses } from './customerRelations';
import { customers } from './customers';
import { staffUsers } from './staffUsers';
import { timelineEvents } from './timeline';
import type { ResourceReader } from './types';

/** Every resource the console reads, and where its reads go in the GraphQL API. */
const readers: Record<string, ResourceReader> = {
  customers,
  staffUsers,
  interactions,
  purchases,
  surveyResponses,
  handoffs,
  timelineEvents,
};

function readerMethod<M extends keyof ResourceReader>(resource: string, method: M): NonNullable<ResourceReader[M]> {
  const reader = readers[resource];
  if (!reader) throw new Error(`The console knows no resource "${resource}"`);
  const fn = reader[method];
  if (!fn) throw new Error(`The API offers no ${method} for ${resource}`);
  return fn.bind(reader) as NonNullable<ResourceReader[M]>;
}

/** This version of the console only reads; changes arrive with the API's mutations in a later version. */
const writesUnavailable = async (): Promise<never> => {
  throw new Error('customer360.errors.writes_unavailable');
};

export const dataProvider: DataProvider = {
  supportAbortSignal: true,
  getList: async (resource, params) => readerMethod(resource, 'getList')(params),
  getOne: async (resource, params) => readerMethod(resource, 'getOne')(params),
  getMany: async (resource, params) => readerMethod(resource, 'getMany')(params),
  getManyReference: async (resource, params) => readerMethod(resource, 'getManyReference')(params),
  create: writesUnavailable,
  update: writesUnavailable,
  updateMany: writesUnavailable,
  delete: writesUnavailable,
  deleteMany: writesUnavailable,
};
