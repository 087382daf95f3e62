import { mockServices } from '@backstage/backend-test-utils';
import { auditText } from './auditText';

describe('auditText', () => {
  async function failWith(error: Error) {
    const auditor = mockServices.auditor.mock();
    const event = await auditor.createEvent({
      eventId: 'build-trigger',
      meta: { entityRef: 'component:default/payments-api' },
    });
    await event.fail({ error, meta: { outcome: 'failed' } });
    return auditText(auditor);
  }

  it('includes the message of a failed event error', async () => {
    const text = await failWith(new Error('token secret-1 was rejected'));

    expect(JSON.stringify(new Error('secret-1'))).not.toContain('secret-1');
    expect(text).toContain('secret-1');
  });

  it('includes the messages of causes', async () => {
    const text = await failWith(
      new Error('the call failed', {
        cause: new Error('token secret-2 was rejected'),
      }),
    );

    expect(text).toContain('secret-2');
  });

  it('includes enumerable error fields but no stack', async () => {
    const error = Object.assign(new Error('failed'), {
      code: 'token-rejected',
      detail: { token: 'secret-3' },
    });

    const text = await failWith(error);

    expect(text).toContain('token-rejected');
    expect(text).toContain('secret-3');
    expect(text).not.toContain('auditText.test.ts');
  });

  it('includes meta of created events', async () => {
    const text = await failWith(new Error('failed'));

    expect(text).toContain('component:default/payments-api');
    expect(text).toContain('build-trigger');
  });
});
