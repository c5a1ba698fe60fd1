import { spendCategories, type SpendCategory } from '../contract/enums';

// Personas are the latent types the portfolio is drawn from. Each drives who the customer is (age, income),
// how the card is used (rate, ticket, category mix, channels, overseas, instalments, hours), how it is
// repaid, how much the app is used, and the baseline of the latent churn propensity. Models never see the
// persona; they see its behaviour.

export const personaCodes = [
  'young_online_shopper',
  'business_traveller',
  'young_family',
  'foodie',
  'revolver',
  'transactor',
  'dormant',
  'high_value',
] as const;
export type PersonaCode = (typeof personaCodes)[number];

export interface Persona {
  readonly code: PersonaCode;
  /** Share of the population. */
  readonly share: number;
  readonly ageMean: number;
  readonly ageSd: number;
  /** Added to the income band index (0 = <5k … 4 = >50k) before noise. */
  readonly incomeShift: number;
  readonly femaleShare: number;
  /** Mean transactions per month before the customer's own lognormal activity factor. */
  readonly txnRate: number;
  /** Ticket-size multiplier on every merchant's typical amount. */
  readonly ticket: number;
  /** Online merchants: share paid in the bank's or a wallet's app (mobile) rather than on the web. */
  readonly mobileShare: number;
  /** Offline merchants: share paid by QR code, and by phone (NFC, 'mobile'). */
  readonly qrShare: number;
  readonly nfcShare: number;
  readonly overseasShare: number;
  /** Probability that a large eligible purchase is split into instalments. */
  readonly installmentShare: number;
  /** Probability that a month's statement is paid in full. */
  readonly fullPay: number;
  /** Shift of the latent credit risk (standard normal units). */
  readonly risk: number;
  /** Intercept of the churn-propensity logit. */
  readonly churnLogit: number;
  /** App events per month. */
  readonly appRate: number;
  readonly secondCard: number;
  /** Share of transactions pulled to the customer's own favourite category (individual taste). */
  readonly favouriteShare: number;
  readonly hours: 'night' | 'evening' | 'business' | 'day';
  /**
   * Relative weights over spendCategories, in that order, on the number of transactions. Tickets differ 20-fold
   * between categories, so these were solved from target shares of spend by amount (README: Spend mix).
   */
  readonly mix: readonly number[];
  /** Relative weights over products, in the order of products.ts. */
  readonly products: readonly number[];
}

const p = (persona: Persona): Persona => persona;

