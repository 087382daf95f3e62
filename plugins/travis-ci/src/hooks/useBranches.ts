import { useApi } from '@backstage/frontend-plugin-api';
import { TravisBranch } from '@travis-ci-backstage/plugin-travis-ci-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { travisCiApiRef } from '../api';
import { useEntityRef } from './useEntityRef';

/** Fetches the branches that Travis CI knows for the current entity. */
export function useBranches(): {
  branches?: TravisBranch[];
  loading: boolean;
  error?: Error;
  /** Fetches the branches again. */
  retry: () => void;
} {
  const api = useApi(travisCiApiRef);
  const entityRef = useEntityRef();
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getBranches(entityRef),
    [api, entityRef],
  );
  return { branches: value, loading, error, retry };
}
