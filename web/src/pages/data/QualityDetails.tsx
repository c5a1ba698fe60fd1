import { Col, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QualityReport } from '../../../../src/data/schema';
import { formatCount } from '../../app/format';
import { ShareBar } from '../../components/ShareBar';

/** Per-column figures behind one report's dimension scores, shown when its row is expanded. */
export function QualityDetails({ report }: { readonly report: QualityReport }) {
  const { t, i18n } = useTranslation();
  const count = (n: number) => formatCount(n, i18n.language);
  return (
    <Row gutter={24}>
      <Col xs={24} lg={8}>
        <Typography.Title level={5}>{t('data.quality.completeness')}</Typography.Title>
        <Table
          size="small"
          pagination={false}
          rowKey="column"
          dataSource={report.completeness}
          columns={[
            { key: 'c', title: t('data.quality.column'), render: (_, r) => <code>{r.column}</code> },
            { key: 's', title: t('data.quality.share'), render: (_, r) => <ShareBar share={r.share} /> },
          ]}
        />
      </Col>
      <Col xs={24} lg={8}>
        <Typography.Title level={5}>{t('data.quality.validity')}</Typography.Title>
        <Table
          size="small"
          pagination={false}
          rowKey="column"
          dataSource={report.validity}
          columns={[
            { key: 'c', title: t('data.quality.column'), render: (_, r) => <code>{r.column}</code> },
            { key: 's', title: t('data.quality.share'), render: (_, r) => <ShareBar share={r.share} /> },
          ]}
        />
      </Col>
      <Col xs={24} lg={8}>
        <Typography.Title level={5}>{t('data.quality.integrity')}</Typography.Title>
        <Table
          size="small"
          pagination={false}
          rowKey="column"
          dataSource={report.integrity}
          columns={[
            { key: 'c', title: t('data.quality.references'), render: (_, r) => <code>{`${r.column} → ${r.references}`}</code> },
            { key: 'o', title: t('data.quality.orphans'), align: 'right', render: (_, r) => count(r.orphans) },
            { key: 's', title: t('data.quality.share'), render: (_, r) => <ShareBar share={r.share} /> },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('data.quality.uniqueness')}: {report.uniqueness.key.join(', ')} · {count(report.uniqueness.duplicateRows)} / {count(report.uniqueness.rows)}
        </Typography.Paragraph>
      </Col>
    </Row>
  );
}
