import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import {
  installFakeBackend,
  errorResponse,
} from '../../__testUtils__/fakeBackend';
import { TEST_ENTITY_URL } from '../../__testUtils__/fixtures';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { TriggerBuildDialog } from './TriggerBuildDialog';

jest.setTimeout(20_000);

const server = setupServer();
registerMswTestHooks(server);

const BRANCHES = [
  { name: 'main', defaultBranch: true },
  { name: 'feature/refunds', defaultBranch: false },
];

function renderDialog() {
  const onClose = jest.fn();
  const onTriggered = jest.fn();
  const rendered = renderWithEntity(
    <TriggerBuildDialog
      open
      onClose={onClose}
      branches={BRANCHES}
      onTriggered={onTriggered}
    />,
  );
  return { ...rendered, onClose, onTriggered };
}

async function typeConfig(text: string) {
  fireEvent.change(screen.getByLabelText('Config (YAML)'), {
    target: { value: text },
  });
}

async function chooseMergeMode(label: RegExp) {
  fireEvent.mouseDown(screen.getByLabelText('Merge mode'));
  await userEvent.click(
    within(await screen.findByRole('listbox')).getByText(label),
  );
}

describe('TriggerBuildDialog', () => {
  it('starts on the default branch and sends branch and message', async () => {
    const backend = installFakeBackend(server);
    const { toastApi, onClose, onTriggered } = renderDialog();

    expect(await screen.findByLabelText(/^Branch/)).toHaveValue('main');
    expect(
      screen.getByRole('dialog', { name: 'Trigger a Travis CI build' }),
    ).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Message'), 'Check the release');
    await userEvent.click(
      screen.getByRole('button', { name: 'Trigger build' }),
    );

    await waitFor(() => expect(onTriggered).toHaveBeenCalled());
    expect(backend.triggerRequests).toEqual([
      { branch: 'main', message: 'Check the release' },
    ]);
    expect(onClose).toHaveBeenCalled();
    expect(toastApi.getToasts()).toEqual([
      expect.objectContaining({
        status: 'success',
        title: expect.stringMatching(
          /^Travis CI accepted request 77 to build main\..* 9 API-triggered requests are left this hour\.$/,
        ),
      }),
    ]);
  });

  it('builds another branch that the user types', async () => {
    const backend = installFakeBackend(server);
    const { onTriggered } = renderDialog();

    const branchInput = await screen.findByLabelText(/^Branch/);
    await userEvent.clear(branchInput);
    await userEvent.type(branchInput, 'release/2.0');
    await userEvent.click(
      screen.getByRole('button', { name: 'Trigger build' }),
    );

    await waitFor(() => expect(onTriggered).toHaveBeenCalled());
    expect(backend.triggerRequests).toEqual([{ branch: 'release/2.0' }]);
  });

  it('sends a config with its merge mode', async () => {
    const backend = installFakeBackend(server);
    const { onTriggered } = renderDialog();

    await typeConfig('script: make smoke-test');
    await chooseMergeMode(/\(deep_merge_prepend\)/);
    await userEvent.click(
      screen.getByRole('button', { name: 'Trigger build' }),
    );

    await waitFor(() => expect(onTriggered).toHaveBeenCalled());
    expect(backend.triggerRequests).toEqual([
      {
        branch: 'main',
        config: { script: 'make smoke-test' },
        mergeMode: 'deep_merge_prepend',
      },
    ]);
  });

  it('rejects YAML that does not parse without sending', async () => {
    const backend = installFakeBackend(server);
    const { onTriggered, toastApi } = renderDialog();

    await typeConfig('script: [make');
    await chooseMergeMode(/\(merge\)/);
    await userEvent.click(
      screen.getByRole('button', { name: 'Trigger build' }),
    );

    expect(
      await screen.findByText(/^The config is not valid YAML: /),
    ).toBeInTheDocument();
    expect(backend.triggerRequests).toEqual([]);
    expect(onTriggered).not.toHaveBeenCalled();
    expect(toastApi.getToasts()).toEqual([]);
  });

  it('rejects a config that is not a mapping', async () => {
    const backend = installFakeBackend(server);
    renderDialog();

    await typeConfig('- make test');
    await chooseMergeMode(/\(replace\)/);
    await userEvent.click(
      screen.getByRole('button', { name: 'Trigger build' }),
    );

    expect(
      await screen.findByText(/must be a YAML mapping/),
    ).toBeInTheDocument();
    expect(backend.triggerRequests).toEqual([]);
  });

  it('requires a merge mode with a config', async () => {
    const backend = installFakeBackend(server);
    renderDialog();

    await typeConfig('script: make test');
    await userEvent.click(
      screen.getByRole('button', { name: 'Trigger build' }),
    );

    expect(
      await screen.findByText(/Choose how this config combines with/),
    ).toBeInTheDocument();
    expect(backend.triggerRequests).toEqual([]);
  });

  it('shows the backend message when Travis CI rejects the request', async () => {
    installFakeBackend(server);
    server.use(
      http.post(`${TEST_ENTITY_URL}/builds`, () =>
        errorResponse(400, {
          name: 'InputError',
          message: 'Branch "gone" does not exist in acme/payments-api.',
        }),
      ),
    );
    const { onTriggered, onClose, toastApi } = renderDialog();

    await userEvent.click(
      screen.getByRole('button', { name: 'Trigger build' }),
    );

    expect(
      await screen.findByText(
        'Branch "gone" does not exist in acme/payments-api.',
      ),
    ).toBeInTheDocument();
    expect(onTriggered).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(toastApi.getToasts()).toEqual([]);
  });
});
