import BlockIcon from '@mui/icons-material/Block';
import { Chip, Stack } from '@mui/material';
import { BooleanField, Datagrid, DateField, List, TextField, TopToolbar, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { Customer360DataProvider } from '../dataProvider';
import type { ApiKey } from '../dataProvider/apiKeys';
import { DialogButton } from '../shared/DialogButton';
import { FormDialog } from '../shared/FormDialog';
import { ApiKeyCreateButton } from './ApiKeyCreateButton';

const ApiKeyListActions = () => (
  <TopToolbar>
    <ApiKeyCreateButton />
  </TopToolbar>
);

/** The key's scopes, and the resources it is limited to ("every resource" when none). */
const GrantsField = (_props: { label?: string }) => {
  const key = useRecordContext<ApiKey>();
  const translate = useTranslate();
  if (!key) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
      {key.scopes.map((scope) => (
        <Chip key={scope} size="small" color="primary" variant="outlined" label={translate(`customer360.api_keys.scopes.${scope}`)} />
      ))}
      {(key.resources ?? []).map((resource) => (
        <Chip key={resource} size="small" label={translate(`customer360.api_keys.resources.${resource}`, { _: resource })} />
      ))}
      {key.resources === null && <Chip size="small" label={translate('customer360.api_keys.every_resource')} />}
    </Stack>
  );
};

/** Revoking is final: the key is refused from the next request on. */
const RevokeButton = (_props: { label?: string }) => {
  const key = useRecordContext<ApiKey>();
  const dataProvider = useDataProvider<Customer360DataProvider>();
  if (!key || key.revokedAt) return null;
  return (
    <DialogButton label="customer360.api_keys.revoke" icon={<BlockIcon />} variant="text" color="error">
      {({ open, close }) => (
        <FormDialog
          open={open}
          onClose={close}
          resource="apiKeys"
          title="customer360.api_keys.revoke"
          description="customer360.api_keys.revoke_hint"
          successMessage="customer360.api_keys.revoked"
          onSubmit={() => dataProvider.revokeApiKey(key.id)}
          testId="api-key-revoke-dialog"
        />
      )}
    </DialogButton>
  );
};

/** Every API key (ADMIN only), newest first: what it may do, when it was last used, whether it still works. */
export const ApiKeyList = () => (
  <List perPage={25} exporter={false} actions={<ApiKeyListActions />} sort={{ field: 'createdAt', order: 'DESC' }} empty={false}>
    <Datagrid rowClick={false} bulkActionButtons={false}>
      <TextField source="name" sortable={false} />
      <TextField source="prefix" sortable={false} sx={{ fontFamily: 'monospace' }} />
      <GrantsField label="resources.apiKeys.fields.scopes" />
      <DateField source="expiresAt" showTime emptyText="customer360.api_keys.never_expires" sortable={false} />
      <DateField source="lastUsedAt" showTime emptyText="customer360.api_keys.never_used" sortable={false} />
      <DateField source="createdAt" showTime sortable={false} />
      <BooleanField source="usable" sortable={false} />
      <RevokeButton label="customer360.api_keys.revoke" />
    </Datagrid>
  </List>
);
