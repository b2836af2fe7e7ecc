import CampaignIcon from '@mui/icons-material/Campaign';
import { AcquisitionSpendList } from './AcquisitionSpendList';
import { AcquisitionSpendCreate, AcquisitionSpendEdit, AcquisitionSpendShow } from './AcquisitionSpendViews';

/** Acquisition spend per channel and month: listed, shown, set and corrected (never deleted). */
export default {
  list: AcquisitionSpendList,
  show: AcquisitionSpendShow,
  create: AcquisitionSpendCreate,
  edit: AcquisitionSpendEdit,
  icon: CampaignIcon,
};
