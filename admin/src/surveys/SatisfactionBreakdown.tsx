import { Table, TableBody, TableCell, TableHead, TableRow, ToggleButton, ToggleButtonGroup, Typography, Box } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { enumLabelKey } from '../graphql/enums';
import type { Satisfaction, Scores } from '../graphql/types';
import { useScoreText } from './scores';

type Dimension = 'team' | 'journeyStage';

interface Row extends Scores {
  key: string;
  label: string;
}

function rowsOf(satisfaction: Satisfaction, dimension: Dimension, translate: (key: string) => string): Row[] {
  return dimension === 'team'
    ? satisfaction.byTeam.map((row) => ({ ...row, key: row.team, label: translate(enumLabelKey('Team', row.team)) }))
    : satisfaction.byJourneyStage.map((row) => ({ ...row, key: row.journeyStage, label: translate(enumLabelKey('JourneyStage', row.journeyStage)) }));
}

/** A score in a table cell: its value and how many answers it rests on, or a dash without answers. */
const ScoreCell = ({ value, total }: { value: string | null; total: number }) => {
  const translate = useTranslate();
  return (
    <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {value === null ? (
        <Typography variant="body2" component="span" color="text.secondary" title={translate('customer360.satisfaction.no_answers')}>
          —
        </Typography>
      ) : (
        <>
          {value}
          <Typography variant="caption" component="span" color="text.secondary" sx={{ ml: 0.5 }}>
            ({total})
          </Typography>
        </>
      )}
    </TableCell>
  );
};

/** CSAT, NPS and CES per team or per journey stage (touchpoint), in a small table. */
export const SatisfactionBreakdown = ({ satisfaction }: { satisfaction: Satisfaction }) => {
  const translate = useTranslate();
  const scoreText = useScoreText();
  const [dimension, setDimension] = useState<Dimension>('team');
  const rows = rowsOf(satisfaction, dimension, translate);

  return (
    <Box>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={dimension}
        onChange={(_, next: Dimension | null) => next && setDimension(next)}
        aria-label={translate('customer360.satisfaction.breakdown')}
        sx={{ mb: 1 }}
      >
        <ToggleButton value="team">{translate('customer360.satisfaction.by_team')}</ToggleButton>
        <ToggleButton value="journeyStage">{translate('customer360.satisfaction.by_journey_stage')}</ToggleButton>
      </ToggleButtonGroup>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate(dimension === 'team' ? 'customer360.satisfaction.no_team_answers' : 'customer360.satisfaction.no_stage_answers')}
        </Typography>
      ) : (
        // A narrow card (a phone) scrolls the table sideways rather than widen the page.
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={translate(dimension === 'team' ? 'customer360.satisfaction.by_team' : 'customer360.satisfaction.by_journey_stage')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate(dimension === 'team' ? 'customer360.satisfaction.team' : 'customer360.satisfaction.journey_stage')}</TableCell>
                <TableCell align="right">{translate('customer360.satisfaction.csat')}</TableCell>
                <TableCell align="right">{translate('customer360.satisfaction.nps')}</TableCell>
                <TableCell align="right">{translate('customer360.satisfaction.ces')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.key}>
                  <TableCell component="th" scope="row">
                    {row.label}
                  </TableCell>
                  <ScoreCell value={scoreText.csat(row.csat)} total={row.csat.total} />
                  <ScoreCell value={scoreText.nps(row.nps)} total={row.nps.total} />
                  <ScoreCell value={scoreText.ces(row.ces)} total={row.ces.total} />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
};
