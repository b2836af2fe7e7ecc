import { useMemo } from 'react';
import type { CesScore, CsatScore, NpsScore } from '../graphql/types';
import { useDecimalFormat } from '../shared/decimal';

/**
 * How each score reads in the console's language, from the API's exact decimals; null when there
 * are no answers (shown as "No answers yet", never as 0).
 */
export function useScoreText() {
  const formatDecimal = useDecimalFormat();
  return useMemo(
    () => ({
      csat: (csat: CsatScore) => (csat.score === null ? null : `${formatDecimal(csat.score)}%`),
      nps: (nps: NpsScore) => (nps.score === null ? null : formatDecimal(nps.score)),
      ces: (ces: CesScore) => (ces.average === null ? null : formatDecimal(ces.average)),
    }),
    [formatDecimal],
  );
}

/** The most a survey kind's answer can score (the least is 1, or 0 for NPS). */
export const SCALE_MAX = { CSAT: 5, NPS: 10, CES: 7 } as const;
