import RefreshIcon from '@mui/icons-material/Refresh';
import { Button } from '@mui/material';
import { useContext } from 'react';
import { CloseNotificationContext, useRefresh, useTranslate } from 'react-admin';

/**
 * "Reload" beside a CONFLICT message: fetches the record again (a form opened on it resets to what
 * is stored now) and closes the notification it sits in, if any.
 */
export const ConflictReloadButton = ({ onReload }: { onReload?: () => void }) => {
  const refresh = useRefresh();
  // Inside a notification: close it; inside a dialog there is none.
  const closeNotification = useContext(CloseNotificationContext);
  const translate = useTranslate();
  return (
    <Button
      color="inherit"
      size="small"
      startIcon={<RefreshIcon />}
      onClick={() => {
        refresh();
        onReload?.();
        closeNotification?.();
      }}
    >
      {translate('customer360.conflict.reload')}
    </Button>
  );
};
