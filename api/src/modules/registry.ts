import { AcquisitionSpend } from './acquisition/acquisition-spend.entity.js';
import { AcquisitionSpendResolver } from './acquisition/acquisition-spend.resolver.js';
import { AuthResolver } from './auth/auth.resolver.js';
import { LoginAttempt } from './auth/login-attempt.entity.js';
import { RefreshToken, StaffSession } from './auth/staff-session.entity.js';
import { ApiKey } from './api-keys/api-key.entity.js';
import { ApiKeyResolver } from './api-keys/api-key.resolver.js';
import { Customer } from './customers/customer.entity.js';
import { CustomerResolver } from './customers/customer.resolver.js';
import { Handoff } from './handoffs/handoff.entity.js';
import { CustomerHandoffsResolver, HandoffResolver } from './handoffs/handoff.resolver.js';
import { HandoffMutationsResolver } from './handoffs/handoff-mutations.resolver.js';
import { Interaction } from './interactions/interaction.entity.js';
import { CustomerInteractionsResolver, InteractionResolver } from './interactions/interaction.resolver.js';
import { InteractionMutationsResolver } from './interactions/interaction-mutations.resolver.js';
import { InteractionListResolver } from './interactions/interaction-list.resolver.js';
import { PurchaseListResolver } from './purchases/purchase-list.resolver.js';
import { SurveyResponseListResolver } from './surveys/survey-response-list.resolver.js';
import { Purchase } from './purchases/purchase.entity.js';
import { CustomerPurchasesResolver, PurchaseResolver } from './purchases/purchase.resolver.js';
import { PurchaseMutationsResolver } from './purchases/purchase-mutations.resolver.js';
import { StaffUser } from './staff/staff-user.entity.js';
import { StaffResolver } from './staff/staff.resolver.js';
import { TeamSla } from './sla/team-sla.entity.js';
import { AuditEvent } from './audit/audit-event.entity.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { MetricsResolver } from './metrics/metrics.resolver.js';
import { CustomerMutationsResolver } from './customers/customer-mutations.resolver.js';
import { CustomerBatchResolver } from './customers/customer-batch.resolver.js';
import { CustomerBulkResolver } from './customers/customer-bulk.resolver.js';
import { CustomerHealthResolver } from './health/health.resolver.js';
import { CustomerSlaResolver, HandoffSlaResolver, InteractionSlaResolver, TeamSlaResolver } from './sla/sla.resolver.js';
import { TeamSlaMutationsResolver } from './sla/team-sla-mutations.resolver.js';
import { SurveyResponse } from './surveys/survey-response.entity.js';
import { CustomerTimelineResolver } from './timeline/timeline.resolver.js';
import { CustomerSurveyResponsesResolver, SatisfactionResolver, SurveyResponseResolver } from './surveys/survey-response.resolver.js';
import { SurveyResponseMutationsResolver } from './surveys/survey-response-mutations.resolver.js';
import { PrivacyResolver } from './privacy/privacy.resolver.js';
import { SavedFilter } from './saved-filters/saved-filter.entity.js';
import { SavedFilterResolver } from './saved-filters/saved-filter.resolver.js';

/** The one list of every domain module's entities: the ORM maps these. */
export const entities = [Customer, Interaction, Purchase, SurveyResponse, Handoff, StaffUser, AcquisitionSpend, TeamSla, AuditEvent, StaffSession, RefreshToken, LoginAttempt, ApiKey, SavedFilter];

/** The one list of every domain module's resolvers: the schema is built from these. */
export const resolvers = [
  AuthResolver,
  StaffResolver,
  ApiKeyResolver,
  CustomerResolver,
  CustomerMutationsResolver,
  CustomerBatchResolver,
  CustomerBulkResolver,
  AuditResolver,
  MetricsResolver,
  CustomerInteractionsResolver,
  InteractionResolver,
  InteractionMutationsResolver,
  InteractionListResolver,
  PurchaseListResolver,
  SurveyResponseListResolver,
  CustomerPurchasesResolver,
  PurchaseResolver,
  PurchaseMutationsResolver,
  CustomerSurveyResponsesResolver,
  SurveyResponseResolver,
  SurveyResponseMutationsResolver,
  SatisfactionResolver,
  CustomerHandoffsResolver,
  HandoffResolver,
  HandoffMutationsResolver,
  TeamSlaResolver,
  TeamSlaMutationsResolver,
  CustomerSlaResolver,
  InteractionSlaResolver,
  HandoffSlaResolver,
  CustomerHealthResolver,
  CustomerTimelineResolver,
  AcquisitionSpendResolver,
  PrivacyResolver,
  SavedFilterResolver,
] as const;
