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
import { BuildsTable } from '../BuildsTable';

/** Props of {@link TravisCiContent}. */
export interface TravisCiContentProps {
  /** How often the list refreshes while a shown build is active. */
  refreshIntervals?: AutoRefreshIntervals;
}

/**
 * The Travis CI tab of an entity page. It routes below its own path, so
 * that more views of one build can mount beside the build list.
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
    </Routes>
  );
}
