import type { FieldProps } from 'react-admin';
import { EnumField } from '../shared/EnumField';

const stageColors = { LEAD: 'default', PROSPECT: 'info', CUSTOMER: 'success', CHURNED: 'error' } as const;

/** A customer's lifecycle stage as a coloured chip. */
export const LifecycleStageField = ({ source = 'lifecycleStage', ...props }: Partial<FieldProps>) => (
  <EnumField {...props} source={source} enumName="LifecycleStage" chip colors={stageColors} />
);
