import Typography from '@material-ui/core/Typography';
import { TRAVIS_CI_REPO_SLUG_ANNOTATION } from '@travis-ci-backstage/plugin-travis-ci-common';

/**
 * The compact form of the missing annotation state, for cards, where the
 * full-page empty state does not fit.
 */
export function MissingAnnotationNotice() {
  return (
    <Typography variant="body2">
      Add the <code>{TRAVIS_CI_REPO_SLUG_ANNOTATION}</code> annotation, such as{' '}
      <code>acme/payments-api</code>, to this entity's catalog-info.yaml to show
      its Travis CI builds.
    </Typography>
  );
}
