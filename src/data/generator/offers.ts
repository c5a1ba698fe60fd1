import type { PersonaCode } from './personas';

/** The offer types whose latent response and uplift are planted in truth_offer_response. */
export const offerTypes = [
  'installment',
  'cashback_dining',
  'travel_miles',
  'annual_fee_waiver',
  'limit_increase',
  'supermarket_coupon',
] as const;
export type OfferType = (typeof offerTypes)[number];

/** The offer each persona looks at most in the app (view_offer events carry it). */
export const offerAffinity: Readonly<Record<PersonaCode, OfferType>> = {
  young_online_shopper: 'installment',
  business_traveller: 'travel_miles',
  young_family: 'supermarket_coupon',
  foodie: 'cashback_dining',
  revolver: 'limit_increase',
  transactor: 'travel_miles',
  dormant: 'annual_fee_waiver',
  high_value: 'travel_miles',
};
