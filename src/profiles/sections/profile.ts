import { maskCustomer } from '../../security';
import type { CustomerProfile } from '../view-schema';
import type { CustomerRow } from '../customer-store';

/** Whole years or months from `from` to `to` (YYYY-MM-DD), counting a unit only once it is complete. */
function wholeMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** The profile section: personal fields masked unless the view was unmasked (audited by the caller). */
export function customerProfile(row: CustomerRow, asOf: string | null, unmasked: boolean): CustomerProfile {
  const shown = unmasked ? row : maskCustomer(row);
  return {
    customerId: row.customer_id,
    masked: !unmasked,
    name: shown.name,
    phone: shown.phone,
    email: shown.email,
    idHash: shown.id_hash,
    gender: row.gender,
    birthDate: row.birth_date,
    age: asOf && row.birth_date ? Math.floor(wholeMonths(row.birth_date, asOf) / 12) : null,
    city: row.city,
    cityTier: row.city_tier,
    occupation: row.occupation,
    incomeBand: row.income_band,
    education: row.education,
    maritalStatus: row.marital_status,
    acquisitionChannel: row.acquisition_channel,
    customerSince: row.customer_since,
    tenureMonths: asOf ? Math.max(0, wholeMonths(row.customer_since, asOf)) : null,
  };
}
