import RateReviewIcon from '@mui/icons-material/RateReview';
import { SurveyResponseList } from './SurveyResponseList';
import { SurveyResponseShow } from './SurveyResponseShow';

/** Survey answers across customers: listed and shown (recorded from a customer's 360 page). */
export default {
  list: SurveyResponseList,
  show: SurveyResponseShow,
  icon: RateReviewIcon,
};
