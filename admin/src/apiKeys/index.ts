import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { ApiKeyList } from './ApiKeyList';

/** API keys for integrators (ADMIN only): listed, created (the secret shown once) and revoked from the list. */
export default {
  list: ApiKeyList,
  icon: VpnKeyIcon,
  recordRepresentation: 'name',
};
