export { openStore, allMigrations } from './store';
export { demoPipeline, runPipeline, type PipelineStage, type DemoPortfolio } from './pipeline';
export { ensureConsoleBuilt } from './console-build';
