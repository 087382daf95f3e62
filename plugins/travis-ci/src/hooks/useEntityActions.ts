import { useApi } from '@backstage/frontend-plugin-api';
import { TravisEntityActions } from '@travis-ci-backstage/plugin-travis-ci-common';
import useAsync from 'react-use/esm/useAsync';
import { travisCiApiRef } from '../api';
import { useEntityRef } from './useEntityRef';

const NOTHING_ALLOWED: TravisEntityActions = {
  read: { allowed: false },
  trigger: { allowed: false },
  restart: { allowed: false },
  cancel: { allowed: false },
};

/**
 * Fetches what the signed-in user may do with the current entity's builds.
 *
 * @remarks
 * Until the answer arrives, and when the request fails, every action counts
 * as not allowed, so that no button appears that the backend would reject.
 */
export function useEntityActions(): TravisEntityActions {
  const api = useApi(travisCiApiRef);
  const entityRef = useEntityRef();
  const { value } = useAsync(() => api.getActions(entityRef), [api, entityRef]);
  return value ?? NOTHING_ALLOWED;
}
