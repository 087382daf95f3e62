import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import { navModule } from './modules/nav';

// The Travis CI plugin and the other plugins in package.json are found
// through `app.packages: all` in app-config.yaml.
export default createApp({
  features: [catalogPlugin, userSettingsPlugin, navModule],
});
