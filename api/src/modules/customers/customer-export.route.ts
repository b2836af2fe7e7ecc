import type { RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Context } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { EXPORT_COST, exportArguments, exportCustomersCsv } from './customer-export.js';

/**
 * GET /export/customers.csv?filter=<CustomerFilter JSON>&orderBy=<CustomerOrder JSON>, with the
 * same bearer token as /graphql: every customer the filter selects, streamed as CSV (not one
 * page). Problems found before the first byte answer JSON errors like GraphQL's (401, 403, 400
 * naming the field); a failure midway ends the stream without its final line break, and the
 * trailer-less response is cut short so a client can tell the file is incomplete.
 */
export function customerExportHandler(
  schema: GraphQLSchema,
  contextFor: (request: Parameters<RequestHandler>[0]) => Promise<Context>,
  log: (message: string) => void,
  /** Spends the export's cost from the caller's budget: null when allowed, else seconds to wait. */
  admit: (context: Context) => number | null,
): RequestHandler {
  return async (request, response) => {
    const fail = (status: number, error: DomainError) =>
      response.status(status).json({ errors: [{ message: error.message, extensions: { code: error.code, field: error.field } }] });
    let context: Context;
    let args: ReturnType<typeof exportArguments>;
    try {
      context = await contextFor(request);
      if (!context.viewer) {
        return fail(401, new DomainError(ErrorCode.UNAUTHENTICATED, 'send a valid bearer token (the same as for /graphql)'));
      }
      args = exportArguments(schema, { filter: request.query.filter, orderBy: request.query.orderBy });
      const retryAfterSeconds = admit(context);
      if (retryAfterSeconds !== null) {
        response.setHeader('Retry-After', String(retryAfterSeconds));
        return response.status(429).json({
          errors: [{ message: `Rate limit exceeded: an export costs ${EXPORT_COST} points. Retry in ${retryAfterSeconds} s.`, extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds } }],
        });
      }
    } catch (error) {
      if (error instanceof DomainError) return fail(400, error);
      throw error;
    }
    let started = false;
    try {
      await exportCustomersCsv(context, args, async (chunk) => {
        if (!started) {
          started = true;
          const stamp = context.now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
          response.status(200);
          response.setHeader('Content-Type', 'text/csv; charset=utf-8');
          response.setHeader('Content-Disposition', `attachment; filename="customers-${stamp}.csv"`);
          response.setHeader('Cache-Control', 'no-store');
        }
        if (!response.write(chunk)) await new Promise<void>((resolve) => response.once('drain', resolve));
      });
      response.end();
    } catch (error) {
      if (!started && error instanceof DomainError) return fail(error.code === ErrorCode.FORBIDDEN ? 403 : 400, error);
      log(`customer export failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!started) return response.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      response.destroy();
    }
  };
}
