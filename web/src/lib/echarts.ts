// ECharts is imported piece by piece: only bar charts, the components they use (the legend for the
// stacked 预警 trend) and the canvas renderer end up in the bundle (the full build is several times
// larger).
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
// 评价: the radar of indicator ranks.
echarts.use([RadarChart, RadarComponent]);

export { echarts };
