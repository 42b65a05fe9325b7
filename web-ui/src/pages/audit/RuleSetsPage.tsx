import { useEffect, useState } from 'react';
import {
  defaultComparison,
  diffRuleSetVersions,
  getRuleSetVersion,
  listRuleSets,
  listRuleSetVersions,
  summariseDiff,
  type FieldChange,
  type RuleSetDiff,
  type RuleSetSummary,
  type RuleSetVersion,
  type RuleSetVersionDetail,
} from '../../api/ruleSets';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SubPage } from '../SubPage';

/** Loads with a fresh AbortController whenever the key changes; keeps the last error. */
function useLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): { data: T | null; error: unknown } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setData(null);
    setError(null);
    if (key === null) return undefined;
    const controller = new AbortController();
    load(controller.signal)
      .then(setData)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
    // The key names everything load reads.
  }, [key]);
  return { data, error };
}

function Value({ text }: { text: string | null }) {
  return text === null ? <span className="muted">absent</span> : <span>{text}</span>;
}

function FieldChanges({ changes, testId }: { changes: readonly FieldChange[]; testId: string }) {
  return (
    <table className="table table--compact" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <td className="mono">{c.field}</td>
            <td className="diff-before">
              <Value text={c.before} />
            </td>
            <td className="diff-after">
              <Value text={c.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DiffView({ diff }: { diff: RuleSetDiff }) {
  const badge = { ADDED: 'badge--ok', REMOVED: 'badge--danger', CHANGED: 'badge--info' } as const;
  return (
    <div data-testid="rule-set-diff">
      <p data-testid="rule-set-diff-summary">{summariseDiff(diff)}</p>
      {diff.setChanges.length > 0 && <FieldChanges changes={diff.setChanges} testId="rule-set-diff-set" />}
      {diff.rules.map((rule) => (
        <div key={rule.ruleId} className="diff-rule" data-testid={`rule-diff-${rule.ruleId}`}>
          <h4>
            <span className="mono">{rule.ruleId}</span> <span className={`badge ${badge[rule.kind]}`}>{rule.kind.toLowerCase()}</span>
          </h4>
          <FieldChanges changes={rule.fields} testId={`rule-diff-fields-${rule.ruleId}`} />
        </div>
      ))}
    </div>
  );
}

function VersionRules({ detail }: { detail: RuleSetVersionDetail }) {
  return (
    <div data-testid="rule-set-version">
      <p>{detail.description}</p>
      <div className="table-wrap">
        <table className="table" data-testid="rules-table">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Violated when</th>
              <th scope="col" className="num">
                Weight
              </th>
              <th scope="col">Rationale</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {detail.rules.map((rule) => (
              <tr key={rule.id} data-testid={`rule-${rule.id}`}>
                <td className="mono">{rule.id}</td>
                <td className="mono">{rule.condition}</td>
                <td className="num">{rule.weight}</td>
                <td>{rule.rationale}</td>
                <td className="muted">{rule.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function VersionsTable({ versions, shown, onShow }: { versions: readonly RuleSetVersion[]; shown: string | null; onShow: (v: string) => void }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="rule-set-versions">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Published</th>
            <th scope="col">By</th>
            <th scope="col">Why</th>
            <th scope="col">Content hash</th>
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((v) => (
            <tr key={v.version} className={v.version === shown ? 'is-selected' : undefined} data-testid={`version-${v.version}`}>
              <td>
                <button type="button" className="link-button" onClick={() => onShow(v.version)}>
                  {v.version}
                </button>
              </td>
              <td>
                <DateTime iso={v.createdAt} />
              </td>
              <td>{v.createdBy}</td>
              <td>{v.reason}</td>
              <td className="mono" title={v.contentHash}>
                {v.contentHash.slice(0, 12)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Rule sets, their versions with who/when/why, one version's rules, and the difference between two versions. */
export function RuleSetsPage() {
  const sets = useLoad('sets', listRuleSets);
  const [setId, setSetId] = useState<string | null>(null);
  const chosenSet = setId ?? sets.data?.[0]?.id ?? null;
  const versions = useLoad(chosenSet, (signal) => listRuleSetVersions(chosenSet ?? '', signal));
  const [shown, setShown] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const fallback = versions.data ? defaultComparison(versions.data) : null;
  const latest = versions.data?.[versions.data.length - 1]?.version ?? null;
  const shownVersion = shown ?? latest;
  const fromVersion = from ?? fallback?.[0] ?? null;
  const toVersion = to ?? fallback?.[1] ?? null;
  const detail = useLoad(chosenSet && shownVersion ? `${chosenSet}@${shownVersion}` : null, (signal) =>
    getRuleSetVersion(chosenSet ?? '', shownVersion ?? '', signal),
  );
  const diff = useLoad(chosenSet && fromVersion && toVersion ? `${chosenSet}:${fromVersion}..${toVersion}` : null, (signal) =>
    diffRuleSetVersions(chosenSet ?? '', fromVersion ?? '', toVersion ?? '', signal),
  );

  const chooseSet = (id: string) => {
    setSetId(id);
    setShown(null);
    setFrom(null);
    setTo(null);
  };

  return (
    <SubPage id="rule-sets" title="Rule sets">
      <div data-testid="page-rule-sets">
        {sets.error !== null && <ErrorNotice error={sets.error} testId="rule-sets-error" />}
        {sets.data !== null && sets.data.length === 0 && <p className="muted">No rule sets are registered.</p>}
        {sets.data !== null && sets.data.length > 0 && (
          <label className="field">
            <span>Rule set</span>
            <select value={chosenSet ?? ''} onChange={(e) => chooseSet(e.target.value)} data-testid="rule-set-select">
              {sets.data.map((s: RuleSetSummary) => (
                <option key={s.id} value={s.id}>
                  {s.id} (newest {s.latestVersion}, {s.versionCount} version{s.versionCount === 1 ? '' : 's'})
                </option>
              ))}
            </select>
          </label>
        )}
        {versions.error !== null && <ErrorNotice error={versions.error} testId="rule-set-versions-error" />}
        {versions.data !== null && (
          <>
            <h3>Versions</h3>
            <VersionsTable versions={versions.data} shown={shownVersion} onShow={setShown} />
            <h3>
              Compare versions
            </h3>
            {versions.data.length < 2 ? (
              <p className="muted" data-testid="rule-set-diff-none">
                Only one version so far: nothing to compare.
              </p>
            ) : (
              <>
                <div className="inline-fields">
                  <label className="field">
                    <span>From</span>
                    <select value={fromVersion ?? ''} onChange={(e) => setFrom(e.target.value)} data-testid="diff-from">
                      {versions.data.map((v) => (
                        <option key={v.version}>{v.version}</option>
                      ))}
                    </select>
                  </label>
                  <label className="field">
                    <span>To</span>
                    <select value={toVersion ?? ''} onChange={(e) => setTo(e.target.value)} data-testid="diff-to">
                      {versions.data.map((v) => (
                        <option key={v.version}>{v.version}</option>
                      ))}
                    </select>
                  </label>
                </div>
                {diff.error !== null && <ErrorNotice error={diff.error} testId="rule-set-diff-error" />}
                {diff.data !== null && <DiffView diff={diff.data} />}
              </>
            )}
            <h3>Rules in version {shownVersion}</h3>
            {detail.error !== null && <ErrorNotice error={detail.error} testId="rule-set-version-error" />}
            {detail.data !== null && <VersionRules detail={detail.data} />}
          </>
        )}
      </div>
    </SubPage>
  );
}