//                       din tra sho onl sup ent hea edu mom fue trn uti aut cas fin oth
export const personas: readonly Persona[] = [
  p({ code: 'young_online_shopper', share: 0.18, ageMean: 26, ageSd: 4, incomeShift: -0.5, femaleShare: 0.55, txnRate: 8,
    ticket: 0.7, mobileShare: 0.5, qrShare: 0.35, nfcShare: 0.15, overseasShare: 0.01, installmentShare: 0.25, fullPay: 0.55,
    risk: 0.3, churnLogit: -1.5, appRate: 3, secondCard: 0.15, favouriteShare: 0.15, hours: 'night',
    mix: [23, 0.5, 2.4, 47, 6.7, 5.6, 0.9, 0.4, 0, 0.4, 8.7, 3.8, 0, 0.3, 0.1, 1], products: [35, 10, 1, 0, 2, 0, 5, 47] }),
  p({ code: 'business_traveller', share: 0.08, ageMean: 38, ageSd: 7, incomeShift: 1.2, femaleShare: 0.35, txnRate: 7,
    ticket: 1.6, mobileShare: 0.3, qrShare: 0.15, nfcShare: 0.2, overseasShare: 0.08, installmentShare: 0.05, fullPay: 0.9,
    risk: -0.3, churnLogit: -2.1, appRate: 1.6, secondCard: 0.45, favouriteShare: 0.1, hours: 'business',
    mix: [32.5, 15.6, 3.1, 11.1, 5.7, 4, 1, 0.6, 0, 4.6, 17.2, 2.9, 1.1, 0.1, 0.2, 0.4], products: [5, 15, 25, 5, 30, 20, 0, 0] }),
  p({ code: 'young_family', share: 0.16, ageMean: 35, ageSd: 5, incomeShift: 0.5, femaleShare: 0.55, txnRate: 7.5,
    ticket: 1, mobileShare: 0.35, qrShare: 0.3, nfcShare: 0.15, overseasShare: 0.015, installmentShare: 0.15, fullPay: 0.75,
    risk: 0, churnLogit: -2.3, appRate: 1.8, secondCard: 0.3, favouriteShare: 0.12, hours: 'day',
    mix: [19.1, 0.2, 2.5, 16.6, 24.5, 3.9, 2.4, 3.9, 11.3, 4.3, 4, 5.3, 1, 0.1, 0.2, 1], products: [20, 25, 8, 1, 3, 1, 40, 2] }),
  p({ code: 'foodie', share: 0.14, ageMean: 30, ageSd: 6, incomeShift: 0.2, femaleShare: 0.5, txnRate: 8.5,
    ticket: 0.9, mobileShare: 0.35, qrShare: 0.4, nfcShare: 0.15, overseasShare: 0.02, installmentShare: 0.05, fullPay: 0.75,
    risk: -0.1, churnLogit: -1.9, appRate: 2, secondCard: 0.2, favouriteShare: 0.1, hours: 'evening',
    mix: [59.3, 0.4, 2.4, 10.3, 9.4, 5.1, 0.8, 0.4, 0.4, 2.1, 5.4, 2.6, 0.7, 0.1, 0.1, 0.5], products: [35, 35, 10, 1, 4, 1, 6, 8] }),
  p({ code: 'revolver', share: 0.12, ageMean: 33, ageSd: 8, incomeShift: -0.2, femaleShare: 0.45, txnRate: 6,
    ticket: 1, mobileShare: 0.3, qrShare: 0.3, nfcShare: 0.1, overseasShare: 0.01, installmentShare: 0.35, fullPay: 0.08,
    risk: 0.9, churnLogit: -1.7, appRate: 1.6, secondCard: 0.25, favouriteShare: 0.12, hours: 'day',
    mix: [24.2, 0.3, 6.4, 28.2, 13.7, 4.2, 2, 1, 1.6, 3.5, 4.2, 5.6, 1.8, 1.6, 0.3, 1.5], products: [45, 25, 5, 0, 3, 0, 10, 12] }),
  p({ code: 'transactor', share: 0.16, ageMean: 42, ageSd: 9, incomeShift: 0.6, femaleShare: 0.5, txnRate: 6.5,
    ticket: 1, mobileShare: 0.25, qrShare: 0.3, nfcShare: 0.15, overseasShare: 0.02, installmentShare: 0.02, fullPay: 0.96,
    risk: -0.6, churnLogit: -2.4, appRate: 1.2, secondCard: 0.25, favouriteShare: 0.12, hours: 'day',
    mix: [25, 1.5, 3.8, 21.4, 18.4, 3.4, 2.1, 1, 1, 6.6, 7, 5.8, 1.8, 0.1, 0.3, 0.9], products: [25, 35, 20, 2, 6, 2, 8, 2] }),
  p({ code: 'dormant', share: 0.1, ageMean: 45, ageSd: 12, incomeShift: 0, femaleShare: 0.5, txnRate: 0.6,
    ticket: 0.8, mobileShare: 0.2, qrShare: 0.2, nfcShare: 0.1, overseasShare: 0.005, installmentShare: 0.02, fullPay: 0.9,
    risk: 0, churnLogit: -0.8, appRate: 0.3, secondCard: 0.05, favouriteShare: 0.05, hours: 'day',
    mix: [18.9, 0.3, 3.5, 16.8, 20.3, 2.2, 3.1, 0.7, 0.4, 7.3, 6.7, 18, 0.7, 0.3, 0.3, 0.7], products: [55, 25, 5, 0, 3, 0, 7, 5] }),
  p({ code: 'high_value', share: 0.06, ageMean: 45, ageSd: 8, incomeShift: 2.2, femaleShare: 0.45, txnRate: 9,
    ticket: 2.4, mobileShare: 0.3, qrShare: 0.1, nfcShare: 0.3, overseasShare: 0.12, installmentShare: 0.05, fullPay: 0.97,
    risk: -0.8, churnLogit: -2.6, appRate: 1.5, secondCard: 0.55, favouriteShare: 0.1, hours: 'business',
    mix: [31.6, 6.3, 9.7, 19.9, 7.5, 7.1, 2.9, 1.4, 0.7, 3.8, 4.9, 1.6, 2.1, 0.1, 0.3, 0.2], products: [0, 5, 35, 35, 5, 20, 0, 0] }),
];

/** Rows (persona, category, weight) for the category slot table. */
export function personaMixRows(): { grp: string; item: string; weight: number }[] {
  return personas.flatMap((persona) =>
    spendCategories.map((category: SpendCategory, i) => ({ grp: persona.code, item: category, weight: persona.mix[i] ?? 0 })),
  );
}
