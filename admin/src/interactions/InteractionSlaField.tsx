import { useRecordContext } from 'react-admin';
import type { Interaction } from '../graphql/types';
import { SlaStatusChip } from '../sla/SlaStatusChip';

/** The response SLA of an inbound interaction now; nothing for outbound ones. */
export const InteractionSlaField = (_props: { label?: string; sortable?: boolean }) => {
  const interaction = useRecordContext<Interaction>();
  return interaction?.slaStatus ? <SlaStatusChip status={interaction.slaStatus} /> : null;
};
