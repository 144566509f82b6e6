import { currencyDigits, displayAmount, formatMinor, parseAmount, parsePositiveAmount, toMinor } from './money';

describe('money', () => {
  it('knows the decimals of a currency', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('BHD')).toBe(3);
  });

  it.each([
    ['20', 2000n],
    ['20.5', 2050n],
    ['20.50', 2050n],
    ['1,000.00', 100000n],
    ['0.01', 1n],
    ['-3.00', -300n],
    ['20.500', 2050n],
  ])('reads %s as %s minor units', (text, minor) => {
    expect(parseAmount(text, 2)).toEqual({ ok: true, minor });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['abc', 'not_a_number'],
    ['1e3', 'not_a_number'],
    ['12.', 'not_a_number'],
    ['20.001', 'too_precise'],
  ])('refuses %j as %s', (text, problem) => {
    expect(parseAmount(text, 2)).toEqual({ ok: false, problem });
  });

  it('refuses zero and negatives where a positive amount is needed', () => {
    expect(parsePositiveAmount('0', 2)).toEqual({ ok: false, problem: 'not_positive' });
    expect(parsePositiveAmount('-1', 2)).toEqual({ ok: false, problem: 'not_positive' });
    expect(parsePositiveAmount('0.01', 2)).toEqual({ ok: true, minor: 1n });
  });

  it('refuses decimals a zero-decimal currency does not have', () => {
    expect(parseAmount('5.5', 0)).toEqual({ ok: false, problem: 'too_precise' });
    expect(parseAmount('5', 0)).toEqual({ ok: true, minor: 5n });
  });

  it('writes minor units back exactly, beyond what a double holds', () => {
    expect(formatMinor(2000n, 2)).toBe('20.00');
    expect(formatMinor(5n, 2)).toBe('0.05');
    expect(formatMinor(-5n, 2)).toBe('-0.05');
    expect(formatMinor(7n, 0)).toBe('7');
    expect(formatMinor(900719925474099301n, 2)).toBe('9007199254740993.01');
    expect(toMinor('9007199254740993.01', 2)).toBe(900719925474099301n);
  });

  it('seed example: 70.00 available, 0.00 held, target 20.00 leaves 50.00', () => {
    const left = toMinor('70.00', 2) + toMinor('0.00', 2) - toMinor('20.00', 2);
    expect(formatMinor(left, 2)).toBe('50.00');
  });

  it('groups thousands for display without rounding', () => {
    expect(displayAmount('1234567.89')).toBe('1,234,567.89');
    expect(displayAmount('100.00', 'USD')).toBe('100.00 USD');
    expect(displayAmount('-1000.10')).toBe('-1,000.10');
  });

  it('refuses to invent a figure from a malformed server value', () => {
    expect(() => toMinor('n/a', 2)).toThrow('Not an amount: n/a');
  });
});
