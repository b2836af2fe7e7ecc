import { Typography } from '@mui/material';
import { useMemo } from 'react';
import { useFieldValue, useLocaleState, type FieldProps } from 'react-admin';

/** A LocalDate month ("2026-03-01") as the language writes a month ("March 2026", "2026年3月"), with no time zone shift. */
export const MonthField = (props: FieldProps) => {
  const value = useFieldValue(props) as string | null | undefined;
  const [locale] = useLocaleState();
  const format = useMemo(() => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }), [locale]);
  if (!value) return null;
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {Number.isNaN(date.getTime()) ? value : format.format(date)}
    </Typography>
  );
};
