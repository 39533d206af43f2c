/** Money at the edge: whole pence in, pounds text out. */

/**
 * Formats whole pence as pounds, always with pence, as council reports do.
 *
 * @example
 * formatPounds(2753540) // '£27,535.40'
 * formatPounds(14700000) // '£147,000.00'
 */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${sign}£${pounds.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${rest}`;
}

/**
 * Pence as a decimal pounds string for open data: no symbol, no separators.
 *
 * @example
 * penceToDecimal(2753540) // '27535.40'
 */
export function penceToDecimal(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
