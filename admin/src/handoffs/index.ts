import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { HandoffInbox } from './HandoffInbox';

/** The handoff inbox (a customer's own handoffs are on their 360 page). */
export default {
  list: HandoffInbox,
  icon: SwapHorizIcon,
};
