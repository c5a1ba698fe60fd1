import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExprCatalog } from '../../../../src/core/schema';
import { personasEndpoint } from '../../../../src/segments/schema';
import { listTagsEndpoint, tagDimensions, type TagType } from '../../../../src/tags/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { tagCatalog } from '../../components/tag-catalog';
import type { TypeOf } from './rule-model';

export interface TagOption {
  readonly value: string;
  readonly label: string;
  /** Lower-cased code and names, matched by the tag picker's search. */
  readonly search: string;
}

/** What the builder can offer: tags by dimension, their types, persona codes, and the checker's catalogue. */
export interface BuilderVocabulary {
  readonly ready: boolean;
  readonly typeOf: TypeOf;
  readonly tagOptions: ReadonlyArray<{ readonly label: string; readonly options: readonly TagOption[] }>;
  readonly personas: readonly string[];
  readonly catalog: ExprCatalog | null;
  readonly nameOf: (code: string) => string;
}

export function useBuilderVocabulary(): BuilderVocabulary {
  const { t, i18n } = useTranslation();
  const tags = useEndpoint(listTagsEndpoint, {}, { staleTime: 60_000 });
  const personas = useEndpoint(personasEndpoint, {}, { staleTime: 60_000 });
  const list = tags.data?.tags;
  const types = useMemo(() => {
    const map = new Map<string, TagType>((list ?? []).map((tag) => [tag.code, tag.type]));
    // Rule-only names (src/segments/catalog.ts): persona from clustering, RFM scores derived when missing.
    if (!map.has('persona')) map.set('persona', 'enum');
    for (const code of ['rfm_r_score', 'rfm_f_score', 'rfm_m_score'])
      if (!map.has(code)) map.set(code, 'number');
    return map;
  }, [list]);
  const typeOf = useCallback((code: string) => types.get(code), [types]);
  const english = i18n.language === 'en-US';
  const tagOptions = useMemo(() => {
    const option = (code: string, name: string): TagOption => ({
      value: code,
      label: `${name} · ${code}`,
      search: `${code} ${name}`.toLowerCase(),
    });
    const groups = tagDimensions.map((dimension) => ({
      label: t(`dimension.${dimension}`),
      options: (list ?? [])
        .filter((tag) => tag.dimension === dimension)
        .map((tag) => option(tag.code, english ? tag.name_en : tag.name_zh)),
    }));
    return [
      ...groups.filter((g) => g.options.length > 0),
      { label: t('segments.builder.segmentFields'), options: [option('persona', t('segments.persona'))] },
    ];
  }, [list, english, t]);
  const names = useMemo(
    () => new Map((list ?? []).map((tag) => [tag.code, english ? tag.name_en : tag.name_zh])),
    [list, english],
  );
  const catalog = useMemo(() => (list ? tagCatalog(list, true) : null), [list]);
  return {
    ready: list !== undefined,
    typeOf,
    tagOptions,
    personas: personas.data?.run?.clusters.map((c) => c.code) ?? [],
    catalog,
    nameOf: (code) => (code === 'persona' ? t('segments.persona') : (names.get(code) ?? code)),
  };
}
