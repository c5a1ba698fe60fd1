import { Route, Routes } from 'react-router-dom';
import { createTagEndpoint } from '../../../../src/tags/schema';
import { RoleGate } from '../../components/RoleGate';
import { TagCatalogue } from './TagCatalogue';
import { TagEditorPage } from './TagEditorPage';

/** 标签管理: the catalogue (with a detail drawer) and the editor for custom tags, under /tags. */
export function TagsPage() {
  return (
    <Routes>
      <Route index element={<TagCatalogue />} />
      <Route
        path="new"
        element={
          <RoleGate endpoint={createTagEndpoint}>
            <TagEditorPage />
          </RoleGate>
        }
      />
      <Route
        path=":code/edit"
        element={
          <RoleGate endpoint={createTagEndpoint}>
            <TagEditorPage />
          </RoleGate>
        }
      />
    </Routes>
  );
}
