import LockIcon from '@mui/icons-material/Lock';
import { Chip, Tooltip, Typography, type SxProps, type Theme } from '@mui/material';
import { EmailField, TextField, useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { MASKED } from '../auth/permissions';

/**
 * A personal value (name, company, email…): as the API sends it, or — for a viewer who may not
 * read personal data — a "masked" chip with a tooltip saying why, never as if it were empty.
 */
export const PersonalTextField = ({ email = false, ...props }: FieldProps & { email?: boolean; sx?: SxProps<Theme> }) => {
  const value = useFieldValue(props);
  if (value === MASKED) return <MaskedChip />;
  if (email) return <EmailField {...props} />;
  return <TextField {...props} />;
};

/** The "masked" chip, for a personal value the signed-in role may not read. */
export const MaskedChip = () => {
  const translate = useTranslate();
  return (
    <Tooltip title={translate('customer360.masked.tooltip')}>
      <Chip size="small" variant="outlined" icon={<LockIcon fontSize="small" />} label={translate('customer360.masked.label')} data-testid="masked" />
    </Tooltip>
  );
};

/** A personal value shown in running text (a heading): the chip when masked. */
export const PersonalText = ({ value, variant = 'body2' }: { value: string | null | undefined; variant?: 'h5' | 'body2' }) =>
  value === MASKED ? <MaskedChip /> : <Typography component="span" variant={variant}>{value}</Typography>;
