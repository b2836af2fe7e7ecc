import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { PurchaseList } from './PurchaseList';
import { PurchaseShow } from './PurchaseShow';

/** Purchases and refunds across customers: listed and shown, refunded from the show page (recorded from a 360 page). */
export default {
  list: PurchaseList,
  show: PurchaseShow,
  icon: ReceiptLongIcon,
  recordRepresentation: 'product',
};
