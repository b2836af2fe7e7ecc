import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Connection } from '../../graphql/connection.js';
import { viewerOf, type Context } from '../../graphql/context.js';
import { listAuditEvents } from './audit.query.js';
import { AuditEventConnection, AuditEventsArgs, AuditEventType } from './audit.type.js';
import { Allowed } from '../access/guard.js';

@Resolver(() => AuditEventType)
@Allowed('read', 'auditLog')
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'Every change made through the API, newest first.' })
  auditEvents(@Args(() => AuditEventsArgs) args: AuditEventsArgs, @Ctx() context: Context): Promise<Connection<AuditEventType>> {
    return listAuditEvents(context.em, args, viewerOf(context));
  }
}
