export { SavedFiltersButton } from './SavedFiltersButton';
export { SavedFiltersListActions } from './SavedFiltersListActions';
export type { SavedFilter, SavedFilterResource } from './savedFiltersApi';
