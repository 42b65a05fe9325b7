import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { listCohorts } from '../../api/datasets';
import { startFileIngestion, startServerIngestion } from '../../api/ingestions';
import type { Cohort, IngestionJob } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/TextField';
import { formatMinutes, isoDurationMinutes } from '../../format';

type Source = 'files' | 'server';

export const ACCEPTED_FILES = '.ndjson,.gz,.json,.xml';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

function cohortHint(cohort: Cohort | undefined): string | undefined {
  if (!cohort) return undefined;
  const minutes = isoDurationMinutes(cohort.blocLength);
  const bloc = minutes === null ? cohort.blocLength : `${formatMinutes(minutes)} blocs`;
  return [cohort.description, bloc].filter(Boolean).join(' · ');
}

/** Checks what the server would refuse anyway, so the obvious mistakes are said before uploading anything. */
function localErrors(values: { cohort: string; name: string; source: Source; files: File[]; url: string }) {
  const errors: Record<string, string> = {};
  if (values.cohort === '') errors.cohort = 'Choose a cohort.';
  if (values.name.trim() === '') errors.name = 'Give the dataset a name.';
  if (values.source === 'files' && values.files.length === 0) errors.file = 'Choose at least one file.';
  if (values.source === 'server') {
    const url = values.url.trim();
    if (url === '') errors.fhirServerUrl = 'Enter the FHIR server’s base URL.';
    else if (!/^https?:\/\/\S+$/i.test(url)) errors.fhirServerUrl = 'The URL must start with http:// or https://.';
  }
  return errors;
}

interface Props {
  onStarted(job: IngestionJob): void;
}

