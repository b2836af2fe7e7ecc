import { registerEnumType } from 'type-graphql';

/** The console lists that have filters, one saved-filter collection each. */
export enum SavedFilterResource {
  CUSTOMERS = 'CUSTOMERS',
  INTERACTIONS = 'INTERACTIONS',
  PURCHASES = 'PURCHASES',
  SURVEY_RESPONSES = 'SURVEY_RESPONSES',
  HANDOFFS = 'HANDOFFS',
  AUDIT_LOG = 'AUDIT_LOG',
}

registerEnumType(SavedFilterResource, {
  name: 'SavedFilterResource',
  description: 'The list a saved filter belongs to.',
  valuesConfig: {
    CUSTOMERS: { description: 'The customer list.' },
    INTERACTIONS: { description: 'Interactions across customers.' },
    PURCHASES: { description: 'Purchases across customers.' },
    SURVEY_RESPONSES: { description: 'Survey answers across customers.' },
    HANDOFFS: { description: 'The handoff inbox.' },
    AUDIT_LOG: { description: 'The audit log.' },
  },
});
