import { useEffect, useState } from 'react';

interface Props {
  text: string;
  /** What is copied, for the button's accessible name ("Copy SHA-256"). */
  what: string;
  testId?: string;
}

/** Copies `text` to the clipboard and says so for two seconds; says why when the browser refuses. */
export function CopyButton({ text, what, testId }: Props) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (status === 'idle') return undefined;
    const timer = setTimeout(() => setStatus('idle'), 2000);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      // No clipboard access (plain http, permission denied): the full value is in the tooltip to copy by hand.
      setStatus('failed');
    }
  };

  return (
    <button type="button" className="button button--small" onClick={copy} aria-label={`Copy ${what}`} data-testid={testId}>
      {status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy blocked' : 'Copy'}
    </button>
  );
}
