// Units and numbers as people read them. The server sends UCUM codes (mm[Hg], Cel, 10*3/uL …).

const UCUM_DISPLAY: Record<string, string> = {
  'mm[Hg]': 'mmHg',
  Cel: '°C',
  '[degF]': '°F',
  '{score}': 'score',
  '1': '',
};

/** A UCUM unit code as display text: mm[Hg] → mmHg, Cel → °C, 10*3/uL → 10³/µL, ug/kg/min → µg/kg/min. */
export function displayUnit(ucum: string | null | undefined): string {
  const code = (ucum ?? '').trim();
  if (code === '') return '';
  const known = UCUM_DISPLAY[code];
  if (known !== undefined) return known;
  return code
    .replace(/10\*3/g, '10³')
    .replace(/10\*6/g, '10⁶')
    .replace(/10\*9/g, '10⁹')
    .replace(/\bu(g|L|mol|U)\b/g, 'µ$1')
    .replace(/\[([^\]]+)\]/g, '$1')
    .replace(/\{([^}]+)\}/g, '$1');
}

/** "92 /min", "95%", "38.2 °C"; without a unit just the number. */
export function withUnit(text: string, unit: string): string {
  if (unit === '') return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/**
 * A measured value with as many decimals as its size warrants (≥100: none, ≥10: one, smaller: two),
 * trailing zeros dropped; "–" when there is no value.
 */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const magnitude = Math.abs(value);
  const decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
  const rounded = Number(value.toFixed(decimals));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** "Heart rate (/min)"; just the name when there is no unit. */
export function nameWithUnit(name: string, unit: string): string {
  return unit === '' ? name : `${name} (${unit})`;
}
