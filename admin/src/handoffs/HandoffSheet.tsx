import PersonIcon from '@mui/icons-material/Person';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { RecordContextProvider, SimpleList, useCreatePath, useListContext, useTranslate, type Identifier } from 'react-admin';
import { Link } from 'react-router';
import type { HandoffInboxRow } from '../graphql/types';
import { EnumField } from '../shared/EnumField';
import { PersonalText, PersonalTextField } from '../shared/PersonalTextField';
import { THUMB_HEIGHT, useIsPhone } from '../shared/useIsPhone';
import { DueCountdown } from './DueCountdown';
import { HandoffDetails, HandoffTeams, handoffStatusColors } from './HandoffDetails';
import { HandoffStepButtons } from './HandoffStepButtons';

interface HandoffSheetProps {
  handoff: HandoffInboxRow;
  /** Offer a way to the customer's 360 page (the inbox; on the 360 page itself there is no need). */
  withCustomer: boolean;
  onClose: () => void;
}

/**
 * One handoff opened from a phone's list: its teams, state and countdown, the context the sending
 * team wrote, and its next steps as full-width buttons a thumb reaches (full screen on a phone).
 */
const HandoffSheet = ({ handoff, withCustomer, onClose }: HandoffSheetProps) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const isPhone = useIsPhone();
  const thumb = { minHeight: THUMB_HEIGHT };
  return (
    <RecordContextProvider value={handoff}>
      <Dialog open onClose={onClose} fullScreen={isPhone} fullWidth maxWidth="sm" aria-labelledby="handoff-sheet-title" data-testid="handoff-sheet">
        <DialogTitle id="handoff-sheet-title">
          {handoff.customer ? <PersonalText value={handoff.customer.name} variant="h5" /> : translate('resources.handoffs.name', { smart_count: 1 })}
        </DialogTitle>
        <DialogContent dividers>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mb: 1 }}>
            <HandoffTeams />
            <EnumField source="status" enumName="HandoffStatus" chip colors={handoffStatusColors} />
            <DueCountdown />
          </Stack>
          <HandoffDetails />
        </DialogContent>
        <DialogActions sx={{ flexDirection: 'column', alignItems: 'stretch', gap: 1, p: 2, '& > :not(style) ~ :not(style)': { ml: 0 } }}>
          <HandoffStepButtons fullWidth />
          {withCustomer && handoff.customer && (
            <Button
              component={Link}
              to={createPath({ resource: 'customers', id: handoff.customer.id, type: 'show' })}
              variant="outlined"
              startIcon={<PersonIcon />}
              fullWidth
              sx={thumb}
              data-testid="handoff-open-customer"
            >
              {translate('customer360.handoffs.open_customer')}
            </Button>
          )}
          <Button onClick={onClose} fullWidth sx={thumb}>
            {translate('ra.action.close')}
          </Button>
        </DialogActions>
      </Dialog>
    </RecordContextProvider>
  );
};

/**
 * Handoffs on a phone: one item each with the customer, "from → to", the state and the live SLA
 * countdown; a tap opens the handoff's sheet (the list's own record, so a step taken there shows at once).
 */
export const HandoffSimpleList = ({ withCustomer = false, empty }: { withCustomer?: boolean; empty?: ReactNode }) => {
  const { data } = useListContext<HandoffInboxRow>();
  const [openId, setOpenId] = useState<Identifier | null>(null);
  const opened = openId === null ? undefined : data?.find((handoff) => handoff.id === openId);
  return (
    <>
      <SimpleList
        rowClick={(id) => {
          setOpenId(id);
          return false;
        }}
        primaryText={withCustomer ? <PersonalTextField source="customer.name" /> : <HandoffTeams />}
        secondaryText={
          <Stack component="span" direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5, mt: 0.5 }}>
            {withCustomer && <HandoffTeams />}
            <EnumField source="status" enumName="HandoffStatus" chip colors={handoffStatusColors} />
          </Stack>
        }
        tertiaryText={
          <Stack component="span" sx={{ float: 'right', ml: 1 }}>
            <DueCountdown />
          </Stack>
        }
        empty={empty}
        data-testid="handoff-simple-list"
      />
      {opened && <HandoffSheet handoff={opened} withCustomer={withCustomer} onClose={() => setOpenId(null)} />}
    </>
  );
};
