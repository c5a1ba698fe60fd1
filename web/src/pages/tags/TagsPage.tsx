import { Route, Routes } from 'react-router-dom';
import { TagCatalogue } from './TagCatalogue';
import { TagEditorPage } from './TagEditorPage';

/** 标签管理: the catalogue (with a detail drawer) and the editor for custom tags, under /tags. */
export function TagsPage() {
  return (
    <Routes>
      <Route index element={<TagCatalogue />} />
      <Route path="new" element={<TagEditorPage />} />
      <Route path=":code/edit" element={<TagEditorPage />} />
    </Routes>
  );
}
