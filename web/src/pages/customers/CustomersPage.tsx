import { Route, Routes } from 'react-router-dom';
import { Customer360Page } from './Customer360Page';
import { CustomerSearchPage } from './CustomerSearchPage';

/** 客户 360: search, then one customer's page, under /customers. */
export function CustomersPage() {
  return (
    <Routes>
      <Route index element={<CustomerSearchPage />} />
      <Route path=":id" element={<Customer360Page />} />
    </Routes>
  );
}
