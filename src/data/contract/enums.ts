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
