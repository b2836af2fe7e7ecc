import { Chip, Typography, type ChipProps } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { enumLabelKey, type EnumName } from '../graphql/enums';

export interface EnumFieldProps extends FieldProps {
  /** The GraphQL enum the value belongs to; its label comes from `customer360.enums.<enumName>.<value>`. */
  enumName: EnumName;
  /** Show the label as a chip, coloured per value. */
  chip?: boolean;
  colors?: Partial<Record<string, ChipProps['color']>>;
}

/** A GraphQL enum value shown with its translated label, as text or as a chip. */
export const EnumField = ({ enumName, chip = false, colors, emptyText, ...props }: EnumFieldProps) => {
  const value = useFieldValue(props) as string | null | undefined;
  const translate = useTranslate();
  if (value === null || value === undefined || value === '') {
    return (
      <Typography component="span" variant="body2">
        {emptyText ? translate(emptyText, { _: emptyText }) : null}
      </Typography>
    );
  }
  const label = translate(enumLabelKey(enumName, value), { _: value });
  if (chip) return <Chip size="small" label={label} color={colors?.[value] ?? 'default'} />;
  // Unbroken: a Chinese label would otherwise wrap between any two characters in a narrow column.
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {label}
    </Typography>
  );
};
