import { describe, expect, it } from 'vitest';
import { ApiError } from './client.ts';
import { applyProblem, fieldPath } from './form-errors.ts';

/** The part of a Mantine form that applyProblem uses. */
function fakeForm(values: Record<string, unknown>) {
  const errors: Record<string, unknown> = {};
  return { values, errors, setFieldError: (path: string, message: unknown) => (errors[path] = message) };
}

const problem = (errors: { field: string; message: string }[]) =>
  new ApiError({
    type: '/problems/validation',
    title: 'Dữ liệu gửi lên không hợp lệ',
    status: 400,
    errors: errors.map((e) => ({ ...e, code: 'x' })),
  });

describe('problem documents on forms', () => {
  it('turns JSON Pointers into form paths', () => {
    expect(fieldPath('/body/taxCode')).toBe('taxCode');
    expect(fieldPath('/body/inputs/0/quantity')).toBe('inputs.0.quantity');
    expect(fieldPath('/querystring/organisationId')).toBe('querystring.organisationId');
    expect(fieldPath('/name')).toBe('name');
  });

  it('puts each message beside its input and returns the rest for the alert', () => {
    const form = fakeForm({ name: '', inputs: [{ quantity: '' }], polygon: [] });
    const rest = applyProblem(
      form as never,
      problem([
        { field: '/body/name', message: 'bắt buộc' },
        { field: '/body/inputs/0/quantity', message: 'phải lớn hơn 0' },
        { field: '/body/polygon', message: 'vùng không hợp lệ' },
        { field: '/body/unknown', message: 'không có ô nhập' },
      ]),
    );
    // a message put together from parts still starts as a sentence
    expect(form.errors).toEqual({ name: 'Bắt buộc', 'inputs.0.quantity': 'Phải lớn hơn 0' });
    // a list has no input of its own: its message stays in the alert
    expect(rest?.errors?.map((e) => e.field)).toEqual(['/body/polygon', '/body/unknown']);
    expect(rest?.title).toBe('Dữ liệu gửi lên không hợp lệ');
  });

  it('follows aliases when the form keeps a value under another name', () => {
    const form = fakeForm({ party: { name: '' } });
    applyProblem(form as never, problem([{ field: '/body/to/name', message: 'bắt buộc' }]), { to: 'party' });
    expect(form.errors).toEqual({ 'party.name': 'Bắt buộc' });
  });

  it('leaves errors that are not problems to the caller', () => {
    expect(applyProblem(fakeForm({}) as never, new Error('network'))).toBeNull();
  });
});
