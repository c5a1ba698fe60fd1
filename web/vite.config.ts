import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// echarts and antd are large and change less often than the pages: separate chunks cache across releases.
// Priorities keep react-dom out of the antd chunk, which would otherwise pull it in as a dependency.
const vendorGroups = [
  { name: 'react', priority: 4, test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
  { name: 'echarts', priority: 3, test: /node_modules[\\/](echarts|zrender|echarts-for-react)[\\/]/ },
  { name: 'antd', priority: 2, test: /node_modules[\\/](antd|@ant-design|@rc-component|@emotion|dayjs)[\\/]/ },
  // Everything else from npm: zod, react-query, i18next.
  { name: 'vendor', priority: 1, test: /node_modules[\\/]/ },
];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } },
  },
  server: {
    port: 5173,
    // The console imports the capabilities' browser-safe schema.ts files from ../src.
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
