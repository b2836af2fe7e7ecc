import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { enumLabelKey, type SlaStatus } from '../graphql/enums';

const colors = { ON_TRACK: 'info', DUE_SOON: 'warning', BREACHED: 'error', MET: 'success' } as const;

/** Where a response or handoff SLA stands, as a coloured chip. */
export const SlaStatusChip = ({ status }: { status: SlaStatus }) => {
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" color={colors[status]} label={translate(enumLabelKey('SlaStatus', status))} data-testid="sla-status" />;
};
