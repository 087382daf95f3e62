import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  TRAVIS_CI_REPO_SLUG_ANNOTATION,
  isTravisCiAvailable,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { Route, Routes } from 'react-router-dom';
import { AutoRefreshIntervals } from '../../hooks/useAutoRefresh';
import { BuildDetails } from '../BuildDetails';
import { BuildsTable } from '../BuildsTable';

/**
 * Props of {@link TravisCiContent}.
 *
 * @public
 */
export interface TravisCiContentProps {
  /** How often the list refreshes while a shown build is active. */
  refreshIntervals?: AutoRefreshIntervals;
}

/**
 * The Travis CI tab of an entity page: the build list at its own path and
 * one build with its jobs and logs at `builds/:buildId` below it.
 */
export function TravisCiContent(props: TravisCiContentProps) {
  const { entity } = useEntity();

  if (!isTravisCiAvailable(entity)) {
    return (
      <MissingAnnotationEmptyState
        annotation={TRAVIS_CI_REPO_SLUG_ANNOTATION}
      />
    );
  }

  return (
    <Routes>
      <Route
        path="/"
        element={<BuildsTable refreshIntervals={props.refreshIntervals} />}
      />
      <Route
        path="/builds/:buildId"
        element={<BuildDetails refreshIntervals={props.refreshIntervals} />}
      />
    </Routes>
  );
}
