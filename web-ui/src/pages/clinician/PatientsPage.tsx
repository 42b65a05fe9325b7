import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { listPatients, type PatientPage } from '../../api/patients';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { SubPage } from '../SubPage';

export const patientPath = (id: string) => `/clinician/patients/${encodeURIComponent(id)}`;

/** The patients of the served sepsis policy's data; a search by id. */
export function PatientsPage() {
  const [query, setQuery] = useState('');
  const [page, setPage] = useState<PatientPage | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    listPatients(query, 0, controller.signal)
      .then(setPage)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [query]);

  return (
    <SubPage id="patients" title="Patients">
      <div data-testid="page-patients">
        <label className="field patients-search">
          <span>Find a patient by id</span>
          <input type="text" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="patient-search" />
        </label>
        {error !== null && <ErrorNotice error={error} testId="patients-error" />}
        {page !== null && (
          <>
            <p className="muted" data-testid="patients-source">
              {page.total} patients in {page.datasetName}, the data of the served {page.useCase} policy.
            </p>
            <div className="table-wrap">
              <table className="table" data-testid="patients-table">
                <thead>
                  <tr>
                    <th scope="col">Patient</th>
                    <th scope="col" className="num">
                      Blocs
                    </th>
                    <th scope="col">Outcome</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((p) => (
                    <tr key={p.episodeId} data-patient-id={p.episodeId}>
                      <td>
                        <Link to={patientPath(p.episodeId)} className="mono">
                          {p.episodeId}
                        </Link>
                      </td>
                      <td className="num">{p.steps}</td>
                      <td>
                        <OutcomeBadge outcome={{ died: p.died, deathTime: null, label: '' }} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </SubPage>
  );
}
