import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { enumLabelKey, type ChurnRisk } from '../graphql/enums';

export const churnRiskColors = { LOW: 'success', MEDIUM: 'warning', HIGH: 'error' } as const;

/** Churn risk as a chip: green LOW, amber MEDIUM, red HIGH. */
export const ChurnRiskChip = ({ risk, testId }: { risk: ChurnRisk; testId?: string }) => {
  const translate = useTranslate();
  return <Chip size="small" color={churnRiskColors[risk]} label={translate(enumLabelKey('ChurnRisk', risk))} data-testid={testId} />;
};
