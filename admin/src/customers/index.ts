import PeopleIcon from '@mui/icons-material/People';
import { CustomerCreate } from './CustomerCreate';
import { CustomerEdit } from './CustomerEdit';
import { CustomerList } from './CustomerList';
import { CustomerShow } from './CustomerShow';

/** Listed, shown (the 360 page), created and edited; never deleted (archived from the 360 page). */
export default {
  list: CustomerList,
  show: CustomerShow,
  create: CustomerCreate,
  edit: CustomerEdit,
  icon: PeopleIcon,
  recordRepresentation: 'name',
};
