import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export const CHART_HEIGHT = 280;

interface ChartCardProps {
  /** Names the card for tests and tools: `data-testid="chart-<id>"`. */
  id: string;
  /** i18n key of the heading. */
  title: string;
  /** i18n key of one line under the heading: what the chart counts. */
  description?: string;
  /** Beside the heading, e.g. a metric toggle. */
  action?: ReactNode;
  /** i18n key shown instead of the chart when there is nothing to draw. */
  empty?: string | null;
  /** Under the chart: notes, a table of the exact figures. */
  footer?: ReactNode;
  children?: ReactNode;
}

/** One chart of the dashboard: a heading, what it counts, and the chart or why there is none. */
export const ChartCard = ({ id, title, description, action, empty, footer, children }: ChartCardProps) => {
  const translate = useTranslate();
  const heading = translate(title);
  return (
    <Card variant="outlined" component="section" aria-label={heading} data-testid={`chart-${id}`} sx={{ height: '100%', minWidth: 0 }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, minHeight: 32 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, flexGrow: 1 }}>
            {heading}
          </Typography>
          {action}
        </Stack>
        {description && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate(description)}
          </Typography>
        )}
        {empty ? (
          <Box
            data-testid="chart-empty"
            sx={{ height: CHART_HEIGHT / 2, display: 'flex', alignItems: 'center', justifyContent: 'center', textAlign: 'center', px: 2 }}
          >
            <Typography variant="body2" color="text.secondary">
              {translate(empty)}
            </Typography>
          </Box>
        ) : (
          children
        )}
        {footer}
      </CardContent>
    </Card>
  );
};
