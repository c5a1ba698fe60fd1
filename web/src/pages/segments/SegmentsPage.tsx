import { Route, Routes } from 'react-router-dom';
import { createSegmentEndpoint } from '../../../../src/segments/schema';
import { RoleGate } from '../../components/RoleGate';
import { SegmentBuilderPage } from './SegmentBuilderPage';
import { SegmentDetailPage } from './SegmentDetailPage';
import { SegmentsHome } from './SegmentsHome';

/** 客群洞察: segments and overlap, built-in segmentations, the builder, one segment's history, under /segments. */
export function SegmentsPage() {
  return (
    <Routes>
      <Route index element={<SegmentsHome />} />
      <Route
        path="new"
        element={
          <RoleGate endpoint={createSegmentEndpoint}>
            <SegmentBuilderPage />
          </RoleGate>
        }
      />
      <Route
        path=":id/edit"
        element={
          <RoleGate endpoint={createSegmentEndpoint}>
            <SegmentBuilderPage />
          </RoleGate>
        }
      />
      <Route path=":id" element={<SegmentDetailPage />} />
    </Routes>
  );
}
