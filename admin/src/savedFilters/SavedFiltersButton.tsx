import BookmarkAddIcon from '@mui/icons-material/BookmarkAdd';
import BookmarksIcon from '@mui/icons-material/Bookmarks';
import CheckIcon from '@mui/icons-material/Check';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { Box, Button, Divider, IconButton, ListItemIcon, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { required, TextInput, useListContext, useNotify, useTranslate } from 'react-admin';
import { FormDialog } from '../shared/FormDialog';
import { messageOf } from '../shared/writeErrors';
import { createSavedFilter, deleteSavedFilter, listSavedFilters, sameFilter, type SavedFilter, type SavedFilterResource } from './savedFiltersApi';

/** The viewer's saved filters of one list, read from the API; `reload` after a change. */
function useSavedFilters(resource: SavedFilterResource) {
  const [filters, setFilters] = useState<SavedFilter[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    listSavedFilters(resource, controller.signal).then(
      (found) => {
        setFilters(found);
        setFailure(null);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setFailure(messageOf(error));
      },
    );
    return () => controller.abort();
  }, [resource, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { filters, failure, reload };
}

/** Filter inputs to show for a filter: every key it sets (inputs not always on are hidden otherwise). */
const displayedFor = (filter: Record<string, unknown>) => Object.fromEntries(Object.keys(filter).map((key) => [key, true]));

/**
 * A list's saved filters, for its toolbar: a menu of the signed-in person's filters for this list
 * (choosing one applies its filter and order, and the URL follows as for any filter change), "Save
 * current filter…" (a name; the API's refusal shows on the name), and a delete button on each.
 * Saved filters live in the API, so they follow the person from browser to browser.
 */
export const SavedFiltersButton = ({ resource }: { resource: SavedFilterResource }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { filterValues, setFilters, setSort, sort } = useListContext();
  const { filters, failure, reload } = useSavedFilters(resource);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [saving, setSaving] = useState(false);

  const apply = (saved: SavedFilter) => {
    setAnchor(null);
    setFilters(saved.filter, displayedFor(saved.filter));
    if (saved.sortField && saved.sortOrder) setSort({ field: saved.sortField, order: saved.sortOrder });
  };

  const remove = async (saved: SavedFilter) => {
    try {
      await deleteSavedFilter(saved.id);
      notify('customer360.saved_filters.deleted', { type: 'info', messageArgs: { name: saved.name } });
    } catch (error) {
      const message = messageOf(error);
      notify('customer360.saved_filters.delete_failed', { type: 'error', messageArgs: { message: translate(message, { _: message }) } });
    }
    reload();
  };

  const active = filters?.find((saved) => sameFilter(saved.filter, filterValues));

  return (
    <>
      <Button
        size="small"
        startIcon={<BookmarksIcon />}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        data-testid="saved-filters-button"
        // A name the person typed is shown as they wrote it, not in the toolbar's capitals.
        sx={active ? { textTransform: 'none', maxWidth: 260 } : undefined}
      >
        <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {active ? active.name : translate('customer360.saved_filters.button')}
        </Box>
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} data-testid="saved-filters-menu">
        {failure !== null && (
          <MenuItem disabled>
            <ListItemText primary={translate('customer360.saved_filters.load_failed', { message: translate(failure, { _: failure }) })} />
          </MenuItem>
        )}
        {filters?.length === 0 && (
          <MenuItem disabled>
            <ListItemText primary={translate('customer360.saved_filters.none')} secondary={translate('customer360.saved_filters.hint')} />
          </MenuItem>
        )}
        {filters?.map((saved) => (
          <MenuItem key={saved.id} onClick={() => apply(saved)} selected={saved.id === active?.id} data-testid="saved-filter" sx={{ pr: 1 }}>
            <ListItemIcon>{saved.id === active?.id ? <CheckIcon fontSize="small" /> : null}</ListItemIcon>
            <ListItemText primary={saved.name} sx={{ mr: 2 }} />
            <Tooltip title={translate('customer360.saved_filters.delete', { name: saved.name })}>
              <IconButton
                size="small"
                edge="end"
                aria-label={translate('customer360.saved_filters.delete', { name: saved.name })}
                onClick={(event) => {
                  event.stopPropagation();
                  void remove(saved);
                }}
              >
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          </MenuItem>
        ))}
        {filters !== null && filters.length > 0 && <Divider />}
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setSaving(true);
          }}
          data-testid="saved-filter-save"
        >
          <ListItemIcon>
            <BookmarkAddIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText primary={translate('customer360.saved_filters.save_current')} />
        </MenuItem>
      </Menu>
      <FormDialog
        open={saving}
        onClose={() => setSaving(false)}
        resource="savedFilters"
        title="customer360.saved_filters.save_title"
        description="customer360.saved_filters.hint"
        submitLabel="customer360.saved_filters.save"
        successMessage="customer360.saved_filters.saved"
        onSubmit={async (values) => {
          await createSavedFilter({ resource, name: values.name, filter: filterValues, sort });
          reload();
        }}
        testId="saved-filter-dialog"
      >
        <TextInput source="name" label="customer360.saved_filters.name" validate={required()} fullWidth autoFocus />
      </FormDialog>
    </>
  );
};