/** Starts an ingestion: a cohort, a name, and either uploaded FHIR files or a FHIR server to read from. */
export function IngestForm({ onStarted }: Props) {
  const [cohorts, setCohorts] = useState<Cohort[] | null>(null);
  const [cohortsError, setCohortsError] = useState<unknown>(null);
  const [cohort, setCohort] = useState('');
  const [name, setName] = useState('');
  const [source, setSource] = useState<Source>('files');
  const [files, setFiles] = useState<File[]>([]);
  // Changing the key empties the file input after a successful start.
  const [fileInputKey, setFileInputKey] = useState(0);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    const controller = new AbortController();
    listCohorts(controller.signal)
      .then((list) => {
        setCohorts(list);
        setCohort((current) => current || list[0]?.id || '');
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setCohortsError(error);
      });
    return () => controller.abort();
  }, []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const local = localErrors({ cohort, name, source, files, url });
    setFieldErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const job =
        source === 'files'
          ? await startFileIngestion({ cohort, name: name.trim(), files })
          : await startServerIngestion({ cohort, name: name.trim(), fhirServerUrl: url.trim(), bearerToken: token });
      setName('');
      setFiles([]);
      setFileInputKey((k) => k + 1);
      setToken('');
      onStarted(job);
    } catch (error) {
      setFormError(error);
      if (error instanceof ApiError) {
        const byField = error.fieldErrors();
        // The multipart field is called "file"; a server may also say "files".
        if (byField.files && !byField.file) byField.file = byField.files;
        setFieldErrors(byField);
      }
    } finally {
      setBusy(false);
    }
  };

  const selected = cohorts?.find((c) => c.id === cohort);
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);

  return (
    <form className="form ingest-form" onSubmit={onSubmit} noValidate data-testid="ingest-form" aria-labelledby="ingest-title">
      <h3 id="ingest-title">Ingest a dataset</h3>
      {cohortsError !== null && <ErrorNotice error={cohortsError} testId="cohorts-error" />}
      <div className="form__grid form__grid--2">
        <div className={fieldErrors.cohort ? 'field field--invalid' : 'field'}>
          <label htmlFor="ingest-cohort">Cohort</label>
          <select
            id="ingest-cohort"
            value={cohort}
            onChange={(e) => setCohort(e.target.value)}
            disabled={cohorts === null || cohorts.length === 0}
            aria-describedby="ingest-cohort-hint"
          >
            {cohorts === null && <option value="">Loading cohorts…</option>}
            {cohorts?.length === 0 && <option value="">No cohort is configured</option>}
            {cohorts?.map((c) => (
              <option key={`${c.id}@${c.version}`} value={c.id}>
                {c.id} (version {c.version})
              </option>
            ))}
          </select>
          <p id="ingest-cohort-hint" className="field__hint">
            {cohortHint(selected) ?? 'Which patients to take and how to turn their records into steps.'}
          </p>
          {fieldErrors.cohort && (
            <p className="field__error" data-testid="field-error-cohort">
              {fieldErrors.cohort}
            </p>
          )}
        </div>
        <TextField
          id="ingest-name"
          label="Dataset name"
          value={name}
          onChange={setName}
          autoComplete="off"
          placeholder="e.g. sepsis-2024-q1"
          error={fieldErrors.name}
          errorTestId="field-error-name"
        />
      </div>

      <fieldset className="source-choice">
        <legend>Read from</legend>
        <div className="segmented" role="presentation">
          <label className={source === 'files' ? 'segmented__option is-active' : 'segmented__option'}>
            <input
              type="radio"
              name="ingest-source"
              value="files"
              checked={source === 'files'}
              onChange={() => setSource('files')}
            />
            Uploaded files
          </label>
          <label className={source === 'server' ? 'segmented__option is-active' : 'segmented__option'}>
            <input
              type="radio"
              name="ingest-source"
              value="server"
              checked={source === 'server'}
              onChange={() => setSource('server')}
            />
            FHIR server
          </label>
        </div>
      </fieldset>

      {source === 'files' ? (
        <div className={fieldErrors.file ? 'field field--invalid' : 'field'}>
          <label htmlFor="ingest-file">FHIR files</label>
          <input
            key={fileInputKey}
            id="ingest-file"
            type="file"
            multiple
            accept={ACCEPTED_FILES}
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
            aria-describedby="ingest-file-hint"
          />
          <p id="ingest-file-hint" className="field__hint" data-testid="ingest-file-summary">
            {files.length === 0
              ? 'Bulk-export NDJSON (optionally gzip-compressed) or bundles as JSON or XML; several files at once.'
              : `${files.length} ${files.length === 1 ? 'file' : 'files'}, ${formatBytes(totalBytes)}: ${files
                  .map((f) => f.name)
                  .join(', ')}`}
          </p>
          {fieldErrors.file && (
            <p className="field__error" data-testid="field-error-file">
              {fieldErrors.file}
            </p>
          )}
        </div>
      ) : (
        <div className="form__grid form__grid--2">
          <TextField
            id="ingest-server-url"
            label="FHIR server base URL"
            type="url"
            value={url}
            onChange={setUrl}
            autoComplete="url"
            placeholder="https://fhir.example.org/r4"
            hint="The Vigil server reads the cohort’s resources from there."
            error={fieldErrors.fhirServerUrl}
            errorTestId="field-error-fhirServerUrl"
          />
          <TextField
            id="ingest-token"
            label="Bearer token (optional)"
            type="password"
            value={token}
            onChange={setToken}
            autoComplete="off"
            hint="Only when the FHIR server asks for authentication."
            error={fieldErrors.bearerToken}
            errorTestId="field-error-bearerToken"
          />
        </div>
      )}

      {formError !== null && (
        <div className="notice notice--error" role="alert" data-testid="ingest-error">
          {errorMessage(formError)}
        </div>
      )}
      <div className="form__actions">
        <button id="ingest-submit" type="submit" className="button button--primary" disabled={busy}>
          {busy ? (source === 'files' ? 'Uploading…' : 'Starting…') : 'Start ingestion'}
        </button>
      </div>
    </form>
  );
}
