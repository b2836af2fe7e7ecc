import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useListContext, useNotify, useTranslate } from 'react-admin';
import { customerExportUrl, downloadCustomerExport } from '../dataProvider/customerExport';
import { messageOf } from '../shared/writeErrors';

/** Hands a downloaded file to the browser to save. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Exports every customer the list's current filter selects, in its current order, as CSV (the API
 * streams all of them, not the page shown). The API's refusal is shown in its own words.
 */
export const ExportCsvButton = () => {
  const { filterValues, sort } = useListContext();
  const notify = useNotify();
  const translate = useTranslate();
  const [exporting, setExporting] = useState(false);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const { blob, fileName } = await downloadCustomerExport(customerExportUrl(filterValues ?? {}, sort));
      saveFile(blob, fileName);
    } catch (error) {
      const message = messageOf(error);
      notify('customer360.export.failed', { type: 'error', autoHideDuration: null, messageArgs: { message: translate(message, { _: message }) } });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Button size="small" startIcon={<DownloadIcon />} disabled={exporting} onClick={() => void exportCsv()} data-testid="export-csv">
      {translate(exporting ? 'customer360.export.exporting' : 'customer360.export.button')}
    </Button>
  );
};
