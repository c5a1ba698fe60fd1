// The 360° sections as the page receives them, narrowed to their available shape for the components.
import type { z } from 'zod';
import type {
  CustomerView,
  consentsSectionSchema,
  interactionsSectionSchema,
  messagesSectionSchema,
  tagsSectionSchema,
  bureauSectionSchema,
} from '../../../../src/profiles/schema';

type Available<S> = Extract<S, { available: true }>;

export type SpendingData = Available<CustomerView['spending']>;
export type AccountsData = Available<CustomerView['accounts']>;
export type StatementsData = Available<CustomerView['statements']>;
export type SegmentsData = Available<CustomerView['segments']>;
export type ModelsData = Available<CustomerView['models']>;
export type TagsData = Available<z.infer<typeof tagsSectionSchema>>;
export type InteractionsData = Available<z.infer<typeof interactionsSectionSchema>>;
export type MessagesData = Available<z.infer<typeof messagesSectionSchema>>;
export type ConsentsData = Available<z.infer<typeof consentsSectionSchema>>;
export type BureauData = Available<z.infer<typeof bureauSectionSchema>>;
