import type {
  CreateParams,
  CreateResult,
  GetListParams,
  GetListResult,
  GetManyParams,
  GetManyReferenceParams,
  GetManyReferenceResult,
  GetManyResult,
  GetOneParams,
  GetOneResult,
  QueryFunctionContext,
  UpdateParams,
  UpdateResult,
} from 'react-admin';

/** The read methods one resource answers; a missing method means the API offers no way to do it. */
export interface ResourceReader {
  getList?(params: GetListParams & QueryFunctionContext): Promise<GetListResult>;
  getOne?(params: GetOneParams & QueryFunctionContext): Promise<GetOneResult>;
  getMany?(params: GetManyParams & QueryFunctionContext): Promise<GetManyResult>;
  getManyReference?(params: GetManyReferenceParams & QueryFunctionContext): Promise<GetManyReferenceResult>;
}

/** The writes one resource answers, each through its mutation; a missing method means the API offers no way to do it. */
export interface ResourceWriter {
  create?(params: CreateParams): Promise<CreateResult>;
  update?(params: UpdateParams): Promise<UpdateResult>;
}

/** The API's largest page (`first` is capped at 100). */
export const MAX_PAGE_SIZE = 100;

/** A filter value from react-admin (one value or several) as the list the API's filters take. */
export function asList<T>(value: T | T[] | null | undefined): T[] | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.length > 0 ? list : undefined;
}
