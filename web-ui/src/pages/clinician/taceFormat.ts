// Pure formatting and transforms for the TACE planning and world-model pages (unit-tested in Node).
import type { ChartOption, LineSeriesOption } from '../../charts/types';
import type { RankedPlan, TacePatient } from '../../api/tace';

const PALETTE = ['#0b6e79', '#c2410c', '#6d28d9', '#15803d', '#b45309'];

/** Risk with its interval over the simulations: "1.234 (1.100–1.400)". */
export function formatRisk(plan: Pick<RankedPlan, 'risk' | 'riskLow' | 'riskHigh'>): string {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');
  return `${f(plan.risk)} (${f(plan.riskLow)}–${f(plan.riskHigh)})`;
}

/** Median survival in days, or "not reached" when the curve stays above one half. */
export function formatDays(days: number | null | undefined): string {
  if (typeof days !== 'number' || !Number.isFinite(days)) return 'not reached';
  return `${Math.round(days).toLocaleString('en-GB')} d`;
}

/** Millilitres with one decimal. */
export function formatMl(ml: number): string {
  return Number.isFinite(ml) ? `${ml.toFixed(1)} mL` : 'n/a';
}

/** The label of a patient in the chooser: id and the covariates that matter for TACE. */
export function patientLabel(p: TacePatient): string {
  const facts: string[] = [];
  if (p.age !== null) facts.push(`${Math.round(p.age)} y`);
  if (p.childPugh) facts.push(`Child-Pugh ${p.childPugh}`);
  if (p.bclc) facts.push(`BCLC ${p.bclc}`);
  if (p.bilirubin !== null) facts.push(`bilirubin ${p.bilirubin.toFixed(1)} mg/dL`);
  return facts.length ? `${p.id} — ${facts.join(', ')}` : p.id;
}

/** The rule id of a "rule-id: reason" contraindication string. */
export function ruleId(finding: string): string {
  const colon = finding.indexOf(':');
  return colon < 0 ? finding : finding.slice(0, colon);
}

/** A plan's curve as [day, survival] pairs, starting at day 0 with survival 1 (the curve begins at the first event). */
export function curvePoints(p: Pick<RankedPlan, 'curveDays' | 'curveSurvival'>): number[][] {
  const points = p.curveDays.map((d, j) => [d, p.curveSurvival[j] ?? Number.NaN]);
  const first = points[0];
  return first && first[0] === 0 ? points : [[0, 1], ...points];
}

/**
 * Predicted survival curves of the first `top` plans as a line chart: step lines over days, y from 0 to 1,
 * one series per plan named "#rank protocol".
 */
export function survivalChartOption(plans: RankedPlan[], top = 3): ChartOption {
  const shown = plans.slice(0, top);
  const series: LineSeriesOption[] = shown.map((p, i) => ({
    name: `#${p.rank} ${p.protocol}`,
    type: 'line',
    step: 'end',
    showSymbol: false,
    lineStyle: { width: 2, color: PALETTE[i % PALETTE.length] },
    itemStyle: { color: PALETTE[i % PALETTE.length] },
    data: curvePoints(p),
  }));
  // A round axis end (ECharts would print the last event time with all its decimals).
  const maxDay = Math.ceil(Math.max(1, ...shown.flatMap((p) => p.curveDays)) / 100) * 100;
  return {
    grid: { left: 56, right: 20, top: 40, bottom: 44 },
    legend: { top: 0, type: 'plain' },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: 'days after TACE', nameLocation: 'middle', nameGap: 28, min: 0, max: maxDay },
    yAxis: { type: 'value', name: 'survival', min: 0, max: 1 },
    series,
  };
}

/** A table found in an evaluation JSON: an array of flat objects. */
export interface EvaluationTable {
  key: string;
  title: string;
  columns: string[];
  rows: Record<string, unknown>[];
}

const TITLES: Record<string, string> = {
  simulationQuality: 'Simulation quality (held-out patients)',
  protocolSelection: 'Protocol selection (held-out patients)',
};

function isRowArray(value: unknown): value is Record<string, unknown>[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))
  );
}

/**
 * The tables of an evaluation JSON: every top-level field (or field of a top-level object) that is an array
 * of objects. The two MeWM tables come first; columns in first-seen order.
 */
export function evaluationTables(evaluation: unknown): EvaluationTable[] {
  if (evaluation === null || typeof evaluation !== 'object' || Array.isArray(evaluation)) return [];
  const found: EvaluationTable[] = [];
  const visit = (key: string, value: unknown) => {
    if (isRowArray(value)) {
      const columns: string[] = [];
      for (const row of value) for (const c of Object.keys(row)) if (!columns.includes(c)) columns.push(c);
      found.push({ key, title: TITLES[key] ?? key, columns, rows: value });
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const obj = value as Record<string, unknown>;
      const rows = obj.rows;
      if (isRowArray(rows)) visit(key, rows);
    }
  };
  for (const [key, value] of Object.entries(evaluation as Record<string, unknown>)) visit(key, value);
  const order = (t: EvaluationTable) => (t.key in TITLES ? Object.keys(TITLES).indexOf(t.key) : 99);
  return found.sort((a, b) => order(a) - order(b));
}

/** One evaluation cell: numbers to at most 4 significant decimals, the rest as text. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'n/a';
    return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 1 : 4);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return JSON.stringify(value);
}
