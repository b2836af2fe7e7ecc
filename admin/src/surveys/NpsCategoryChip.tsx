import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { enumLabelKey, type NpsCategory } from '../graphql/enums';

const colors = { PROMOTER: 'success', PASSIVE: 'default', DETRACTOR: 'error' } as const;

/** The category of an NPS answer (promoter, passive, detractor) as a coloured chip. */
export const NpsCategoryChip = ({ category }: { category: NpsCategory }) => {
  const translate = useTranslate();
  return <Chip size="small" color={colors[category]} label={translate(enumLabelKey('NpsCategory', category))} data-testid="nps-latest-category" />;
};
