/**
 * `1,234,567`: an integer with thousands separators, exactly as `toLocaleString('en-US')` writes it,
 * without that call's cost (its first call loads the locale data, tens of milliseconds at start-up;
 * later calls are slow too). Numbers beyond the safe integers, -0 and non-finite values are left to
 * `toLocaleString`.
 */
export function groupDigits(value: number): string {
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) return value.toLocaleString('en-US');
  const digits = String(value);
  const negative = value < 0;
  const body = negative ? digits.slice(1) : digits;
  let grouped = body.length > 3 ? '' : body;
  if (body.length > 3) {
    let end = body.length;
    for (; end > 3; end -= 3) grouped = `,${body.slice(end - 3, end)}${grouped}`;
    grouped = `${body.slice(0, end)}${grouped}`;
  }
  return negative ? `-${grouped}` : grouped;
}
