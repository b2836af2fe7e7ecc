import { Datagrid, DateField, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { PersonalTextField } from '../shared/PersonalTextField';
import { useIsPhone } from '../shared/useIsPhone';
import { HandoffDetails, handoffStatusColors } from './HandoffDetails';
import { HandoffSimpleList } from './HandoffSheet';
import { HandoffStepButtons } from './HandoffStepButtons';

/**
 * A customer's handoffs between teams, newest first (inside a ReferenceManyField); a row expands to
 * its details. On a phone, a simple list whose items open the handoff's sheet.
 */
export const HandoffGrid = () => {
  const isPhone = useIsPhone();
  if (isPhone) return <HandoffSimpleList />;
  return (
    <Datagrid bulkActionButtons={false} rowClick="expand" expand={<HandoffDetails />}>
      <DateField source="requestedAt" showTime sortable={false} />
      <EnumField source="fromTeam" enumName="Team" sortable={false} />
      <EnumField source="toTeam" enumName="Team" sortable={false} />
      <TextField source="fromStaff.name" label="resources.handoffs.fields.fromStaff" sortable={false} emptyText="—" />
      <TextField source="toStaff.name" label="resources.handoffs.fields.toStaff" sortable={false} emptyText="—" />
      <EnumField source="status" enumName="HandoffStatus" chip colors={handoffStatusColors} sortable={false} />
      <DateField source="dueAt" showTime sortable={false} />
      <PersonalTextField source="summary" sortable={false} />
      <HandoffStepButtons />
    </Datagrid>
  );
};
