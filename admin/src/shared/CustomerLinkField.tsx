import { Link as MuiLink } from '@mui/material';
import type { MouseEvent } from 'react';
import { useCreatePath, useRecordContext } from 'react-admin';
import { Link } from 'react-router';
import { PersonalText } from './PersonalTextField';

/** A row's customer (`record.customer`) as a link to their 360 page (the masked chip when masked); the click does not reach the row. */
export const CustomerLinkField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ customer?: { id: string; name: string } | null }>();
  const createPath = useCreatePath();
  if (!record?.customer) return null;
  return (
    <MuiLink
      component={Link}
      to={createPath({ resource: 'customers', id: record.customer.id, type: 'show' })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      data-testid="customer-link"
      sx={{ whiteSpace: 'nowrap' }}
    >
      <PersonalText value={record.customer.name} />
    </MuiLink>
  );
};
