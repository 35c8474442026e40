// Synthetic ID numbers for tests. The check character is computed here on its own
// (ISO 7064 MOD 11-2), so tests do not trust the code they test to build fixtures.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function check(body17: string): string {
  const sum = [...body17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i]!, 0);
  return '10X98765432'[sum % 11]!;
}

/** A valid ID: prefix (6 digits), birth date yyyymmdd, 3-digit sequence (odd = male). */
export function makeId(prefix: string, birth: string, sequence: number): string {
  const body = prefix + birth + String(sequence).padStart(3, '0');
  return body + check(body);
}

/** The same ID with its check character replaced by a wrong one. */
export function withWrongCheck(id: string): string {
  const right = id[17]!;
  return id.slice(0, 17) + (right === '0' ? '1' : '0');
}
