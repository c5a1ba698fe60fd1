import type { TagDefinition } from '../definition-schema';
import { basicTags } from './basic';
import { behaviourTags } from './behaviour';
import { channelTags } from './channel';
import { interestTags } from './interest';
import { lifecycleTags } from './lifecycle';
import { riskTags } from './risk';
import { valueTags } from './value';

/**
 * The built-in tag library: every tag a refresh computes unless a custom tag of the same code overrides it.
 * Persona is deliberately absent: it comes from clustering in the segments capability, not from a rule.
 */
export const builtinTags: readonly TagDefinition[] = Object.freeze([
  ...basicTags,
  ...behaviourTags,
  ...riskTags,
  ...lifecycleTags,
  ...valueTags,
  ...interestTags,
  ...channelTags,
]);
