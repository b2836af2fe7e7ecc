import { Button, type ButtonProps } from '@mui/material';
import { useState, type ReactElement, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export interface DialogButtonProps {
  /** i18n key of the button's text. */
  label: string;
  icon?: ReactElement;
  variant?: ButtonProps['variant'];
  color?: ButtonProps['color'];
  disabled?: boolean;
  /** The dialog, given whether it is open and how to close it. */
  children: (dialog: { open: boolean; close: () => void }) => ReactNode;
}

/**
 * A button that opens its dialog. Clicks stay inside (a dialog is portalled, but React events still
 * bubble to a Datagrid row, which would expand or navigate).
 */
export const DialogButton = ({ label, icon, variant = 'outlined', color, disabled, children }: DialogButtonProps) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <span onClick={(event) => event.stopPropagation()}>
      <Button size="small" variant={variant} color={color} startIcon={icon} disabled={disabled} onClick={() => setOpen(true)}>
        {translate(label)}
      </Button>
      {children({ open, close: () => setOpen(false) })}
    </span>
  );
};
