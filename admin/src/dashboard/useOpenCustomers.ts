import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { customerListPath, type CustomerListFilter } from './drillDown';

/** Opens the customers list filtered to the customers behind a bar or point. */
export function useOpenCustomers(): (filter: CustomerListFilter) => void {
  const navigate = useNavigate();
  return useCallback((filter: CustomerListFilter) => navigate(customerListPath(filter)), [navigate]);
}
