import { AsyncLocalStorage } from 'node:async_hooks';
import { DefaultLogger, type LogContext } from '@mikro-orm/core';

/**
 * Counts the SQL statements run on behalf of one unit of work (an HTTP request, a test step).
 * MikroORM reports every query to its logger inside the caller's async context, so the count
 * lands on whichever scope is active.
 */
export interface StatementScope {
  count: number;
  statements?: string[];
}

const scopes = new AsyncLocalStorage<StatementScope>();

export function withStatementScope<T>(scope: StatementScope, work: () => T): T {
  return scopes.run(scope, work);
}

export function currentStatementScope(): StatementScope | undefined {
  return scopes.getStore();
}

export class CountingLogger extends DefaultLogger {
  override logQuery(context: { query: string } & LogContext): void {
    const scope = scopes.getStore();
    if (scope) {
      scope.count += 1;
      scope.statements?.push(context.query);
    }
    super.logQuery(context);
  }
}
