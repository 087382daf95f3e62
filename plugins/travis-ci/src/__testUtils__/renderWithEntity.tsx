import { Entity } from '@backstage/catalog-model';
import {
  TestAppRenderResult,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ReactElement } from 'react';
import { TravisCiClient, travisCiApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { testEntity } from './fixtures';

/**
 * Renders an element of this plugin for one entity in a new frontend system
 * test app, with the real client calling the msw handlers of the test.
 */
export function renderWithEntity(
  element: ReactElement,
  options: {
    entity?: Entity;
    /** Where the Travis CI tab is mounted, so that details links resolve. */
    tabPath?: string;
  } = {},
): TestAppRenderResult & { toastApi: ReturnType<typeof mockApis.toast> } {
  const toastApi = mockApis.toast();
  const client = new TravisCiClient({
    discoveryApi: mockApis.discovery(),
    fetchApi: mockApis.fetch(),
  });

  const result = renderInTestApp(
    <EntityProvider entity={options.entity ?? testEntity}>
      {element}
    </EntityProvider>,
    {
      apis: [[travisCiApiRef, client], toastApi],
      mountedRoutes: options.tabPath
        ? { [options.tabPath]: rootRouteRef }
        : undefined,
    },
  );
  return { ...result, toastApi };
}
