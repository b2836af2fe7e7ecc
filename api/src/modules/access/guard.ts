import type { EntityManager } from '@mikro-orm/postgresql';
import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { viewerOf, type Context, type Viewer } from '../../graphql/context.js';
import { mutate, type ConstraintFields, type MutationResult } from '../../graphql/mutation.js';
import { requirePermission, type Action, type Resource } from './permissions.js';

/*
 * The two places permissions are enforced, so no resolver or service repeats the check:
 * reads through the `@Allowed` decorator on query and connection resolvers (a refused read is a
 * GraphQL error with code FORBIDDEN), writes through `mutateAllowed`, which checks inside the
 * mutation's transaction before any work (a refused write is a FORBIDDEN userError, nothing written).
 */

function guard(action: Action, resources: readonly Resource[]): MiddlewareFn<Context> {
  return ({ context }, next) => {
    const viewer = viewerOf(context);
    for (const resource of resources) requirePermission(viewer, action, resource);
    return next();
  };
}

/**
 * On a resolver method (or a whole resolver class): the viewer must hold `action` on every
 * resource named, or the field answers FORBIDDEN and its resolver never runs.
 */
export function Allowed(action: Action, ...resources: [Resource, ...Resource[]]): ReturnType<typeof UseMiddleware> {
  return UseMiddleware(guard(action, resources));
}

/** What one write needs: `write` on each resource (and `personalData` when it sets personal fields). */
export type WriteNeeds = Resource | readonly Resource[] | ((viewer: Viewer) => void);

function check(viewer: Viewer, needs: WriteNeeds): void {
  if (typeof needs === 'function') needs(viewer);
  else for (const resource of typeof needs === 'string' ? [needs] : needs) requirePermission(viewer, 'write', resource);
}

/**
 * `mutate` with the permission check first inside the transaction: a viewer without `write` on
 * the resources gets one FORBIDDEN userError naming the role and what it lacks, and nothing is
 * read or written.
 */
export function mutateAllowed<T>(
  context: Context,
  needs: WriteNeeds,
  work: (tx: EntityManager, viewer: Viewer) => Promise<T>,
  constraints?: ConstraintFields,
): Promise<MutationResult<T>> {
  return mutate(
    context,
    (tx, viewer) => {
      check(viewer, needs);
      return work(tx, viewer);
    },
    constraints,
  );
}

/**
 * Batch writes (the `…Batch` mutations and the CSV importer): `write` on the resource, or for an
 * API key the IMPORT scope on it. The CSV importer (`via: 'import'`) also needs `write` on `import`.
 */
export function batchWrite(resource: Resource, via: 'api' | 'import', alsoNeeds: readonly Resource[] = []): (viewer: Viewer) => void {
  return (viewer) => {
    if (via === 'import') requirePermission(viewer, 'write', 'import');
    const key = viewer.apiKey;
    for (const needed of [resource, ...alsoNeeds]) {
      const importKeyCovers = key !== null && key.scopes.includes('IMPORT') && (key.resources === null || key.resources.includes(needed));
      if (!importKeyCovers) requirePermission(viewer, 'write', needed);
    }
  };
}
