import { SimRequest, SimResponse, splitUrl, textResponse } from '../http';
import { slugOf } from '../model/state';
import { SimulatorRuntime } from '../runtime';

const WEB_PAGE_PATH = /^\/([^/]+)\/([^/]+)\/(builds|jobs)\/(\d+)$/;

/**
 * Serves a small HTML page for the Travis CI web UI links of a build or job
 * (`/{owner}/{name}/builds/{id}`, `/{owner}/{name}/jobs/{id}`), so that
 * links from a client lead somewhere during development. Returns undefined
 * for every other request. The simulator has no real web UI.
 */
export function handleWebPageRequest(
  runtime: SimulatorRuntime,
  request: SimRequest,
): SimResponse | undefined {
  const match = splitUrl(request.url).path.match(WEB_PAGE_PATH);
  if (request.method !== 'GET' || !match) {
    return undefined;
  }

  const [, owner, name, kind, idText] = match;
  runtime.sync();
  const id = Number(idText);
  const item =
    kind === 'builds'
      ? runtime.state.builds.get(id)
      : runtime.state.jobs.get(id);
  const repository = item && runtime.state.repositories.get(item.repositoryId);
  if (!item || !repository || slugOf(repository) !== `${owner}/${name}`) {
    return textResponse(
      404,
      page('Not found', `No ${kind.slice(0, -1)} ${id} in ${owner}/${name}.`),
      'text/html;charset=utf-8',
    );
  }

  const number =
    'index' in item
      ? `${runtime.state.builds.get(item.buildId)?.number}.${item.index}`
      : String(item.number);
  const title = `${kind === 'builds' ? 'Build' : 'Job'} #${number} of ${slugOf(repository)}`;
  return textResponse(
    200,
    page(
      title,
      `State: ${item.state}. This is the Travis CI API simulator, which has no web UI; the real link opens this ${kind.slice(0, -1)} on Travis CI.`,
    ),
    'text/html;charset=utf-8',
  );
}

function page(title: string, text: string): string {
  return `<!doctype html>\n<html><head><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(
    title,
  )}</h1><p>${escapeHtml(text)}</p></body></html>\n`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
