import { lazy, Suspense } from 'react';
import { HashRouter, Navigate, Outlet, Route, Routes } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth';
import { RequireSection } from './auth/RequireSection';
import { SessionProvider } from './auth/SessionProvider';
import { AppLayout } from './layout/AppLayout';
import { AdminUsersPage } from './pages/admin/UsersPage';
import { AuditPage } from './pages/audit/AuditPage';
import { AuditTrailPage } from './pages/audit/AuditTrailPage';
import { RuleSetsPage } from './pages/audit/RuleSetsPage';
import { SafetyReportsPage } from './pages/audit/SafetyReportsPage';
import { ClinicianPage } from './pages/clinician/ClinicianPage';
import { PatientsPage } from './pages/clinician/PatientsPage';
import { TacePlanningPage } from './pages/clinician/TacePlanningPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { DatasetPage } from './pages/research/DatasetPage';
import { DatasetsPage } from './pages/research/DatasetsPage';
import { ResearchPage } from './pages/research/ResearchPage';
import { RunsPage } from './pages/research/RunsPage';
import { WorldModelPage } from './pages/research/WorldModelPage';

// The patient timeline carries ECharts (the bulk of the bundle): loaded only when a timeline is opened.
const EpisodePage = lazy(() => import('./pages/research/EpisodePage').then((m) => ({ default: m.EpisodePage })));
// The run page draws learning curves with ECharts: lazy for the same reason.
const RunPage = lazy(() => import('./pages/research/RunPage').then((m) => ({ default: m.RunPage })));
// The clinician's patient page draws the course with ECharts: lazy too.
const PatientPage = lazy(() => import('./pages/clinician/PatientPage').then((m) => ({ default: m.PatientPage })));

function Loading() {
  return (
    <p className="muted" role="status">
      Loading…
    </p>
  );
}

// HashRouter because the server only serves static files: every route lives after '#', so a reload or a
// deep link always loads /index.html.
export function App() {
  return (
    <HashRouter>
      <SessionProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            element={
              <RequireAuth>
                <AppLayout />
              </RequireAuth>
            }
          >
            <Route index element={<HomePage />} />
            <Route path="clinician" element={<RequireSection section="clinician"><ClinicianPage /></RequireSection>}>
              <Route index element={<Navigate to="patients" replace />} />
              <Route path="patients" element={<PatientsPage />} />
              <Route
                path="patients/:patientId"
                element={
                  <Suspense fallback={<Loading />}>
                    <PatientPage />
                  </Suspense>
                }
              />
              <Route path="tace" element={<TacePlanningPage />} />
            </Route>
            <Route path="research" element={<RequireSection section="research"><ResearchPage /></RequireSection>}>
              <Route index element={<Navigate to="datasets" replace />} />
              <Route path="datasets" element={<DatasetsPage />} />
              <Route path="datasets/:datasetId" element={<DatasetPage />} />
              <Route
                path="datasets/:datasetId/episodes/:episodeId"
                element={
                  <Suspense fallback={<Loading />}>
                    <EpisodePage />
                  </Suspense>
                }
              />
              <Route path="runs" element={<RunsPage />} />
              <Route
                path="runs/:runId"
                element={
                  <Suspense fallback={<Loading />}>
                    <RunPage />
                  </Suspense>
                }
              />
              <Route path="world-model" element={<WorldModelPage />} />
            </Route>
            <Route path="audit" element={<RequireSection section="audit"><AuditPage /></RequireSection>}>
              <Route index element={<Navigate to="safety-reports" replace />} />
              <Route path="safety-reports" element={<SafetyReportsPage />} />
              <Route path="trail" element={<AuditTrailPage />} />
              <Route path="rule-sets" element={<RuleSetsPage />} />
            </Route>
            <Route path="admin" element={<RequireSection section="admin"><Outlet /></RequireSection>}>
              <Route index element={<Navigate to="users" replace />} />
              <Route path="users" element={<AdminUsersPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </HashRouter>
  );
}
