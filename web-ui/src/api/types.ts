// Shapes of the Vigil server's JSON, exactly as the backend contract defines them.

export interface CurrentUser {
  username: string;
  displayName: string;
  /** Among clinician, researcher, auditor, admin; unknown values are tolerated and ignored by the UI. */
  roles: string[];
}

export interface SystemInfo {
  version: string;
  codeVersion: string;
  databaseKind: string;
}

export interface UserAccount {
  username: string;
  displayName: string;
  roles: string[];
  enabled: boolean;
  /** ISO-8601 instant. */
  createdAt: string;
  /** ISO-8601 instant, null when the user never signed in. */
  lastLoginAt: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
}

export type UserChanges = Partial<Pick<UserAccount, 'displayName' | 'roles' | 'enabled'>>;

// ---------- Research: cohorts, datasets, episodes, ingestion jobs ----------

export interface Cohort {
  id: string;
  version: string;
  description: string;
  /** ISO-8601 duration, e.g. "PT4H". */
  blocLength: string;
}

export type ValueType = 'CONTINUOUS' | 'DISCRETE';

export interface DatasetSummary {
  id: string;
  name: string;
  sha256: string;
  cohortId: string;
  cohortVersion: string;
  stateType: ValueType;
  actionType: ValueType;
  episodes: number;
  steps: number;
  featureNames: string[];
  actionNames: string[];
  errorCount: number;
  informationalCount: number;
  /** ISO-8601 instant. */
  createdAt: string;
  createdBy: string;
  source: string;
}

export interface IssueExample {
  origin: string;
  message: string;
}

/** What one ingestion read, skipped and complained about. */
export interface IngestionReport {
  sources: string[];
  startedAt: string;
  finishedAt: string;
  resourcesByType: Record<string, number>;
  issuesByKind: Record<string, number>;
  examples: Record<string, IssueExample[]>;
  skippedFiles: string[];
  errorCount: number;
  informationalCount: number;
}

export interface DatasetDetail extends DatasetSummary {
  featureUnits: string[];
  actionUnits: string[];
  blocLengthMinutes: number;
  report: IngestionReport | null;
}

export interface EpisodeSummary {
  episodeId: string;
  steps: number;
  /** null when the outcome is not known. */
  died: boolean | null;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface EpisodeStep {
  index: number;
  /** Bloc start (ISO-8601); null for tabular datasets, which are plotted against the step index. */
  start: string | null;
  /** One value per feature; null where the value is missing (nothing to carry forward). */
  features: (number | null)[];
  /** true where the feature was not observed in this bloc (its value, if any, is carried forward). */
  missing: boolean[];
  actions: (number | null)[];
}

export interface EpisodeOutcome {
  died: boolean | null;
  deathTime: string | null;
  label: string;
}

export interface Episode {
  episodeId: string;
  anchorTime: string | null;
  anchorLabel: string | null;
  blocLengthMinutes: number;
  featureNames: string[];
  featureUnits: string[];
  actionNames: string[];
  actionUnits: string[];
  steps: EpisodeStep[];
  outcome: EpisodeOutcome;
}

export type JobState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface JobProgress {
  unitsDone: number;
  /** -1 while the total is not known yet. */
  unitsTotal: number;
  resources: number;
  resourcesPerSecond: number;
  etaSeconds: number | null;
}

export interface IngestionJob {
  jobId: string;
  state: JobState;
  name: string;
  cohort: string;
  source: string;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
  progress: JobProgress;
  datasetId: string | null;
  error: string | null;
}

/** Start an ingestion from uploaded files (FHIR NDJSON, gzip, bundles as JSON or XML). */
export interface FileIngestion {
  cohort: string;
  name: string;
  files: readonly File[];
}

/** Start an ingestion by reading from a FHIR server (bulk export). */
export interface ServerIngestion {
  cohort: string;
  name: string;
  fhirServerUrl: string;
  bearerToken?: string;
}

export type RunState = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** One training run (`GET /api/runs`, roles researcher or auditor). */
export interface TrainingRun {
  id: string;
  algorithm: string;
  datasetId: string;
  seed: number;
  state: RunState;
  /** SHA-256 of the run's config JSON. */
  configSha256: string;
  codeVersion: string;
  /** SHA-256 of the trained policy artifact; null until the run has produced one. */
  policySha256: string | null;
  /** Why the run failed; null unless FAILED. */
  error: string | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
}

/** `GET /api/runs/{id}`: the run and its config exactly as stored (a JSON document as a string). */
export interface TrainingRunDetail {
  run: TrainingRun;
  configJson: string;
}

/** One learning curve: `values[i]` was recorded at `iterations[i]`. */
export interface MetricSeries {
  iterations: number[];
  values: number[];
}

/** `GET /api/runs/{id}/metrics`: learning curves by metric name. */
export interface RunMetrics {
  metrics: Record<string, MetricSeries>;
}
