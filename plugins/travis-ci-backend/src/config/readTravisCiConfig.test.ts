import { ConfigReader } from '@backstage/config';
import { readTravisCiConfig } from './readTravisCiConfig';

function read(travisci: unknown) {
  return readTravisCiConfig(
    new ConfigReader(travisci === undefined ? {} : ({ travisci } as any)),
  );
}

describe('readTravisCiConfig', () => {
  it('rejects a missing travisci section', () => {
    expect(() => read(undefined)).toThrow(
      'Missing travisci config: the Travis CI backend plugin needs the travisci section',
    );
  });

  it('reads the short form with hosted defaults', () => {
    expect(read({ token: 'secret' }).instances).toEqual([
      {
        name: 'default',
        baseUrl: 'https://api.travis-ci.com',
        webUrl: 'https://app.travis-ci.com',
        token: 'secret',
      },
    ]);
  });

  it('defaults the web URL of another host to its origin', () => {
    const config = read({
      instances: [
        { name: 'ent', baseUrl: 'https://travis.example.com/api/', token: 't' },
      ],
    });

    expect(config.instances[0].baseUrl).toBe('https://travis.example.com/api');
    expect(config.instances[0].webUrl).toBe('https://travis.example.com');
  });

  it('reads several instances and the action rules', () => {
    const config = read({
      instances: [
        { name: 'default', baseUrl: 'http://127.0.0.1:8090', token: 'a' },
        {
          name: 'enterprise',
          baseUrl: 'http://127.0.0.1:8091/api',
          webUrl: 'http://127.0.0.1:8091/',
          token: 'b',
        },
      ],
      requestTimeoutMs: 2500,
      actions: { requireOwnership: false, allowServicePrincipals: true },
    });

    expect(config.instances.map(i => [i.name, i.baseUrl, i.webUrl])).toEqual([
      ['default', 'http://127.0.0.1:8090', 'http://127.0.0.1:8090'],
      ['enterprise', 'http://127.0.0.1:8091/api', 'http://127.0.0.1:8091'],
    ]);
    expect(config.requestTimeoutMs).toBe(2500);
    expect(config.actions).toEqual({
      requireOwnership: false,
      allowServicePrincipals: true,
    });
  });

  it.each([
    [
      { token: 't', instances: [{ name: 'a', baseUrl: 'https://x.test' }] },
      'travisci.token cannot be combined with travisci.instances',
    ],
    [{ instances: [] }, 'travisci.instances config: the list is empty'],
    [
      { instances: [{ baseUrl: 'https://x.test' }] },
      'Missing travisci.instances[0].name',
    ],
    [{ instances: [{ name: 'a' }] }, 'Missing travisci.instances[0].baseUrl'],
    [
      { instances: [{ name: 'a b', baseUrl: 'https://x.test' }] },
      'travisci.instances[0].name',
    ],
    [
      {
        instances: [
          { name: 'a', baseUrl: 'https://x.test' },
          { name: 'a', baseUrl: 'https://y.test' },
        ],
      },
      'travisci.instances[1].name config: the name "a" is used twice',
    ],
    [{ baseUrl: 'ftp://x.test' }, 'travisci.baseUrl'],
    [{ baseUrl: 'api.travis-ci.com' }, 'travisci.baseUrl'],
    [{ webUrl: 'https://x.test/?q=1' }, 'travisci.webUrl'],
    [{ token: '  ' }, 'travisci.token config: the value is empty'],
    [{ token: 't', requestTimeoutMs: 5 }, 'travisci.requestTimeoutMs'],
    [{ token: 't', requestTimeoutMs: 'soon' }, 'travisci.requestTimeoutMs'],
    [
      { token: 't', actions: { requireOwnership: 'maybe' } },
      'travisci.actions.requireOwnership',
    ],
    [{ instances: 'default' }, 'travisci.instances'],
  ])('rejects %j naming the key', (travisci, message) => {
    expect(() => read(travisci)).toThrow(message);
  });
});
