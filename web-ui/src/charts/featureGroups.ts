// How patient-timeline features are grouped into panels, and what they are called on screen. Features the
// config does not know end up in "Other", so a new cohort still shows everything it has.

export interface FeatureGroup {
  id: string;
  label: string;
  /** Feature names (as the dataset names them) in display order. */
  features: readonly string[];
}

export const VITAL_GROUPS: readonly FeatureGroup[] = [
  { id: 'hemodynamics', label: 'Hemodynamics', features: ['heart_rate', 'sbp', 'dbp', 'map'] },
  { id: 'respiratory', label: 'Respiratory', features: ['spo2', 'resp_rate', 'fio2', 'pao2', 'pf_ratio'] },
  { id: 'labs', label: 'Labs', features: ['lactate', 'creatinine', 'bilirubin', 'platelets', 'wbc'] },
  { id: 'fluid-balance', label: 'Fluid balance', features: ['urine_output', 'urine_output_cum', 'fluid_input_cum'] },
];

export const OTHER_GROUP_ID = 'other';
const OTHER_LABEL = 'Other';

const LABELS: Record<string, string> = {
  heart_rate: 'Heart rate',
  sbp: 'Systolic BP',
  dbp: 'Diastolic BP',
  map: 'Mean arterial pressure',
  spo2: 'SpO₂',
  resp_rate: 'Respiratory rate',
  fio2: 'FiO₂',
  pao2: 'PaO₂',
  pf_ratio: 'PaO₂/FiO₂',
  lactate: 'Lactate',
  creatinine: 'Creatinine',
  bilirubin: 'Bilirubin',
  platelets: 'Platelets',
  wbc: 'White cell count',
  urine_output: 'Urine output',
  urine_output_cum: 'Urine output, cumulative',
  fluid_input_cum: 'IV fluid, cumulative',
  temperature: 'Temperature',
  gcs: 'GCS',
  weight: 'Weight',
  age: 'Age',
  gender: 'Gender',
  iv_fluid: 'IV fluid',
  vasopressor: 'Vasopressor',
};

/** Display name of a feature or action: a known label, else the name with underscores as spaces, capitalised. */
export function featureLabel(name: string): string {
  const known = LABELS[name.toLowerCase()];
  if (known) return known;
  const spaced = name.replace(/[_-]+/g, ' ').trim();
  return spaced === '' ? name : spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export interface GroupedFeatures {
  group: FeatureGroup;
  /** Positions in the dataset's feature list, in the group's display order. */
  indices: number[];
}

/**
 * Sorts the dataset's features into the configured groups (config order), then everything else into
 * "Other" (dataset order). Groups without any feature are left out.
 */
export function groupFeatures(names: readonly string[], groups: readonly FeatureGroup[] = VITAL_GROUPS): GroupedFeatures[] {
  const position = new Map(names.map((name, i) => [name.toLowerCase(), i] as const));
  const used = new Set<number>();
  const result: GroupedFeatures[] = [];
  for (const group of groups) {
    const indices = group.features.flatMap((feature) => {
      const i = position.get(feature.toLowerCase());
      return i === undefined || used.has(i) ? [] : [i];
    });
    indices.forEach((i) => used.add(i));
    if (indices.length > 0) result.push({ group, indices });
  }
  const rest = names.map((_, i) => i).filter((i) => !used.has(i));
  if (rest.length > 0) {
    result.push({ group: { id: OTHER_GROUP_ID, label: OTHER_LABEL, features: rest.map((i) => names[i] ?? '') }, indices: rest });
  }
  return result;
}

export type TreatmentStyle = 'bar' | 'step';

const TREATMENT_STYLES: Record<string, TreatmentStyle> = { iv_fluid: 'bar', vasopressor: 'step' };

/** Volumes given per bloc are bars; rates (vasopressor) are a step line. Unknown actions: by unit. */
export function treatmentStyle(name: string, unit: string): TreatmentStyle {
  return TREATMENT_STYLES[name.toLowerCase()] ?? (/^(m?L|l)$/.test(unit.trim()) ? 'bar' : 'step');
}
