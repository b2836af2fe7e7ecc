import { describe, expect, it } from 'vitest';
import { bulkProblems, tagList, toBulkUpdateInput } from './customerBulk';
import { customerExportUrl, exportErrorMessage, exportFileName } from './customerExport';

describe('bulk work on selected customers', () => {
  it('sends one change for every selected customer; no owner clears it', () => {
    expect(toBulkUpdateInput(['a', 'b'], { kind: 'owner', ownerId: 's1' })).toEqual({ ids: ['a', 'b'], ownerId: 's1' });
    expect(toBulkUpdateInput(['a'], { kind: 'owner', ownerId: null })).toEqual({ ids: ['a'], clearOwner: true });
    expect(toBulkUpdateInput(['a'], { kind: 'tagsAdd', tags: tagList([' vip ', 'vip', '']) })).toEqual({ ids: ['a'], tagsAdd: ['vip'] });
    expect(toBulkUpdateInput(['a'], { kind: 'lifecycleStage', lifecycleStage: 'CUSTOMER' })).toEqual({ ids: ['a'], lifecycleStage: 'CUSTOMER' });
  });

  it('ties each userError to the customer it names by position, and keeps other fields by name', () => {
    const problems = bulkProblems(
      ['a', 'b', 'c', 'd'],
      [
        { field: ['input', 'ids', '3'], message: 'cannot go from CHURNED to LEAD', code: 'INVALID_TRANSITION' },
        { field: ['input', 'ids', '1', 'tagsAdd', '0'], message: 'would exceed 20 tags', code: 'INVALID' },
        { field: ['input', 'ownerId'], message: 'is not an active staff member', code: 'NOT_FOUND' },
        { field: null, message: 'at most 500 customers at once', code: 'INVALID' },
      ],
    );
    expect(problems).toEqual([
      { customerId: 'd', field: null, message: 'cannot go from CHURNED to LEAD', code: 'INVALID_TRANSITION' },
      { customerId: 'b', field: 'tagsAdd', message: 'would exceed 20 tags', code: 'INVALID' },
      { customerId: null, field: 'ownerId', message: 'is not an active staff member', code: 'NOT_FOUND' },
      { customerId: null, field: null, message: 'at most 500 customers at once', code: 'INVALID' },
    ]);
  });
});

describe('the CSV export', () => {
  it("asks for the list's current filter and order as the customers query's JSON inputs", () => {
    const url = customerExportUrl({ q: ' acme ', churnRisk: ['HIGH'], lifetimeValueMin: '1500.50' }, { field: 'lifetimeValue', order: 'DESC' });
    const [path, search] = url.split('?');
    const params = new URLSearchParams(search);
    expect(path).toBe('/export/customers.csv');
    expect(JSON.parse(params.get('filter')!)).toEqual({ search: 'acme', churnRisks: ['HIGH'], lifetimeValueMin: '1500.50' });
    expect(JSON.parse(params.get('orderBy')!)).toEqual({ field: 'LIFETIME_VALUE', direction: 'DESC' });
    expect(new URLSearchParams(customerExportUrl({}, { field: 'email', order: 'ASC' }).split('?')[1]).has('orderBy')).toBe(false);
  });

  it("names the file as the API does, and words the API's JSON error with the argument it names", () => {
    expect(exportFileName('attachment; filename="customers-20260301-101500.csv"')).toBe('customers-20260301-101500.csv');
    expect(exportFileName(null)).toBe('customers.csv');
    expect(exportErrorMessage({ errors: [{ message: 'must be JSON', extensions: { code: 'INVALID', field: ['filter'] } }] }, 400)).toBe('filter: must be JSON');
  });
});
