import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnavailableSection } from '../../../../src/profiles/schema';

interface SectionViewProps<T> {
  readonly section: ({ readonly available: true } & T) | UnavailableSection;
  readonly children: (section: { readonly available: true } & T) => ReactNode;
}

/** A 360° section, or the server's reason it has nothing to show (no data yet, capability not there yet). */
export function SectionView<T>({ section, children }: SectionViewProps<T>) {
  const { i18n } = useTranslation();
  if (!section.available) {
    return (
      <Alert
        type="info"
        showIcon
        title={i18n.language === 'en-US' ? section.reason['en-US'] : section.reason['zh-CN']}
      />
    );
  }
  return <>{children(section)}</>;
}
