import { CreateButton, ExportButton, FilterButton, TopToolbar, useListContext, useResourceDefinition } from 'react-admin';
import { SavedFiltersButton } from './SavedFiltersButton';
import type { SavedFilterResource } from './savedFiltersApi';

/**
 * react-admin's default list toolbar (filter, create, export as the list allows) with the saved
 * filters menu, for lists that need nothing else there. react-admin's own "save current query"
 * (kept in this browser only) is switched off: the saved filters menu replaces it. `filterButton`
 * false: for a list whose filters are all always shown (the handoff inbox).
 */
export const SavedFiltersListActions = ({ resource, filterButton = true }: { resource: SavedFilterResource; filterButton?: boolean }) => {
  const { exporter, total } = useListContext();
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      {filterButton && <FilterButton disableSaveQuery />}
      <SavedFiltersButton resource={resource} />
      {hasCreate && <CreateButton />}
      {exporter !== false && <ExportButton disabled={total === 0} />}
    </TopToolbar>
  );
};
