import { Box, Card, CardContent, Stack, Typography, type TypographyProps } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

interface FigureCardProps {
  /** i18n key of the card's heading. */
  title: string;
  icon: ReactNode;
  /** Beside the heading, e.g. a window toggle. */
  action?: ReactNode;
  children: ReactNode;
}

/** One card of the customer 360 page: an icon, a heading, and its figures. */
export const FigureCard = ({ title, icon, action, children }: FigureCardProps) => {
  const translate = useTranslate();
  const heading = translate(title);
  return (
    <Card variant="outlined" component="section" aria-label={heading} sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5, minHeight: 32 }}>
          <Box sx={{ color: 'primary.main', display: 'flex' }}>{icon}</Box>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, flexGrow: 1 }}>
            {heading}
          </Typography>
          {action}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
};

interface FigureProps {
  /** i18n key of the figure's name. */
  label: string;
  /** The figure as shown, already formatted; null shows `empty` instead. */
  value: string | null;
  /** i18n key shown in place of a missing value. */
  empty?: string;
  /** Beside the value, in small type (a unit, a scale, a chip). */
  suffix?: ReactNode;
  /** Under the value: what it is made of. */
  caption?: ReactNode;
  size?: 'large' | 'medium';
  color?: TypographyProps['color'];
  /** Names the value for tests and tools (the value element carries it). */
  testId?: string;
}

/** A named figure, big, with what it is made of underneath. */
export const Figure = ({ label, value, empty = '—', suffix, caption, size = 'medium', color, testId }: FigureProps) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Stack direction="row" spacing={0.75} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
        {value === null ? (
          <Typography variant="body2" color="text.secondary" data-testid={testId} sx={{ py: 0.5 }}>
            {translate(empty, { _: empty })}
          </Typography>
        ) : (
          <Typography
            variant={size === 'large' ? 'h4' : 'h6'}
            component="span"
            color={color}
            data-testid={testId}
            sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600, lineHeight: 1.3 }}
          >
            {value}
          </Typography>
        )}
        {value !== null && suffix}
      </Stack>
      {caption && (
        <Typography variant="body2" color="text.secondary" component="div">
          {caption}
        </Typography>
      )}
    </Box>
  );
};

/** A card's empty state: says what is missing, in words. */
export const EmptyFigures = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
      {translate(message)}
    </Typography>
  );
};
