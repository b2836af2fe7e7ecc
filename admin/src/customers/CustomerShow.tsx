import { Box, Chip, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { ReferenceManyField, Show, TabbedShowLayout, TabbedShowLayoutTabs, useRecordContext, useTranslate } from 'react-admin';
import { CUSTOMER_360_META } from '../dataProvider/customer360';
import type { Customer } from '../graphql/types';
import { HandoffGrid } from '../handoffs/HandoffGrid';
import { HealthCard } from '../health/HealthCard';
import { InteractionGrid } from '../interactions/InteractionGrid';
import { LifetimeValueCard } from '../purchases/LifetimeValueCard';
import { PurchaseGrid } from '../purchases/PurchaseGrid';
import { RelatedPagination } from '../shared/pagination';
import { PersonalText } from '../shared/PersonalTextField';
import { useIsPhone } from '../shared/useIsPhone';
import { SlaStateCard } from '../sla/SlaStateCard';
import { SatisfactionCard } from '../surveys/SatisfactionCard';
import { SurveyResponseGrid } from '../surveys/SurveyResponseGrid';
import { CustomerTimeline } from '../timeline/CustomerTimeline';
import { CustomerActions } from './CustomerActions';
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
        <PersonalText value={customer.name} variant="h5" />
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

/** The 360 cards: what the customer is worth, how satisfied and healthy they are, and our service levels. */
const CustomerCards = () => (
  <Box
    sx={{
      display: 'grid',
      gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, 1fr)', xl: '1fr 1.4fr 1fr 0.8fr' },
      gap: 2,
      px: 2,
      pt: 2,
      alignItems: 'start',
    }}
  >
    <LifetimeValueCard />
    <SatisfactionCard />
    <HealthCard />
    <SlaStateCard />
  </Box>
);

/**
 * The customer 360 page: the actions (see CustomerActions), the cards (one request with the profile, see
 * dataProvider/customer360.ts), the profile, the unified timeline, then the four histories as tables
 * (on a phone everything in one column, the histories as simple lists).
 */
export const CustomerShow = () => {
  const isPhone = useIsPhone();
  return (
    // On a phone the page is as wide as the screen whatever its content: what cannot shrink scrolls within itself.
    <Show title={<CustomerTitle />} actions={false} queryOptions={{ meta: CUSTOMER_360_META }} sx={isPhone ? { contain: 'inline-size' } : undefined}>
      <CustomerHeading />
      <CustomerActions />
      <CustomerCards />
      <CustomerProfile />
      <CustomerTimeline />
      {/* On a phone the four tabs scroll sideways within their bar, never the page. */}
      <TabbedShowLayout tabs={isPhone ? <TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" /> : undefined}>
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
};
