import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, List, ListItem, ListItemText } from '@mui/material';
import { useId, useState, type ReactNode } from 'react';
import { Form, SaveButton, useDataProvider, useGetMany, useListContext, useNotify, useRefresh, useTranslate, ResourceContextProvider } from 'react-admin';
import type { Customer360DataProvider } from '../dataProvider';
import { bulkProblems, userErrorsOf, type BulkChange, type BulkProblem } from '../dataProvider/customerBulk';
import type { Customer } from '../graphql/types';
import { localizeApiError } from '../i18n/apiErrors';
import { messageOf } from '../shared/writeErrors';

export interface BulkUpdateDialogProps {
  open: boolean;
  onClose: () => void;
  /** i18n key of the heading and the submit button. */
  title: string;
  description?: string;
  /** The form's values as the change to make to every selected customer. */
  toChange: (values: Record<string, unknown>) => BulkChange;
  children: ReactNode;
  testId: string;
}

const NO_RECORD = {};

/** Why the update was refused, customer by customer: "Ada Lovelace: cannot move from CHURNED to LEAD". */
const Problems = ({ problems, names, general }: { problems: BulkProblem[]; names: Map<string, string>; general: string | null }) => {
  const translate = useTranslate();
  if (problems.length === 0 && !general) return null;
  return (
    <Alert severity="error" role="alert" sx={{ mb: 2 }} data-testid="bulk-problems">
      {translate(problems.length > 0 ? 'customer360.bulk.refused' : 'customer360.bulk.failed')}
      {general && <div>{general}</div>}
      <List dense disablePadding>
        {problems.map((problem, index) => {
          const who = problem.customerId ? (names.get(problem.customerId) ?? problem.customerId) : null;
          const field = problem.field ? translate(`resources.customers.fields.${problem.field}`, { _: problem.field }) : null;
          const message = localizeApiError(problem.code, problem.message);
          return (
            <ListItem key={index} disableGutters>
              <ListItemText primary={[who, field].filter(Boolean).join(' · ') || translate('customer360.bulk.whole_request')} secondary={message} />
            </ListItem>
          );
        })}
      </List>
    </Alert>
  );
};

/**
 * One change to every selected customer, all or nothing (customerBulkUpdate). On success the list
 * refreshes and the selection clears; on refusal nothing was written and the dialog says which
 * customers stood in the way and why.
 */
export const BulkUpdateDialog = ({ open, onClose, title, description, toChange, children, testId }: BulkUpdateDialogProps) => {
  const { selectedIds, onUnselectItems } = useListContext<Customer>();
  const dataProvider = useDataProvider<Customer360DataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const titleId = useId();
  const ids = selectedIds.map(String);
  const { data: selected } = useGetMany<Customer>('customers', { ids }, { enabled: open });
  const names = new Map((selected ?? []).map((customer) => [String(customer.id), customer.name]));
  const [problems, setProblems] = useState<BulkProblem[]>([]);
  const [general, setGeneral] = useState<string | null>(null);

  const close = () => {
    setProblems([]);
    setGeneral(null);
    onClose();
  };

  const submit = async (values: Record<string, unknown>) => {
    setProblems([]);
    setGeneral(null);
    try {
      const updated = await dataProvider.customerBulkUpdate(ids, toChange(values));
      notify('customer360.bulk.updated', { type: 'success', messageArgs: { smart_count: updated.length } });
      onUnselectItems();
      refresh();
      close();
    } catch (error) {
      const userErrors = userErrorsOf(error);
      if (userErrors) setProblems(bulkProblems(ids, userErrors));
      else {
        const message = messageOf(error);
        setGeneral(translate(message, { _: message }));
      }
    }
  };

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby={titleId} data-testid={testId}>
      {open && (
        <ResourceContextProvider value="customers">
          <Form record={NO_RECORD} onSubmit={submit} disableInvalidFormNotification noValidate>
            <DialogTitle id={titleId}>{translate(title)}</DialogTitle>
            <DialogContent>
              <DialogContentText sx={{ mb: 2 }}>
                {translate('customer360.bulk.selected', { smart_count: ids.length })}
                {description ? ` ${translate(description)}` : ''}
              </DialogContentText>
              <Problems problems={problems} names={names} general={general} />
              {children}
            </DialogContent>
            <DialogActions>
              <Button onClick={close}>{translate('ra.action.cancel')}</Button>
              <SaveButton label={title} alwaysEnable variant="contained" />
            </DialogActions>
          </Form>
        </ResourceContextProvider>
      )}
    </Dialog>
  );
};
