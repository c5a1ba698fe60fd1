// Chart types beyond the console's base set (src/charts/echarts-setup.ts), registered by the pages that draw
// them: heat maps need a visual map, drift charts mark their PSI bands. echarts.use is idempotent.
import { HeatmapChart } from 'echarts/charts';
import { MarkAreaComponent, MarkLineComponent, VisualMapComponent } from 'echarts/components';
import { echarts } from '../charts/echarts-setup';

let registered = false;

export function registerExtraCharts(): void {
  if (registered) return;
  echarts.use([HeatmapChart, VisualMapComponent, MarkLineComponent, MarkAreaComponent]);
  registered = true;
}
