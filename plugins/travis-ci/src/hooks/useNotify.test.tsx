import {
  TestApiProvider,
  TestApiProviderProps,
  mockApis,
} from '@backstage/frontend-test-utils';
import { renderHook } from '@testing-library/react';
import { ReactNode } from 'react';
import { SUCCESS_NOTICE_TIMEOUT_MS, useNotify } from './useNotify';

function renderNotify(apis: TestApiProviderProps<any[]>['apis']) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={apis}>{children}</TestApiProvider>
  );
  return renderHook(() => useNotify(), { wrapper }).result.current;
}

describe('useNotify', () => {
  it('posts a success toast that times out', () => {
    const toastApi = mockApis.toast();
    const alertApi = mockApis.alert();

    renderNotify([toastApi, alertApi])({
      message: 'Done.',
      severity: 'success',
    });

    expect(toastApi.getToasts()).toEqual([
      { title: 'Done.', status: 'success', timeout: SUCCESS_NOTICE_TIMEOUT_MS },
    ]);
    expect(alertApi.getAlerts()).toEqual([]);
  });

  it('posts an error toast that stays', () => {
    const toastApi = mockApis.toast();

    renderNotify([toastApi])({ message: 'Failed.', severity: 'error' });

    expect(toastApi.getToasts()).toEqual([
      { title: 'Failed.', status: 'danger', timeout: undefined },
    ]);
  });

  it('falls back to alerts without a toast API', () => {
    const alertApi = mockApis.alert();

    const notify = renderNotify([alertApi]);
    notify({ message: 'Done.', severity: 'success' });
    notify({ message: 'Failed.', severity: 'error' });

    expect(alertApi.getAlerts()).toEqual([
      { message: 'Done.', severity: 'success', display: 'transient' },
      { message: 'Failed.', severity: 'error', display: 'permanent' },
    ]);
  });
});
