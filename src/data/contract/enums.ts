// Closed vocabularies of the contract. The console labels them in zh-CN and English.
export const genders = ['M', 'F'] as const;
export const cardTiers = ['classic', 'gold', 'platinum', 'diamond'] as const;
export const cobrands = ['none', 'airline', 'supermarket', 'ecommerce', 'travel', 'automotive'] as const;
export const accountStatuses = ['active', 'dormant', 'frozen', 'collections', 'closed'] as const;
export const txnChannels = ['online', 'offline', 'mobile', 'qr'] as const;
export const contactChannels = ['app_push', 'sms', 'wechat', 'email', 'call_centre', 'branch'] as const;
export const consentPurposes = ['marketing', 'service', 'risk'] as const;
export const consentStatuses = ['granted', 'withdrawn'] as const;
export const interactionCategories = ['inquiry', 'complaint', 'cancellation_request', 'limit_request', 'dispute'] as const;
export const interactionChannels = ['phone', 'app_chat', 'wechat', 'branch', 'email'] as const;
export const incomeBands = ['<5k', '5k-10k', '10k-20k', '20k-50k', '>50k'] as const;
export const educations = ['high_school', 'college', 'bachelor', 'master', 'doctorate', 'other'] as const;
export const maritalStatuses = ['single', 'married', 'divorced', 'widowed'] as const;
export const acquisitionChannels = ['branch', 'online', 'app', 'telesales', 'partner', 'referral'] as const;
export const messageStatuses = ['queued', 'sent', 'delivered', 'failed', 'opened', 'clicked', 'converted'] as const;

/**
 * Spend categories derived from the merchant category code (ISO 18245); mcc-categories.csv maps codes and
 * ranges to them. `travel` covers airlines, hotels, agencies, rail and car rental; tags that need airlines or
 * hotels alone filter on the MCC.
 */
export const spendCategories = [
  'dining',
  'travel',
  'shopping',
  'online_shopping',
  'supermarket',
  'entertainment',
  'health',
  'education',
  'mother_baby',
  'fuel',
  'transport',
  'utilities',
  'automotive',
  'cash',
  'financial',
  'other',
] as const;
export type SpendCategory = (typeof spendCategories)[number];

/** What a category is called in reports and descriptions written by the server (the console has its own i18n). */
export const spendCategoryNames: Readonly<Record<SpendCategory, { readonly zh: string; readonly en: string }>> = {
  dining: { zh: '餐饮美食', en: 'dining' },
  travel: { zh: '差旅出行', en: 'travel' },
  shopping: { zh: '百货购物', en: 'shopping' },
  online_shopping: { zh: '网络购物', en: 'online shopping' },
  supermarket: { zh: '商超便利', en: 'supermarkets' },
  entertainment: { zh: '休闲娱乐', en: 'entertainment' },
  health: { zh: '医疗健康', en: 'health' },
  education: { zh: '教育培训', en: 'education' },
  mother_baby: { zh: '母婴亲子', en: 'mother and baby' },
  fuel: { zh: '加油', en: 'fuel' },
  transport: { zh: '交通', en: 'transport' },
  utilities: { zh: '生活缴费', en: 'utilities' },
  automotive: { zh: '汽车服务', en: 'automotive' },
  cash: { zh: '取现', en: 'cash' },
  financial: { zh: '金融服务', en: 'financial services' },
  other: { zh: '其他', en: 'other' },
};
