import type { EntityManager } from '@mikro-orm/postgresql';
import { viewerOf, type Context, type Viewer } from './context.js';
import { DomainError, ErrorCode, toUserError, type UserError } from './errors.js';
import { InputErrors } from './validation.js';

/** Unique constraints whose violation is the caller's doing, with the input field it concerns. */
export type ConstraintFields = Record<string, { field: string[]; message: string }>;

interface PgError {
  code?: string;
  constraint?: string;
}

export interface MutationResult<T> {
  value: T | null;
  userErrors: UserError[];
}

/**
 * Runs a mutation's work in one transaction on behalf of the signed-in viewer. Broken input rules
 * (InputErrors, DomainError) and known unique-constraint races come back as userErrors and roll
 * everything back, so a rejected write leaves the database exactly as it was. Anything else is a
 * server fault and propagates (answered as INTERNAL_SERVER_ERROR without details).
 */
export async function mutate<T>(
  context: Context,
  work: (tx: EntityManager, viewer: Viewer) => Promise<T>,
  constraints: ConstraintFields = {},
): Promise<MutationResult<T>> {
  const viewer = viewerOf(context);
  try {
    const value = await context.em.transactional((tx) => work(tx as EntityManager, viewer));
    return { value, userErrors: [] };
  } catch (error) {
    if (error instanceof InputErrors) return { value: null, userErrors: error.errors.map(toUserError) };
    if (error instanceof DomainError) return { value: null, userErrors: [toUserError(error)] };
    const pg = error as PgError;
    const known = pg.constraint ? constraints[pg.constraint] : undefined;
    if (pg.code === '23505' && known) {
      return { value: null, userErrors: [toUserError(new DomainError(ErrorCode.CONFLICT, known.message, known.field))] };
    }
    throw error;
  }
}
