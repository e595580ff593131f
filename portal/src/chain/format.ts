// Turning chain values into what people read: text, amounts, block counts as time.
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** UTF-8 bytes from the chain as text. */
export const text = (bytes: Uint8Array | string): string =>
  typeof bytes === 'string' ? bytes : decoder.decode(bytes);

/** Text as the UTF-8 bytes a call takes. */
export const bytes = (s: string): Uint8Array => encoder.encode(s);

/** `amount` (in plancks) as a decimal with up to `places` fraction digits. */
export function formatAmount(amount: bigint, decimals: number, places = 2): string {
  const unit = 10n ** BigInt(decimals);
  const whole = amount / unit;
  const fraction = (amount % unit).toString().padStart(decimals, '0').slice(0, places).replace(/0+$/, '');
  return `${whole.toLocaleString('en-US')}${fraction ? `.${fraction}` : ''}`;
}

/** A decimal amount typed by a person, in plancks; undefined when it is not a positive number. */
export function parseAmount(input: string, decimals: number): bigint | undefined {
  const m = /^\s*(\d{1,15})(?:\.(\d{0,12}))?\s*$/.exec(input);
  if (!m) return undefined;
  const fraction = (m[2] ?? '').padEnd(decimals, '0').slice(0, decimals);
  const value = BigInt(m[1]) * 10n ** BigInt(decimals) + BigInt(fraction || '0');
  return value > 0n ? value : undefined;
}

/** A short account label: the first and last characters of its address. */
export const shortAddress = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

/** A 32-byte value typed as 0x-prefixed hex, or undefined when it is not one. */
export function hex32(input: string): `0x${string}` | undefined {
  const s = input.trim().toLowerCase();
  return /^0x[0-9a-f]{64}$/.test(s) ? (s as `0x${string}`) : undefined;
}
