import type { ReactNode } from 'react';
import type { ApiData } from '../api/useApiData.js';
import { Loading } from './Loading.js';
import { ProblemMessage } from './ProblemMessage.js';

/** Renders a loading status, a problem with a retry button, or the loaded content. */
export function AsyncContent<T>({
  data,
  onRetry,
  children,
}: {
  data: ApiData<T>;
  onRetry: () => void;
  children: (value: T) => ReactNode;
}) {
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ProblemMessage error={data.error} onRetry={onRetry} />;
  return <>{children(data.data)}</>;
}
