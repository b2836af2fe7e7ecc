import { Chip, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { ReferenceManyField, Show, TabbedShowLayout, useRecordContext, useTranslate } from 'react-admin';
import type { Customer } from '../graphql/types';
import { HandoffGrid } from '../handoffs/HandoffGrid';
import { InteractionGrid } from '../interactions/InteractionGrid';
import { PurchaseGrid } from '../purchases/PurchaseGrid';
import { RelatedPagination } from '../shared/pagination';
import { SurveyResponseGrid } from '../surveys/SurveyResponseGrid';
import { CustomerProfile } from './CustomerProfile';
import { LifecycleStageField } from './LifecycleStageField';

/** The page heading: the customer's name, with their stage and whether they are archived. */
const CustomerHeading = () => {
  const customer = useRecordContext<Customer>();
  const translate = useTranslate();
  if (!customer) return null;
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', px: 2, pt: 2 }}>
      <Typography variant="h5" component="h1">
        {customer.name}
      </Typography>
      <LifecycleStageField />
      {customer.archivedAt && <Chip size="small" variant="outlined" label={translate('customer360.customers.archived')} />}
    </Stack>
  );
};

/** The app bar says "Customer"; the name is the page's one heading (CustomerHeading). */
const CustomerTitle = () => {
  const translate = useTranslate();
  return <span>{translate('resources.customers.name', { smart_count: 1 })}</span>;
};

interface RelatedListProps {
  reference: 'interactions' | 'purchases' | 'surveyResponses' | 'handoffs';
  grid: ReactNode;
  /** false: TabbedShowLayout shows no field label above the list (the tab names it). */
  label: false;
}

/** One of the customer's histories (newest first), paged, with its own empty state. */
const RelatedList = ({ reference, grid }: RelatedListProps) => (
  <ReferenceManyField
    reference={reference}
    target="customerId"
    perPage={10}
    pagination={<RelatedPagination />}
    empty={`customer360.customers.empty.${reference}`}
  >
    {grid}
  </ReferenceManyField>
);

/** A customer's profile, then their interactions, purchases, survey responses and handoffs. Read-only. */
export const CustomerShow = () => (
  <Show title={<CustomerTitle />} actions={false}>
    <CustomerHeading />
    <CustomerProfile />
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="customer360.customers.tabs.interactions">
        <RelatedList label={false} reference="interactions" grid={<InteractionGrid />} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="customer360.customers.tabs.purchases" path="purchases">
        <RelatedList label={false} reference="purchases" grid={<PurchaseGrid />} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="customer360.customers.tabs.surveyResponses" path="survey-responses">
        <RelatedList label={false} reference="surveyResponses" grid={<SurveyResponseGrid />} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="customer360.customers.tabs.handoffs" path="handoffs">
        <RelatedList label={false} reference="handoffs" grid={<HandoffGrid />} />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
