// The step values of an episode as a flowsheet: one row per feature and action, one column per step, the
// way charts in the ward read. Carried-forward and missing values are marked, not hidden.
import type { Episode } from '../../api/types';
import { featureLabel, groupFeatures } from '../../charts/featureGroups';
import { displayUnit, formatValue } from '../../charts/units';

export type CellState = 'observed' | 'imputed' | 'missing';

export interface FlowsheetCell {
  text: string;
  state: CellState;
}

export interface FlowsheetColumn {
  index: number;
  /** "03-01" and "08:00" (UTC) for time-stamped steps; null for tabular datasets. */
  date: string | null;
  time: string | null;
  /** The first column, or the first one of a new (UTC) day: the date is worth printing. */
  newDay: boolean;
}

export interface FlowsheetRow {
  id: string;
  kind: 'feature' | 'action';
  label: string;
  unit: string;
  /** Group heading the row sits under (Hemodynamics …, Treatments). */
  group: string;
  cells: FlowsheetCell[];
}

export interface Flowsheet {
  columns: FlowsheetColumn[];
  rows: FlowsheetRow[];
}

export function flowsheet(episode: Episode): Flowsheet {
  let previousDate: string | null = null;
  const columns = episode.steps.map((step): FlowsheetColumn => {
    const ms = step.start ? Date.parse(step.start) : NaN;
    if (!Number.isFinite(ms)) return { index: step.index, date: null, time: null, newDay: false };
    const iso = new Date(ms).toISOString();
    const date = iso.slice(5, 10);
    const newDay = date !== previousDate;
    previousDate = date;
    return { index: step.index, date, time: iso.slice(11, 16), newDay };
  });
  const featureRows = groupFeatures(episode.featureNames).flatMap(({ group, indices }) =>
    indices.map((i): FlowsheetRow => {
      const name = episode.featureNames[i] ?? `feature ${i}`;
      return {
        id: `feature:${name}`,
        kind: 'feature',
        label: featureLabel(name),
        unit: displayUnit(episode.featureUnits[i]),
        group: group.label,
        cells: episode.steps.map((step) => {
          const value = step.features[i] ?? null;
          if (value === null) return { text: '–', state: 'missing' };
          return { text: formatValue(value), state: step.missing[i] === true ? 'imputed' : 'observed' };
        }),
      };
    }),
  );
  const actionRows = episode.actionNames.map((name, i): FlowsheetRow => ({
    id: `action:${name}`,
    kind: 'action',
    label: featureLabel(name),
    unit: displayUnit(episode.actionUnits[i]),
    group: 'Treatments',
    cells: episode.steps.map((step) => {
      const value = step.actions[i] ?? null;
      return value === null ? { text: '–', state: 'missing' } : { text: formatValue(value), state: 'observed' };
    }),
  }));
  return { columns, rows: [...featureRows, ...actionRows] };
}
