import HistoryIcon from '@mui/icons-material/History';
import { AuditEventList } from './AuditEventList';

/**
 * The audit log: read-only, listed with each row opening to its before/after diff in place (the
 * API has no query for one event, and the row holds all of it).
 */
export default {
  list: AuditEventList,
  icon: HistoryIcon,
};
