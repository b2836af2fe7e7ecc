import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  AutocompleteInput,
  DateTimeInput,
  ReferenceInput,
  required,
  SelectInput,
  TextArrayInput,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { enumChoices } from '../graphql/enums';
import type { Customer } from '../graphql/types';

/**
 * The inputs of the customer create and edit forms. Only what the console can know is checked here
 * (required choices); everything else — email, phone, language tag, tags — is judged by the API
 * (the forms set noValidate, so the browser does not judge an email first),
 * whose userErrors land on these inputs by their `source`.
 */

/** Languages offered for a customer; the API takes any BCP 47 tag, so a stored other one stays selectable. */
export const CUSTOMER_LOCALES = ['en', 'zh-Hans', 'zh-Hant', 'es', 'fr', 'de', 'ja', 'pt'] as const;

const FormSection = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ width: '100%', mb: 1 }}>
      <Typography variant="subtitle2" component="h2" color="text.secondary" sx={{ mb: 1, textTransform: 'uppercase', letterSpacing: 0.5 }}>
        {translate(title)}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(2, 1fr)' }, columnGap: 2 }}>{children}</Box>
    </Box>
  );
};

const LocaleInput = () => {
  const customer = useRecordContext<Customer>();
  const stored = customer?.locale;
  const locales: string[] = [...CUSTOMER_LOCALES];
  if (stored && !locales.includes(stored)) locales.push(stored);
  return <SelectInput source="locale" choices={locales.map((id) => ({ id, name: `customer360.locales.${id}` }))} />;
};

/** The owner: any active staff member, or none. */
export const OwnerInput = ({ source = 'ownerId' }: { source?: string }) => (
  <ReferenceInput source={source} reference="staffUsers" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }} perPage={100}>
    <AutocompleteInput optionText="name" label="resources.customers.fields.ownerId" emptyText="customer360.customers.unassigned" />
  </ReferenceInput>
);

/** Who the customer is and how we reached them: both forms. */
export const CustomerProfileInputs = () => (
  <>
    <FormSection title="customer360.customers.sections.profile">
      <TextInput source="name" validate={required()} />
      <SelectInput source="kind" choices={enumChoices('CustomerKind')} validate={required()} />
      <TextInput source="company" />
      <TextInput source="email" type="email" />
      <TextInput source="phone" type="tel" />
      <SelectInput source="segment" choices={enumChoices('Segment')} validate={required()} />
      <TextInput source="persona" />
      <LocaleInput />
    </FormSection>
    <FormSection title="customer360.customers.sections.relationship">
      <SelectInput source="acquisitionChannel" choices={enumChoices('AcquisitionChannel')} validate={required()} />
      <OwnerInput />
      <TextArrayInput source="tags" helperText="customer360.customers.filters.tags_hint" />
      <TextInput source="externalId" />
    </FormSection>
  </>
);

/** Where a new customer starts: a lead by default; customers and churned ones with their dates. */
export const CustomerStageInputs = () => {
  const stage = useWatch({ name: 'lifecycleStage' }) as string | undefined;
  return (
    <FormSection title="customer360.customers.sections.lifecycle">
      <SelectInput source="lifecycleStage" choices={enumChoices('LifecycleStage')} validate={required()} />
      {(stage === 'CUSTOMER' || stage === 'CHURNED') && <DateTimeInput source="acquiredAt" helperText="customer360.forms.default_now" />}
      {stage === 'CHURNED' && <DateTimeInput source="churnedAt" validate={required()} />}
      {stage === 'CHURNED' && <TextInput source="churnReason" validate={required()} multiline />}
    </FormSection>
  );
};
