// Amounts are exact: integer minor units (bigint) inside, decimal strings at the API, as the
// ledger keeps them. Floating point never touches a figure.

const DIGITS_CACHE = new Map<string, number>();

/** How many decimals the currency has (USD 2, JPY 0, BHD 3), as the ledger refuses more. */
export function currencyDigits(currency: string): number {
  let digits = DIGITS_CACHE.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    DIGITS_CACHE.set(currency, digits);
  }
  return digits;
}

export type AmountProblem = 'required' | 'not_a_number' | 'too_precise' | 'not_positive';

export type ParsedAmount = { ok: true; minor: bigint } | { ok: false; problem: AmountProblem };

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Reads what a person typed (`20`, `20.5`, `1,000.00`) as minor units of a currency with `digits` decimals. */
export function parseAmount(text: string, digits: number): ParsedAmount {
  const cleaned = text.trim().replace(/,/g, '');
  if (cleaned === '') return { ok: false, problem: 'required' };
  const match = DECIMAL.exec(cleaned);
  if (!match) return { ok: false, problem: 'not_a_number' };
  const [, minus, whole = '0', fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) return { ok: false, problem: 'too_precise' };
  const minor = BigInt(whole + fraction.padEnd(digits, '0').slice(0, digits));
  return { ok: true, minor: minus ? -minor : minor };
}

/** A positive amount, as the money writes need. */
export function parsePositiveAmount(text: string, digits: number): ParsedAmount {
  const parsed = parseAmount(text, digits);
  if (parsed.ok && parsed.minor <= 0n) return { ok: false, problem: 'not_positive' };
  return parsed;
}

/** Minor units back to the API's decimal string (`2000n`, 2 → `"20.00"`). */
export function formatMinor(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const magnitude = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = digits > 0 ? '.' + magnitude.slice(magnitude.length - digits) : '';
  return (negative ? '-' : '') + whole + fraction;
}

/** The API's decimal string as minor units; a malformed figure from the server is a bug, not a zero. */
export function toMinor(decimal: string, digits: number): bigint {
  const parsed = parseAmount(decimal, digits);
  if (!parsed.ok) throw new Error(`Not an amount: ${decimal}`);
  return parsed.minor;
}

/** A figure for people: grouped thousands and the currency's decimals, exact (no float). */
export function displayAmount(decimal: string, currency?: string): string {
  const match = DECIMAL.exec(decimal);
  if (!match) return decimal;
  const [, minus, whole = '0', fraction] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = (minus ? '-' : '') + grouped + (fraction !== undefined ? '.' + fraction : '');
  return currency ? `${text} ${currency}` : text;
}
