import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import { enumLabelKey } from '../graphql/enums';
import type { HealthFactor } from '../graphql/types';
import { useDecimalFormat } from '../shared/decimal';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Why a health factor gave its points, in the console's language, from what the API measured
 * (`rawValue`: "ACTIVE"/"CHURNED", an NPS category, a CSAT share, days since the last interaction,
 * open breaches, "recent vs previous" spend). The API's own `explanation` (English, for integrators)
 * is the fallback for anything this does not recognise.
 */
export function useFactorExplanation(): (factor: HealthFactor) => string {
  const translate = useTranslate();
  const formatDecimal = useDecimalFormat();
  return useCallback(
    (factor: HealthFactor) => {
      const key = (name: string) => `customer360.health.explanations.${name}`;
      const raw = factor.rawValue;
      switch (factor.name) {
        case 'LIFECYCLE':
          if (raw === 'CHURNED') return translate(key('churned'));
          if (raw === 'ACTIVE') return translate(key('not_churned'));
          break;
        case 'LATEST_NPS':
          if (raw === null) return translate(key('no_nps'));
          return translate(key('latest_nps'), { category: translate(enumLabelKey('NpsCategory', raw), { _: raw }) });
        case 'RECENT_CSAT':
          if (raw === null) return translate(key('no_csat'));
          if (DECIMAL.test(raw)) return translate(key('csat'), { percent: formatDecimal(raw) });
          break;
        case 'ENGAGEMENT':
          if (raw === null) return translate(key('no_interaction'));
          if (/^\d+$/.test(raw)) return translate(key('last_interaction'), { smart_count: Number(raw) });
          break;
        case 'OPEN_SLA_BREACHES':
          if (raw === '0') return translate(key('no_breach'));
          if (raw !== null && /^\d+$/.test(raw)) return translate(key('breaches'), { smart_count: Number(raw) });
          break;
        case 'SPEND_TREND': {
          const [recent, previous] = raw?.split(' vs ') ?? [];
          if (recent && previous && DECIMAL.test(recent) && DECIMAL.test(previous)) {
            return translate(key('spend'), { recent: formatDecimal(recent), previous: formatDecimal(previous) });
          }
          break;
        }
      }
      return factor.explanation;
    },
    [translate, formatDecimal],
  );
}
