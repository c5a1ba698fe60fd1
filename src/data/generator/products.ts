// The card products of the demo bank. Codes are stable: tests, offers and segments refer to them.
export interface Product {
  readonly product_code: string;
  readonly name_zh: string;
  readonly name_en: string;
  readonly tier: 'classic' | 'gold' | 'platinum' | 'diamond';
  readonly cobrand: 'none' | 'airline' | 'supermarket' | 'ecommerce';
  readonly annual_fee: number;
  /** Credit limit before the income factor (CNY). */
  readonly base_limit: number;
  /** The category a co-branded card is reached for first. */
  readonly home_category: string;
}

// Order matters: personas.ts weights products in this order.
export const products: readonly Product[] = [
  { product_code: 'CW-CLS', name_zh: '经典信用卡', name_en: 'Classic Card', tier: 'classic', cobrand: 'none', annual_fee: 0, base_limit: 8_000, home_category: 'none' },
  { product_code: 'CW-GLD', name_zh: '金卡', name_en: 'Gold Card', tier: 'gold', cobrand: 'none', annual_fee: 200, base_limit: 20_000, home_category: 'none' },
  { product_code: 'CW-PLT', name_zh: '白金卡', name_en: 'Platinum Card', tier: 'platinum', cobrand: 'none', annual_fee: 980, base_limit: 60_000, home_category: 'none' },
  { product_code: 'CW-DMD', name_zh: '钻石卡', name_en: 'Diamond Card', tier: 'diamond', cobrand: 'none', annual_fee: 3600, base_limit: 150_000, home_category: 'none' },
  { product_code: 'CW-AIR', name_zh: '航空联名金卡', name_en: 'Airline Co-brand Gold Card', tier: 'gold', cobrand: 'airline', annual_fee: 480, base_limit: 25_000, home_category: 'travel' },
  { product_code: 'CW-AIRP', name_zh: '航空联名白金卡', name_en: 'Airline Co-brand Platinum Card', tier: 'platinum', cobrand: 'airline', annual_fee: 1800, base_limit: 80_000, home_category: 'travel' },
  { product_code: 'CW-SUP', name_zh: '超市联名卡', name_en: 'Supermarket Co-brand Card', tier: 'classic', cobrand: 'supermarket', annual_fee: 100, base_limit: 10_000, home_category: 'supermarket' },
  { product_code: 'CW-ECO', name_zh: '电商联名卡', name_en: 'E-commerce Co-brand Card', tier: 'classic', cobrand: 'ecommerce', annual_fee: 0, base_limit: 8_000, home_category: 'online_shopping' },
];
