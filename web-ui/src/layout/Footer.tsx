import { useEffect, useState } from 'react';
import { fetchSystemInfo } from '../api/system';
import type { SystemInfo } from '../api/types';

/** Version, code version and database kind: what a bug report or an audit needs to name the build. */
export function Footer() {
  const [info, setInfo] = useState<SystemInfo | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    fetchSystemInfo(controller.signal)
      .then(setInfo)
      .catch(() => {
        if (!controller.signal.aborted) setFailed(true);
      });
    return () => controller.abort();
  }, []);

  return (
    <footer className="footer" data-testid="system-info">
      {info ? (
        <dl className="footer__facts">
          <div>
            <dt>Vigil</dt>
            <dd>{info.version}</dd>
          </div>
          <div>
            <dt>Code</dt>
            <dd>
              <code>{info.codeVersion}</code>
            </dd>
          </div>
          <div>
            <dt>Database</dt>
            <dd>{info.databaseKind}</dd>
          </div>
        </dl>
      ) : (
        <span className="muted">{failed ? 'System information unavailable' : 'Loading system information…'}</span>
      )}
    </footer>
  );
}
