import BlockIcon from '@mui/icons-material/Block';
import CancelOutlinedIcon from '@mui/icons-material/CancelOutlined';
import ForumIcon from '@mui/icons-material/Forum';
import HandshakeIcon from '@mui/icons-material/Handshake';
import PollIcon from '@mui/icons-material/Poll';
import SendIcon from '@mui/icons-material/Send';
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import UndoIcon from '@mui/icons-material/Undo';
import { Avatar, Box, ListItem, ListItemAvatar, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { MASKED } from '../auth/permissions';
import { enumLabelKey, type EnumName, type TimelineEventKind } from '../graphql/enums';
import type { TimelineEvent } from '../graphql/types';
import { useMoneyFormat } from '../purchases/money';
import { SlaStatusChip } from '../sla/SlaStatusChip';
import { SCALE_MAX } from '../surveys/scores';
import { MaskedChip } from '../shared/PersonalTextField';
import { useDateTimeFormat } from '../shared/useDateTimeFormat';

const ICONS: Record<TimelineEventKind, ReactNode> = {
  INTERACTION: <ForumIcon fontSize="small" />,
  PURCHASE: <ShoppingCartIcon fontSize="small" />,
  SURVEY_RESPONSE: <PollIcon fontSize="small" />,
  HANDOFF_REQUESTED: <SendIcon fontSize="small" />,
  HANDOFF_ACCEPTED: <HandshakeIcon fontSize="small" />,
  HANDOFF_COMPLETED: <TaskAltIcon fontSize="small" />,
  HANDOFF_REJECTED: <BlockIcon fontSize="small" />,
  HANDOFF_CANCELLED: <CancelOutlinedIcon fontSize="small" />,
};

/** The parts that are present, joined with a middle dot: "Inbound · Email · Service". */
const joined = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(' · ');

/** An enum value's label, or nothing when the value is missing. */
function useEnumLabel() {
  const translate = useTranslate();
  return (name: EnumName, value: string | null | undefined) => (value ? translate(enumLabelKey(name, value)) : null);
}

/** The headline and details of one event, by kind. */
const EventBody = ({ event }: { event: TimelineEvent }) => {
  const translate = useTranslate();
  const label = useEnumLabel();
  const formatDateTime = useDateTimeFormat();
  const formatMoney = useMoneyFormat();

  switch (event.kind) {
    case 'INTERACTION': {
      const { interaction } = event;
      return (
        <>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {joined(label('Direction', interaction.direction), label('Channel', interaction.channel), label('Team', interaction.team))}
            </Typography>
            {interaction.direction === 'INBOUND' && interaction.slaStatus && <SlaStatusChip status={interaction.slaStatus} />}
          </Stack>
          {interaction.subject && (interaction.subject === MASKED ? <MaskedChip /> : <Typography variant="body2">{interaction.subject}</Typography>)}
          <Typography variant="caption" color="text.secondary" component="div">
            {joined(
              interaction.staff && translate('customer360.timeline.by_staff', { name: interaction.staff.name }),
              interaction.direction === 'INBOUND' && interaction.responseDueAt && interaction.slaStatus !== 'MET'
                ? translate('customer360.timeline.response_due', { when: formatDateTime(interaction.responseDueAt) })
                : null,
            )}
          </Typography>
          {interaction.summary === MASKED && <MaskedChip />}
          {interaction.summary && interaction.summary !== MASKED && (
            <Typography variant="body2" color="text.secondary" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
              {interaction.summary}
            </Typography>
          )}
        </>
      );
    }
    case 'PURCHASE': {
      const { purchase } = event;
      const refund = purchase.kind === 'REFUND';
      return (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ fontWeight: 500 }} color={refund ? 'error' : undefined} data-testid="timeline-amount">
            {formatMoney(purchase.amount, purchase.currency, { negate: refund })}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {joined(label('PurchaseKind', purchase.kind), purchase.product)}
          </Typography>
        </Stack>
      );
    }
    case 'SURVEY_RESPONSE': {
      const { surveyResponse } = event;
      return (
        <>
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {translate('customer360.timeline.survey_answer', {
              kind: translate(enumLabelKey('SurveyKind', surveyResponse.kind)),
              score: surveyResponse.score,
              max: SCALE_MAX[surveyResponse.kind],
            })}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div">
            {joined(label('Channel', event.channel), label('Team', event.team))}
          </Typography>
          {surveyResponse.comment === MASKED && <MaskedChip />}
          {surveyResponse.comment && surveyResponse.comment !== MASKED && <Typography variant="body2" color="text.secondary">{translate('customer360.timeline.quoted', { text: surveyResponse.comment })}</Typography>}
        </>
      );
    }
    default: {
      const { handoff } = event;
      return (
        <>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {translate('customer360.timeline.handoff_teams', {
                from: translate(enumLabelKey('Team', handoff.fromTeam)),
                to: translate(enumLabelKey('Team', handoff.toTeam)),
              })}
            </Typography>
            {event.kind === 'HANDOFF_REQUESTED' && handoff.status === 'REQUESTED' && handoff.slaStatus && <SlaStatusChip status={handoff.slaStatus} />}
          </Stack>
          {handoff.summary === MASKED ? (
            <MaskedChip />
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
              {handoff.summary}
            </Typography>
          )}
          {event.transition === 'REJECTED' && handoff.rejectionReason && handoff.rejectionReason !== MASKED && (
            <Typography variant="body2" color="error">
              {translate('customer360.timeline.rejection_reason', { reason: handoff.rejectionReason })}
            </Typography>
          )}
        </>
      );
    }
  }
};

/** One event of the timeline: its kind's icon, what it was, when, and its own details. */
export const TimelineEventItem = ({ event }: { event: TimelineEvent }) => {
  const translate = useTranslate();
  const formatDateTime = useDateTimeFormat();
  const refund = event.kind === 'PURCHASE' && event.purchase.kind === 'REFUND';
  return (
    <ListItem divider alignItems="flex-start" data-testid="timeline-event" data-event-id={event.id} data-kind={event.kind} data-occurred-at={event.occurredAt} sx={{ px: 0 }}>
      <ListItemAvatar sx={{ minWidth: 48 }}>
        <Avatar sx={{ width: 32, height: 32, bgcolor: refund || event.kind === 'HANDOFF_REJECTED' ? 'error.light' : 'primary.light' }}>
          {refund ? <UndoIcon fontSize="small" /> : ICONS[event.kind]}
        </Avatar>
      </ListItemAvatar>
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.6 }}>
            {translate(enumLabelKey('TimelineEventKind', event.kind))}
          </Typography>
          <Typography component="time" dateTime={event.occurredAt} variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(event.occurredAt)}
          </Typography>
        </Stack>
        <EventBody event={event} />
      </Box>
    </ListItem>
  );
};
