import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useEffect, useId, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { Form, ResourceContextProvider, SaveButton, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useFormContext, useFormState } from 'react-hook-form';
import { isConflictError } from '../dataProvider/mutations';
import { ConflictReloadButton } from './ConflictReloadButton';
import { formErrorsOf, messageOf } from './writeErrors';

/** A dialog's form starts from its defaultValues only, never from the page's record around it. */
const NO_RECORD = {};

export interface FormDialogProps {
  open: boolean;
  onClose: () => void;
  /** i18n key of the heading (also the submit button's label unless submitLabel says otherwise). */
  title: string;
  /** i18n key of a line under the heading. */
  description?: string;
  submitLabel?: string;
  submitIcon?: ReactElement;
  /** Resource whose field labels the inputs use (`resources.<resource>.fields.<source>`). */
  resource: string;
  defaultValues?: Record<string, unknown>;
  /** Writes the values; rejects with the API's errors (field errors land on the inputs). */
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  /** i18n key notified after the write. */
  successMessage: string;
  children?: ReactNode;
  testId?: string;
}

/** The error of the whole form (not allowed, stale, moved on): in the dialog, where the user looks. */
const GeneralError = ({ conflict, onReload }: { conflict: boolean; onReload: () => void }) => {
  const { errors } = useFormState();
  const { clearErrors } = useFormContext();
  const translate = useTranslate();
  const message = errors.root?.serverError?.message;
  const alert = useRef<HTMLDivElement>(null);
  // The dialog may be scrolled down to its submit button: bring the message into view. (Braces:
  // newer browsers return a promise from scrollIntoView, which React would take for a cleanup.)
  useEffect(() => {
    void alert.current?.scrollIntoView?.({ block: 'nearest' });
  }, [message]);
  if (typeof message !== 'string' || !message) return null;
  const reload = (
    <ConflictReloadButton
      onReload={() => {
        clearErrors('root');
        onReload();
      }}
    />
  );
  return (
    <Alert ref={alert} severity="error" role="alert" sx={{ mb: 2 }} action={conflict ? reload : undefined}>
      {translate(message, { _: message })}
    </Alert>
  );
};

/**
 * A form in a dialog for one write from a page that stays put (the customer 360 page, the handoff
 * inbox). On success: a notification, every query of the page refreshed (cards, timeline, lists),
 * the dialog closed. On failure the dialog stays open with the input kept: the API's userErrors on
 * their fields, anything else (FORBIDDEN, INVALID_TRANSITION, CONFLICT with a reload) above them.
 */
export const FormDialog = ({
  open,
  onClose,
  title,
  description,
  submitLabel,
  submitIcon,
  resource,
  defaultValues,
  onSubmit,
  successMessage,
  children,
  testId,
}: FormDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();
  const [conflict, setConflict] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    setConflict(false);
    try {
      await onSubmit(values);
    } catch (error) {
      if (isConflictError(error)) setConflict(true);
      return formErrorsOf(error) ?? { root: { serverError: messageOf(error) } };
    }
    notify(successMessage, { type: 'success' });
    refresh();
    onClose();
    return undefined;
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId} data-testid={testId}>
      {open && (
        <ResourceContextProvider value={resource}>
          <Form record={NO_RECORD} defaultValues={defaultValues} onSubmit={submit} disableInvalidFormNotification noValidate>
            <DialogTitle id={titleId}>{translate(title)}</DialogTitle>
            <DialogContent>
              {description && <DialogContentText sx={{ mb: 2 }}>{translate(description)}</DialogContentText>}
              <GeneralError conflict={conflict} onReload={() => setConflict(false)} />
              {children}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
              <SaveButton label={submitLabel ?? title} icon={submitIcon} alwaysEnable variant="contained" />
            </DialogActions>
          </Form>
        </ResourceContextProvider>
      )}
    </Dialog>
  );
};
