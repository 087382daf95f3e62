import { validateTriggerForm } from './validateTriggerForm';

const EMPTY = {
  branch: 'main',
  message: '',
  config: '',
  mergeMode: '',
} as const;

describe('validateTriggerForm', () => {
  it('builds a request with only the branch', () => {
    expect(validateTriggerForm(EMPTY)).toEqual({
      valid: true,
      request: { branch: 'main' },
    });
  });

  it('trims the branch and message', () => {
    expect(
      validateTriggerForm({
        ...EMPTY,
        branch: ' main ',
        message: ' Nightly check ',
      }),
    ).toEqual({
      valid: true,
      request: { branch: 'main', message: 'Nightly check' },
    });
  });

  it('requires a branch', () => {
    expect(validateTriggerForm({ ...EMPTY, branch: '  ' })).toEqual({
      valid: false,
      errors: { branch: 'Choose the branch to build.' },
    });
  });

  it('sends a YAML mapping with its merge mode', () => {
    expect(
      validateTriggerForm({
        ...EMPTY,
        config: 'script: make test\nenv:\n  - CI=true\n',
        mergeMode: 'deep_merge_append',
      }),
    ).toEqual({
      valid: true,
      request: {
        branch: 'main',
        config: { script: 'make test', env: ['CI=true'] },
        mergeMode: 'deep_merge_append',
      },
    });
  });

  it('requires a merge mode with a config', () => {
    const result = validateTriggerForm({
      ...EMPTY,
      config: 'script: make test',
    });
    expect(result.valid).toBe(false);
    expect(!result.valid && result.errors.mergeMode).toMatch(/combines with/);
    expect(!result.valid && result.errors.config).toBeUndefined();
  });

  it('rejects YAML that does not parse', () => {
    const result = validateTriggerForm({
      ...EMPTY,
      config: 'script: [make test',
      mergeMode: 'merge',
    });
    expect(result.valid).toBe(false);
    expect(!result.valid && result.errors.config).toMatch(
      /^The config is not valid YAML: /,
    );
  });

  it.each([
    ['- make test\n- make lint', 'a list'],
    ['make test', 'the value "make test"'],
    ['42', 'the value 42'],
    ['~', 'the value null'],
  ])('rejects %j, which is not a mapping', (config, found) => {
    const result = validateTriggerForm({
      ...EMPTY,
      config,
      mergeMode: 'merge',
    });
    expect(result.valid).toBe(false);
    expect(!result.valid && result.errors.config).toContain(
      `but it is ${found}`,
    );
  });

  it('ignores a merge mode without a config', () => {
    expect(validateTriggerForm({ ...EMPTY, mergeMode: 'replace' })).toEqual({
      valid: true,
      request: { branch: 'main' },
    });
  });
});
