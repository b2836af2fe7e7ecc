import AddIcon from '@mui/icons-material/Add';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Stack, TextField as MuiTextField, Tooltip } from '@mui/material';
import { useState } from 'react';
import { CheckboxGroupInput, DateTimeInput, required, SelectArrayInput, TextInput, useDataProvider, useTranslate } from 'react-admin';
import type { Customer360DataProvider } from '../dataProvider';
import { DialogButton } from '../shared/DialogButton';
import { FormDialog } from '../shared/FormDialog';

const SCOPE_CHOICES = ['READ', 'WRITE', 'IMPORT'].map((scope) => ({ id: scope, name: `customer360.api_keys.scopes.${scope}` }));

/** Resources a key can be limited to: the permission matrix's, less those no key may ever touch. */
const KEY_RESOURCES = ['customers', 'personalData', 'purchases', 'interactions', 'surveys', 'handoffs', 'metrics', 'acquisitionSpend', 'teamSla', 'privacyExport'];
const RESOURCE_CHOICES = KEY_RESOURCES.map((resource) => ({ id: resource, name: `customer360.api_keys.resources.${resource}` }));

/** The new key's secret, this once: to copy now, with a plain warning that it cannot be shown again. */
const SecretDialog = ({ secret, onClose }: { secret: string | null; onClose: () => void }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(secret ?? '');
    setCopied(true);
  };
  return (
    <Dialog open={secret !== null} onClose={onClose} maxWidth="sm" fullWidth data-testid="api-key-secret-dialog">
      <DialogTitle>{translate('customer360.api_keys.created')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('customer360.api_keys.once')}
        </Alert>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <MuiTextField
            value={secret ?? ''}
            label={translate('customer360.api_keys.secret')}
            fullWidth
            slotProps={{ input: { readOnly: true, sx: { fontFamily: 'monospace' } } }}
            onFocus={(event) => event.target.select()}
            data-testid="api-key-secret"
          />
          <Tooltip title={translate(copied ? 'customer360.api_keys.copied' : 'customer360.api_keys.copy')}>
            <IconButton aria-label={translate('customer360.api_keys.copy')} onClick={() => void copy()}>
              <ContentCopyIcon />
            </IconButton>
          </Tooltip>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {translate('customer360.api_keys.stored')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * A new key through apiKeyCreate (name, scopes, the resources it is limited to, expiry). The API's
 * userErrors land on their inputs; on success the secret is shown once (SecretDialog).
 */
export const ApiKeyCreateButton = () => {
  const dataProvider = useDataProvider<Customer360DataProvider>();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <>
      <DialogButton label="customer360.api_keys.create" icon={<AddIcon />} variant="text">
        {({ open, close }) => (
          <FormDialog
            open={open}
            onClose={close}
            resource="apiKeys"
            title="customer360.api_keys.create"
            successMessage="customer360.api_keys.created"
            defaultValues={{ scopes: ['READ'], resources: [] }}
            onSubmit={async (values) => setSecret(await dataProvider.createApiKey(values))}
            testId="api-key-create-dialog"
          >
            <TextInput source="name" validate={required()} fullWidth />
            <CheckboxGroupInput source="scopes" choices={SCOPE_CHOICES} validate={required()} />
            <SelectArrayInput source="resources" choices={RESOURCE_CHOICES} helperText="customer360.api_keys.resources_hint" fullWidth />
            <DateTimeInput source="expiresAt" helperText="customer360.api_keys.expires_hint" />
          </FormDialog>
        )}
      </DialogButton>
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
    </>
  );
};
