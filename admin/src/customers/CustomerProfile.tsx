import { Box, Divider, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { DateField, NumberField, RecordField, TextArrayField, TextField, useFieldValue, useTranslate } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { PersonalTextField } from '../shared/PersonalTextField';
import { LifecycleStageField } from './LifecycleStageField';

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mb: 2 }}>
      <Typography variant="subtitle2" component="h2" color="text.secondary" sx={{ mb: 1, textTransform: 'uppercase', letterSpacing: 0.5 }}>
        {translate(title)}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' }, gap: 2 }}>
        {children}
      </Box>
    </Box>
  );
};

/** The customer's language by its name ("English", "简体中文"…); a tag the console has no name for as it is. */
const CustomerLocaleField = (_props: { source: string }) => {
  const translate = useTranslate();
  const locale = useFieldValue({ source: 'locale' }) as string | null | undefined;
  return (
    <Typography component="span" variant="body2">
      {locale ? translate(`customer360.locales.${locale}`, { _: locale }) : '—'}
    </Typography>
  );
};

/** Every field of a customer, grouped: who they are, where they are in the lifecycle, and the record itself. */
export const CustomerProfile = () => (
  <Box sx={{ p: 2 }}>
    <Section title="customer360.customers.sections.profile">
      <RecordField source="kind"><EnumField source="kind" enumName="CustomerKind" /></RecordField>
      <RecordField source="company"><PersonalTextField source="company" emptyText="—" /></RecordField>
      <RecordField source="email"><PersonalTextField source="email" email emptyText="—" /></RecordField>
      <RecordField source="phone"><PersonalTextField source="phone" emptyText="—" /></RecordField>
      <RecordField source="segment"><EnumField source="segment" enumName="Segment" /></RecordField>
      <RecordField source="persona" empty="—" />
      <RecordField source="locale"><CustomerLocaleField source="locale" /></RecordField>
      <RecordField source="owner">
        <TextField source="owner.name" emptyText="customer360.customers.unassigned" />
      </RecordField>
      <RecordField source="tags" sx={{ gridColumn: { sm: 'span 2', lg: 'span 4' } }}>
        <TextArrayField source="tags" emptyText="—" />
      </RecordField>
    </Section>
    <Divider sx={{ mb: 2 }} />
    <Section title="customer360.customers.sections.lifecycle">
      <RecordField source="lifecycleStage"><LifecycleStageField /></RecordField>
      <RecordField source="acquisitionChannel"><EnumField source="acquisitionChannel" enumName="AcquisitionChannel" /></RecordField>
      <RecordField source="acquiredAt"><DateField source="acquiredAt" emptyText="—" /></RecordField>
      <RecordField source="churnedAt"><DateField source="churnedAt" emptyText="—" /></RecordField>
      <RecordField source="churnReason" empty="—" />
    </Section>
    <Divider sx={{ mb: 2 }} />
    <Section title="customer360.customers.sections.record">
      <RecordField source="externalId"><PersonalTextField source="externalId" emptyText="—" /></RecordField>
      <RecordField source="createdAt"><DateField source="createdAt" showTime /></RecordField>
      <RecordField source="updatedAt"><DateField source="updatedAt" showTime /></RecordField>
      <RecordField source="archivedAt"><DateField source="archivedAt" showTime emptyText="—" /></RecordField>
      <RecordField source="version"><NumberField source="version" /></RecordField>
    </Section>
  </Box>
);
