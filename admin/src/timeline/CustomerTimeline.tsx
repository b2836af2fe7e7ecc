import TimelineIcon from '@mui/icons-material/Timeline';
import { Alert, Box, Button, Card, CardContent, CircularProgress, List, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useInfiniteGetList, useRecordContext, useTranslate } from 'react-admin';
import type { Customer, TimelineEvent } from '../graphql/types';
import { useOnVisible } from '../shared/useVisibility';
import { NO_SELECTION, timelineFilter, type TimelineSelection } from './kinds';
import { TimelineEventItem } from './TimelineEventItem';
import { TimelineFilters } from './TimelineFilters';

const PAGE_SIZE = 20;

/**
 * The customer's whole history in one list, newest first: interactions, purchases, survey answers
 * and handoff steps. The next page loads when the end of the list scrolls into view (inside its own
 * scroll box, so the related tables below stay reachable); the chips narrow it and start it again.
 */
export const CustomerTimeline = () => {
  const customer = useRecordContext<Customer>();
  const translate = useTranslate();
  const [selection, setSelection] = useState<TimelineSelection>(NO_SELECTION);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const filter = useMemo(() => timelineFilter(customer?.id ?? '', selection), [customer?.id, selection]);

  const { data, total, error, isPending, hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = useInfiniteGetList<TimelineEvent>(
    'timelineEvents',
    { pagination: { page: 1, perPage: PAGE_SIZE }, sort: { field: 'occurredAt', order: 'DESC' }, filter },
    // A list left behind is dropped, so coming back to a selection starts it again from its first page.
    { enabled: Boolean(customer?.id), gcTime: 0 },
  );
  const events = useMemo(() => data?.pages.flatMap((page) => page.data) ?? [], [data]);

  const sentinel = useOnVisible<HTMLDivElement>(() => void fetchNextPage(), {
    root: scroller,
    enabled: Boolean(hasNextPage) && !isFetchingNextPage && !error,
    renewKey: events.length,
  });

  // A new selection is a new list: show it from its newest event.
  useEffect(() => {
    if (scroller) scroller.scrollTop = 0;
  }, [scroller, filter]);

  if (!customer) return null;
  const filtered = selection.kindGroups.length > 0 || selection.channels.length > 0;

  return (
    <Card variant="outlined" component="section" aria-label={translate('customer360.timeline.title')} sx={{ mx: 2, mb: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
          <TimelineIcon color="primary" />
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, flexGrow: 1 }}>
            {translate('customer360.timeline.title')}
          </Typography>
          {total !== undefined && (
            <Typography variant="caption" color="text.secondary" data-testid="timeline-count">
              {translate('customer360.timeline.shown', { shown: events.length, smart_count: total })}
            </Typography>
          )}
        </Stack>
        <TimelineFilters selection={selection} onChange={setSelection} />
        <Box ref={setScroller} data-testid="timeline-scroller" sx={{ maxHeight: 560, overflowY: 'auto', pr: 1 }}>
          {error ? (
            <Alert severity="error" action={<Button onClick={() => void refetch()}>{translate('customer360.timeline.retry')}</Button>}>
              {translate('customer360.timeline.error')}
            </Alert>
          ) : isPending ? (
            <Box sx={{ display: 'flex', justifyContent: 'center', py: 3 }}>
              <CircularProgress size={24} aria-label={translate('customer360.timeline.loading')} />
            </Box>
          ) : events.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ py: 2 }} data-testid="timeline-empty">
              {translate(filtered ? 'customer360.timeline.empty_filtered' : 'customer360.timeline.empty')}
            </Typography>
          ) : (
            <>
              <List disablePadding data-testid="timeline-events">
                {events.map((event) => (
                  <TimelineEventItem key={event.id} event={event} />
                ))}
              </List>
              <Box ref={sentinel} sx={{ display: 'flex', justifyContent: 'center', py: 1.5, minHeight: 8 }}>
                {isFetchingNextPage ? (
                  <CircularProgress size={20} aria-label={translate('customer360.timeline.loading')} />
                ) : hasNextPage ? (
                  <Button size="small" onClick={() => void fetchNextPage()}>
                    {translate('customer360.timeline.load_more')}
                  </Button>
                ) : (
                  <Typography variant="caption" color="text.secondary">
                    {translate('customer360.timeline.end')}
                  </Typography>
                )}
              </Box>
            </>
          )}
        </Box>
      </CardContent>
    </Card>
  );
};
