import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useFieldValue, useGetList, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { StaffUser } from '../graphql/types';
import { auditDiff, auditValueText, type AuditEvent } from '../dataProvider/auditEvents';

/** A value of the diff: struck through on the before side when it changed; "—" when absent; a staff member's id with their name. */
const Value = ({ value, removed, staffNames }: { value: unknown; removed?: boolean; staffNames: Map<string, string> }) => {
  const raw = auditValueText(value);
  const text = raw !== null && staffNames.has(raw) ? `${staffNames.get(raw)} (${raw})` : raw;
  if (text === null) return <Typography variant="body2" color="text.secondary">—</Typography>;
  return (
    <Typography
      variant="body2"
      component="span"
      sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'monospace', ...(removed ? { color: 'error.main', textDecoration: 'line-through' } : { color: 'success.main' }) }}
    >
      {text}
    </Typography>
  );
};

/** What an audit event changed, field by field: before (struck through) beside after. */
export const AuditDiff = () => {
  const event = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  const { data: staff } = useGetList<StaffUser>('staffUsers', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' } });
  const staffNames = new Map((staff ?? []).map((member) => [member.id, member.name]));
  if (!event) return null;
  const changes = auditDiff(event.before, event.after);
  if (changes.length === 0) {
    return <Typography variant="body2" sx={{ p: 1 }}>{translate('customer360.audit.no_changes')}</Typography>;
  }
  return (
    <Box sx={{ overflowX: 'auto' }} data-testid="audit-diff">
      <Table size="small" aria-label={translate('customer360.audit.changes')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('customer360.audit.field')}</TableCell>
            <TableCell>{translate('customer360.audit.before')}</TableCell>
            <TableCell>{translate('customer360.audit.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {changes.map((change) => (
            <TableRow key={change.field}>
              <TableCell component="th" scope="row" sx={{ fontFamily: 'monospace' }}>{change.field}</TableCell>
              <TableCell><Value value={change.before} removed staffNames={staffNames} /></TableCell>
              <TableCell><Value value={change.after} staffNames={staffNames} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** The names of the fields an event changed, for the row itself. */
export const ChangedFieldsField = (_props: { label?: string }) => {
  const event = useRecordContext<AuditEvent>();
  if (!event) return null;
  const fields = auditDiff(event.before, event.after).map((change) => change.field);
  return (
    <Typography variant="body2" sx={{ maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
      {fields.join(', ') || '—'}
    </Typography>
  );
};

/** The kind of object changed, by its translated name (a kind the console does not know: as the API says it). */
export const EntityTypeField = (props: FieldProps) => {
  const value = useFieldValue(props) as string | undefined;
  const translate = useTranslate();
  if (!value) return null;
  return <Typography variant="body2" component="span">{translate(`customer360.audit.entity_types.${value}`, { _: value })}</Typography>;
};
