import {
  alertApiRef,
  coreApis,
  useApiHolder,
} from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';

/** A message about the outcome of a request the user sent. */
export interface Notice {
  message: string;
  severity: 'success' | 'error';
}

/** How long a success notice stays; error notices stay until dismissed. */
export const SUCCESS_NOTICE_TIMEOUT_MS = 8_000;

/**
 * Returns a function that shows a notice through the toast API. Apps on
 * the legacy frontend system provide no toast API, so there the notice
 * goes to the alert API instead, and without either it is dropped.
 */
export function useNotify(): (notice: Notice) => void {
  const apis = useApiHolder();
  const toastApi = apis.get(coreApis.toast);
  // The alert API is deprecated in favour of toasts, but it is the only
  // notification API of apps on the legacy frontend system.
  const alertApi = apis.get(alertApiRef);

  return useCallback(
    (notice: Notice) => {
      const success = notice.severity === 'success';

      if (toastApi) {
        toastApi.post({
          title: notice.message,
          status: success ? 'success' : 'danger',
          timeout: success ? SUCCESS_NOTICE_TIMEOUT_MS : undefined,
        });
        return;
      }

      alertApi?.post({
        message: notice.message,
        severity: notice.severity,
        display: success ? 'transient' : 'permanent',
      });
    },
    [toastApi, alertApi],
  );
}
