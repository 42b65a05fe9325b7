import { useMemo } from 'react';
import { EChart } from './EChart';
import { buildTimelineOption, timelineHeight, type TimelineSpec } from './timeline';

/** A timeline spec drawn as stacked panels (vitals, labs, treatments …). */
export function TimelineChart({ spec, label, testId }: { spec: TimelineSpec; label: string; testId?: string }) {
  const option = useMemo(() => buildTimelineOption(spec), [spec]);
  return <EChart option={option} height={timelineHeight(spec)} ariaLabel={label} testId={testId} />;
}
