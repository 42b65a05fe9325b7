import { useEffect, useRef } from 'react';
import { echarts } from './echarts';
import type { ChartOption } from './types';

interface Props {
  option: ChartOption;
  /** CSS height of the chart (the width follows the container). */
  height: number | string;
  /** Short description for screen readers; the chart itself is an image to them. */
  ariaLabel: string;
  testId?: string;
  className?: string;
  /**
   * Charts sharing a group id move their axis pointer and tooltip together (echarts.connect), e.g. the
   * panels of one patient timeline.
   */
  group?: string;
}

/**
 * A thin React wrapper around one ECharts instance: created on mount, given the new option whenever it
 * changes (replacing, not merging, so removed series disappear), resized with the window and its container,
 * disposed on unmount.
 */
export function EChart({ option, height, ariaLabel, testId, className, group }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.EChartsType | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    // SVG: crisp at any zoom, and the text (axis names, marker labels) stays in the DOM.
    const chart = echarts.init(container, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    const resize = () => {
      if (!chart.isDisposed()) chart.resize();
    };
    window.addEventListener('resize', resize);
    // The container also changes size without the window doing so (a <details> opening, a layout change).
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(container);
    return () => {
      window.removeEventListener('resize', resize);
      observer?.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || !group) return undefined;
    chart.group = group;
    echarts.connect(group);
    return () => {
      chart.group = '';
    };
  }, [group]);

  useEffect(() => {
    chartRef.current?.resize();
  }, [height]);

  return (
    <div
      ref={containerRef}
      className={className ? `echart ${className}` : 'echart'}
      style={{ height }}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
    />
  );
}
