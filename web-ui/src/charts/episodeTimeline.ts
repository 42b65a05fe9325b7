// One episode (patient trajectory) as timeline specs: vitals and labs as small multiples per feature group,
// treatments (IV fluid bars, vasopressor step line) on two value axes, sepsis onset and death as markers.
import type { Episode } from '../api/types';
import { featureLabel, groupFeatures, treatmentStyle, type FeatureGroup } from './featureGroups';
import {
  TIMELINE_COLORS,
  type TimelineLayout,
  type TimelineMarker,
  type TimelinePanel,
  type TimelineSeries,
  type TimelineSpec,
  type TimelineX,
} from './timeline';
import { displayUnit } from './units';

export const ANCHOR_COLOR = '#a3261c';
export const DEATH_COLOR = '#1b2430';
export const FLUID_COLOR = '#2f7fc1';
export const VASOPRESSOR_COLOR = '#c2410c';

/** Margins shared by every chart of the timeline, so that their x axes line up one under the other. */
export const EPISODE_LAYOUT: Partial<TimelineLayout> = { left: 72, right: 72 };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "2024-03-01 08:00 UTC" (seconds only when not zero). */
export function formatUtc(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const iso = new Date(ms).toISOString();
  const seconds = iso.slice(17, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === '00' ? '' : `:${seconds}`} UTC`;
}

/** "4 h after sepsis onset", "20 h before sepsis onset", "at sepsis onset" (hours to one decimal). */
export function formatOffset(ms: number, anchorMs: number, anchorLabel: string): string {
  const hours = Math.round(((ms - anchorMs) / HOUR) * 10) / 10;
  if (hours === 0) return `at ${anchorLabel}`;
  return `${Math.abs(hours)} h ${hours > 0 ? 'after' : 'before'} ${anchorLabel}`;
}

function parseInstant(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

function anchorOf(episode: Episode): { ms: number; label: string } | null {
  const ms = parseInstant(episode.anchorTime);
  return ms === null ? null : { ms, label: episode.anchorLabel?.trim() || 'anchor' };
}

/** Bloc length in ms; falls back to the spacing of the first two steps, then to 4 hours. */
function blocMs(episode: Episode, times: readonly number[]): number {
  if (episode.blocLengthMinutes > 0) return episode.blocLengthMinutes * MINUTE;
  const [a, b] = times;
  return a !== undefined && b !== undefined && b > a ? b - a : 4 * HOUR;
}

/**
 * The x axis of an episode: bloc start times (UTC) when every step has one, else the step index (tabular
 * datasets). One step lasts a bloc (or 1 index); the range runs from a quarter step before the first start
 * (so its point is not on the axis line) to the end of the last bloc.
 */
export function episodeX(episode: Episode): TimelineX {
  const { steps } = episode;
  const times = steps.map((step) => parseInstant(step.start));
  if (steps.length > 0 && times.every((t) => t !== null)) {
    const values = times as number[];
    const bloc = blocMs(episode, values);
    const anchor = anchorOf(episode);
    const first = values[0] ?? 0;
    const last = values[values.length - 1] ?? 0;
    return {
      kind: 'time',
      values,
      min: first - bloc / 4,
      max: last + bloc,
      step: bloc,
      name: 'Bloc start (UTC)',
      describe: (position) => {
        const x = values[position] ?? NaN;
        const head = `Step ${steps[position]?.index ?? position} · ${formatUtc(x)}`;
        return anchor ? `${head} · ${formatOffset(x, anchor.ms, anchor.label)}` : head;
      },
    };
  }
  const values = steps.map((step, i) => (Number.isFinite(step.index) ? step.index : i));
  const first = values[0] ?? 0;
  const last = values[values.length - 1] ?? 0;
  return {
    kind: 'index',
    values,
    min: first - 0.25,
    max: last + 1,
    step: 1,
    name: 'Step',
    describe: (position) => `Step ${values[position] ?? position}`,
  };
}

/** Anchor (e.g. sepsis onset) and death as vertical markers, on a time axis and inside its range. */
export function episodeMarkers(episode: Episode, x: TimelineX = episodeX(episode)): TimelineMarker[] {
  if (x.kind !== 'time') return [];
  const markers: TimelineMarker[] = [];
  const anchor = anchorOf(episode);
  if (anchor) markers.push({ id: 'anchor', x: anchor.ms, label: anchor.label, color: ANCHOR_COLOR });
  const death = parseInstant(episode.outcome.deathTime);
  if (death !== null && death >= x.min && death <= x.max) {
    markers.push({ id: 'death', x: death, label: 'death', color: DEATH_COLOR });
  }
  return markers;
}

export interface VitalsGroupTimeline {
  group: FeatureGroup;
  /** Small multiples: one panel per feature that has at least one value. */
  spec: TimelineSpec;
  /** Labels of the group's features that have no value at all in this episode (not drawn). */
  withoutValues: string[];
}

/** One timeline per feature group (hemodynamics, respiratory, labs …, other), in the configured order. */
export function vitalsTimelines(episode: Episode): VitalsGroupTimeline[] {
  const x = episodeX(episode);
  const markers = episodeMarkers(episode, x);
  return groupFeatures(episode.featureNames).map(({ group, indices }) => {
    const panels: TimelinePanel[] = [];
    const withoutValues: string[] = [];
    indices.forEach((featureIndex, k) => {
      const name = episode.featureNames[featureIndex] ?? `feature ${featureIndex}`;
      const values = episode.steps.map((step) => step.features[featureIndex] ?? null);
      if (values.every((v) => v === null)) {
        withoutValues.push(featureLabel(name));
        return;
      }
      const series: TimelineSeries = {
        id: name,
        name: featureLabel(name),
        unit: displayUnit(episode.featureUnits[featureIndex]),
        values,
        imputed: episode.steps.map((step) => step.missing[featureIndex] === true),
        // Without times the dataset is tabular: the "feature" is a state id, which points show honestly.
        render: x.kind === 'index' ? 'points' : 'line',
        integer: x.kind === 'index',
        color: TIMELINE_COLORS[k % TIMELINE_COLORS.length] ?? TIMELINE_COLORS[0],
      };
      panels.push({ id: name, series: [series] });
    });
    return { group, spec: { x, panels, markers, layout: EPISODE_LAYOUT }, withoutValues };
  });
}

/**
 * Treatments in one panel: amounts per bloc (IV fluid, mL) as bars on the left axis, rates (vasopressor,
 * µg/kg/min) as a step line on the right axis. Null when the dataset has no actions.
 */
export function treatmentsTimeline(episode: Episode): TimelineSpec | null {
  if (episode.actionNames.length === 0) return null;
  const x = episodeX(episode);
  const tabular = x.kind === 'index';
  const styles = episode.actionNames.map((name, i) => treatmentStyle(name, episode.actionUnits[i] ?? ''));
  const hasBars = styles.includes('bar');
  const series = episode.actionNames.map((name, i): TimelineSeries => {
    const style = styles[i] ?? 'step';
    const values = episode.steps.map((step) => step.actions[i] ?? null);
    const otherColor = TIMELINE_COLORS[(i + 2) % TIMELINE_COLORS.length] ?? TIMELINE_COLORS[0];
    return {
      id: name,
      name: featureLabel(name),
      unit: displayUnit(episode.actionUnits[i]),
      values,
      // Tabular datasets: the action is an id, shown as points like the state.
      render: tabular ? 'points' : style,
      integer: tabular || undefined,
      axis: style === 'step' && hasBars ? 'right' : 'left',
      color: name === 'iv_fluid' ? FLUID_COLOR : name === 'vasopressor' ? VASOPRESSOR_COLOR : otherColor,
      fromZero: true,
    };
  });
  return {
    x,
    panels: [{ id: 'treatments', series }],
    markers: episodeMarkers(episode, x),
    layout: { ...EPISODE_LAYOUT, top: 34, panelHeight: 150 },
  };
}
