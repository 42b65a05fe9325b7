// Option types for the ECharts parts Vigil registers (see echarts.ts). Type-only: importing this module
// loads no chart code, so the option builders stay plain functions that unit tests can call in Node.
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
>;

export type { BarSeriesOption, LineSeriesOption };
