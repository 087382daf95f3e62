import { integerSchema, optionalStringSchema } from './configSchema';

describe('integerSchema', () => {
  const schema = integerSchema({
    min: 1,
    max: 100,
    defaultValue: 5,
    description: 'count',
  });
  const validate = (value: unknown) => schema['~standard'].validate(value);

  it('uses the default when absent', () => {
    expect(validate(undefined)).toEqual({ value: 5 });
  });

  it('accepts an integer in range', () => {
    expect(validate(100)).toEqual({ value: 100 });
  });

  it.each([0, 101, 2.5, '10', null])('rejects %j', value => {
    expect(validate(value)).toEqual({
      issues: [
        {
          message: expect.stringContaining('Expected an integer from 1 to 100'),
        },
      ],
    });
  });
});

describe('optionalStringSchema', () => {
  const validate = (value: unknown) =>
    optionalStringSchema('branch')['~standard'].validate(value);

  it('accepts absent and non-empty strings', () => {
    expect(validate(undefined)).toEqual({ value: undefined });
    expect(validate('main')).toEqual({ value: 'main' });
  });

  it.each(['', '  ', 3, ['main']])('rejects %j', value => {
    expect(validate(value)).toEqual({
      issues: [
        { message: expect.stringContaining('Expected a non-empty string') },
      ],
    });
  });
});
