import { StaticTravisCredentialsProvider } from '../StaticTravisCredentialsProvider';
import { TravisCredentialsRequest } from '../TravisCredentialsProvider';
import { StaticOwnerCredentialsProvider } from './StaticOwnerCredentialsProvider';

const INSTANCE = {
  name: 'default',
  baseUrl: 'http://127.0.0.1:1',
  webUrl: 'http://127.0.0.1:1',
};

function request(
  ownerRef: string | undefined,
  repository = 'payments-api',
): TravisCredentialsRequest {
  return {
    instance: INSTANCE,
    entity: {} as any,
    entityRef: 'component:default/payments',
    ownerRef,
    repository: { owner: 'acme', name: repository },
  };
}

describe('StaticOwnerCredentialsProvider', () => {
  const provider = new StaticOwnerCredentialsProvider(
    [
      {
        ownerRef: 'group:default/team-a',
        token: 'owner-token-a',
        repositories: ['acme/payments-*'],
      },
      { ownerRef: 'group:default/team-b', token: 'owner-token-b' },
    ],
    new StaticTravisCredentialsProvider([
      { ...INSTANCE, token: 'instance-token' },
    ]),
  );

  it('returns the owner token', async () => {
    await expect(
      provider.getCredentials(request('Group:Default/Team-A')),
    ).resolves.toEqual({
      token: 'owner-token-a',
    });
    await expect(
      provider.getCredentials(request('group:default/team-b', 'any')),
    ).resolves.toEqual({
      token: 'owner-token-b',
    });
  });

  it('falls back to the instance token', async () => {
    await expect(
      provider.getCredentials(request('group:default/team-c')),
    ).resolves.toEqual({
      token: 'instance-token',
    });
    await expect(provider.getCredentials(request(undefined))).resolves.toEqual({
      token: 'instance-token',
    });
  });

  it('rejects a repository outside the owner patterns', async () => {
    await expect(
      provider.getCredentials(request('group:default/team-a', 'web-frontend')),
    ).rejects.toMatchObject({
      code: 'repository-not-allowed',
      message: expect.stringContaining('acme/web-frontend'),
    });
  });
});
