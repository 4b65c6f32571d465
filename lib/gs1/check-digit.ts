/**
 * The GS1 mod-10 check digit shared by GTIN, GLN and SSCC (GS1 General
 * Specifications §7.9.1): from the right, digits are weighted 3, 1, 3, 1, ...;
 * the check digit brings the weighted sum up to a multiple of ten.
 *
 * requires: `body` is digits only (the identifier without its check digit).
 */
export function gs1CheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError('gs1CheckDigit: body must be digits');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of `id` is the right check digit for the rest. */
export function hasValidCheckDigit(id: string): boolean {
  if (!/^\d{2,}$/.test(id)) return false;
  return gs1CheckDigit(id.slice(0, -1)) === Number(id.at(-1));
}

/** Appends the check digit to `body`. */
export function withCheckDigit(body: string): string {
  return body + String(gs1CheckDigit(body));
}
