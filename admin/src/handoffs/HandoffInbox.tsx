import InboxIcon from '@mui/icons-material/MoveToInbox';
import { Box, Link as MuiLink, Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import {
  Datagrid,
  DateField,
  List,
  Loading,
  NullableBooleanInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router';
import { MASKED } from '../auth/permissions';
import { useStaffIdentity } from '../auth/useStaffIdentity';
import { enumChoices } from '../graphql/enums';
import type { HandoffInboxRow } from '../graphql/types';
import { SavedFiltersListActions } from '../savedFilters';
import { EnumField } from '../shared/EnumField';
import { MaskedChip, PersonalText } from '../shared/PersonalTextField';
import { ListPagination } from '../shared/pagination';
import { useIsPhone } from '../shared/useIsPhone';
import { DueCountdown } from './DueCountdown';
import { HandoffDetails, HandoffTeams, handoffStatusColors } from './HandoffDetails';
import { HandoffSimpleList } from './HandoffSheet';
import { HandoffStepButtons } from './HandoffStepButtons';

/** Which side of the team's handoffs: what it receives (its inbox) or what it sent (its outbox). */
const BOX_CHOICES = [
  { id: 'incoming', name: 'customer360.handoffs.incoming' },
  { id: 'outgoing', name: 'customer360.handoffs.outgoing' },
];

const inboxFilters = [
  <SelectInput key="box" source="box" choices={BOX_CHOICES} alwaysOn emptyText="customer360.handoffs.any_direction" />,
  <SelectInput key="team" source="team" choices={enumChoices('Team')} alwaysOn emptyText="customer360.handoffs.every_team" />,
  <SelectArrayInput key="statuses" source="statuses" choices={enumChoices('HandoffStatus')} alwaysOn sx={{ minWidth: 200 }} />,
  <NullableBooleanInput key="breached" source="breached" alwaysOn sx={{ minWidth: 220 }} />,
];

/** The customer, a link to their 360 page (the row itself expands to the handoff's context). */
const CustomerLink = (_props: { label?: string }) => {
  const handoff = useRecordContext<HandoffInboxRow>();
  const createPath = useCreatePath();
  if (!handoff?.customer) return null;
  return (
    <MuiLink
      component={Link}
      to={createPath({ resource: 'customers', id: handoff.customer.id, type: 'show' })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      data-testid="handoff-customer"
    >
      <PersonalText value={handoff.customer.name} />
    </MuiLink>
  );
};

/** The summary on at most three lines; the whole context is in the expanded row. */
const SummaryPreview = (_props: { label?: string }) => {
  const handoff = useRecordContext<HandoffInboxRow>();
  if (handoff?.summary === MASKED) return <MaskedChip />;
  return (
    <Typography
      variant="body2"
      sx={{ maxWidth: 260, display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
    >
      {handoff?.summary}
    </Typography>
  );
};

const InboxEmpty = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 3, textAlign: 'center' }} data-testid="handoff-inbox-empty">
      <InboxIcon color="disabled" sx={{ fontSize: 48 }} />
      <Typography variant="body1">{translate('customer360.handoffs.empty')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('customer360.handoffs.empty_hint')}
      </Typography>
    </Box>
  );
};

/**
 * The handoff inbox: by default the open handoffs coming to the signed-in user's team, the most
 * urgent first (dueAt ascending) with a live countdown. A row expands to the context the sending
 * team wrote; its buttons take the next step with the version the row was read at.
 */
export const HandoffInbox = () => {
  const { identity, isPending } = useStaffIdentity();
  const isPhone = useIsPhone();
  if (isPending) return <Loading />;
  const filterDefaultValues = { box: 'incoming', team: identity?.team ?? undefined, statuses: ['REQUESTED', 'ACCEPTED'] };
  return (
    <List
      title="customer360.handoffs.inbox"
      filters={inboxFilters}
      filterDefaultValues={filterDefaultValues}
      sort={{ field: 'dueAt', order: 'ASC' }}
      perPage={25}
      pagination={<ListPagination />}
      exporter={false}
      actions={<SavedFiltersListActions resource="HANDOFFS" filterButton={false} />}
      empty={<InboxEmpty />}
    >
      {isPhone ? (
        <HandoffSimpleList withCustomer empty={<InboxEmpty />} />
      ) : (
        <Datagrid rowClick="expand" expand={<HandoffDetails />} bulkActionButtons={false} empty={<InboxEmpty />}>
          <CustomerLink label="resources.handoffs.fields.customer" />
          <DueCountdown label="resources.handoffs.fields.dueAt" sortBy="dueAt" />
          <EnumField source="status" enumName="HandoffStatus" chip colors={handoffStatusColors} sortable={false} />
          <HandoffTeams label="customer360.handoffs.teams" />
          <TextField source="fromStaff.name" label="resources.handoffs.fields.fromStaff" sortable={false} emptyText="—" />
          <TextField source="toStaff.name" label="resources.handoffs.fields.toStaff" sortable={false} emptyText="—" />
          <DateField source="requestedAt" showTime sortByOrder="DESC" />
          <SummaryPreview label="resources.handoffs.fields.summary" />
          <HandoffStepButtons label="customer360.handoffs.actions" />
        </Datagrid>
      )}
    </List>
  );
};
