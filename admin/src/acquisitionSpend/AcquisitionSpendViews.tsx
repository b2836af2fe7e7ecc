import { Box } from '@mui/material';
import { Create, DateField, Edit, EditButton, NumberField, RecordField, Show, SimpleForm, TopToolbar } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { AcquisitionSpendInputs } from './AcquisitionSpendInputs';
import { SpendAmountField } from './AcquisitionSpendList';
import { MonthField } from './MonthField';

/** One channel's month: what it cost, and when it was last set. */
export const AcquisitionSpendShow = () => (
  <Show actions={<TopToolbar><EditButton /></TopToolbar>}>
    <Box sx={{ p: 2, display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' }, gap: 2 }}>
      <RecordField source="periodStart"><MonthField source="periodStart" /></RecordField>
      <RecordField source="channel"><EnumField source="channel" enumName="AcquisitionChannel" /></RecordField>
      <RecordField source="amount"><SpendAmountField /></RecordField>
      <RecordField source="currency" />
      <RecordField source="createdAt"><DateField source="createdAt" showTime /></RecordField>
      <RecordField source="updatedAt"><DateField source="updatedAt" showTime /></RecordField>
      <RecordField source="version"><NumberField source="version" /></RecordField>
    </Box>
  </Show>
);

/** Sets a channel's month (acquisitionSpendSet: an existing month is replaced, so a second entry corrects the first). */
export const AcquisitionSpendCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ currency: 'USD' }}>
      <AcquisitionSpendInputs />
    </SimpleForm>
  </Create>
);

/** Corrects what a channel's month cost; the month and channel stay. */
export const AcquisitionSpendEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic">
    <SimpleForm>
      <AcquisitionSpendInputs locked />
    </SimpleForm>
  </Edit>
);
