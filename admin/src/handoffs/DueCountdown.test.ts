import { describe, expect, it } from 'vitest';
import { formatDuration } from './DueCountdown';

describe('formatDuration', () => {
  it('shows the larger units, to the second under a day', () => {
    expect(formatDuration(9_000)).toBe('0m 09s');
    expect(formatDuration(-(2 * 3600 + 5 * 60 + 9) * 1000)).toBe('2h 05m 09s');
    expect(formatDuration((3 * 86_400 + 4 * 3600 + 10 * 60 + 59) * 1000)).toBe('3d 4h 10m');
  });
});
