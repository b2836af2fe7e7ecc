import PeopleIcon from '@mui/icons-material/People';
import { CustomerList } from './CustomerList';
import { CustomerShow } from './CustomerShow';

/** Read-only in this version: no edit or create views, so react-admin offers no buttons for them. */
export default {
  list: CustomerList,
  show: CustomerShow,
  icon: PeopleIcon,
  recordRepresentation: 'name',
};
