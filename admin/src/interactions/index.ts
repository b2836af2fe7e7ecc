import ForumIcon from '@mui/icons-material/Forum';
import { InteractionList } from './InteractionList';
import { InteractionShow } from './InteractionShow';

/** Interactions across customers: listed and shown (logged from a customer's 360 page). */
export default {
  list: InteractionList,
  show: InteractionShow,
  icon: ForumIcon,
  recordRepresentation: 'subject',
};
