import { ApiError, errorMessage } from '../api/client';

interface Props {
  error: unknown;
  testId?: string;
}

/** Shows an API failure as one readable sentence (problem detail), never as raw JSON. */
export function ErrorNotice({ error, testId = 'error' }: Props) {
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <div className={`notice ${forbidden ? 'notice--warning' : 'notice--error'}`} role="alert" data-testid={testId}>
      {errorMessage(error)}
    </div>
  );
}
