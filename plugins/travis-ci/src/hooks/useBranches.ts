import { useApi } from '@backstage/frontend-plugin-api';
import { TravisBranch } from '@travis-ci-backstage/plugin-travis-ci-common';
import useAsync from 'react-use/esm/useAsync';
import { travisCiApiRef } from '../api';
import { useEntityRef } from './useEntityRef';

/** Fetches the branches that Travis CI knows for the current entity. */
export function useBranches(): {
  branches?: TravisBranch[];
  loading: boolean;
  error?: Error;
} {
  const api = useApi(travisCiApiRef);
  const entityRef = useEntityRef();
  const { value, loading, error } = useAsync(
    () => api.getBranches(entityRef),
    [api, entityRef],
  );
  return { branches: value, loading, error };
}
