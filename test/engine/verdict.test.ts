import { describe, expect, it } from 'vitest';
import type { CheckStatus } from '../../src-main/contract/report';
import { CHECK_IDS } from '../../src-main/engine/common/checks/catalog';
import { exitCodeOf, verdictOf } from '../../src-main/engine/common/checks/verdict';

const all = (status: CheckStatus) => CHECK_IDS.map((id) => ({ id, status }));

describe('verdict', () => {
  it('is READY only when every check is PASS or WARN', () => {
    expect(verdictOf(all('PASS'))).toBe('READY');
    expect(verdictOf(CHECK_IDS.map((id, i) => ({ id, status: i % 2 ? ('WARN' as const) : ('PASS' as const) })))).toBe('READY');
  });
  it.each(['FAIL', 'ERROR', 'NOT RUN'] as const)('one %s makes it NOT READY', (status) => {
    const checks = all('PASS');
    checks[3] = { id: checks[3]!.id, status };
    expect(verdictOf(checks)).toBe('NOT READY');
  });
  it('a missing check counts as not run', () => {
    expect(verdictOf(all('PASS').slice(1))).toBe('NOT READY');
  });
  it('maps to exit codes', () => {
    expect([exitCodeOf('READY'), exitCodeOf('NOT READY')]).toEqual([0, 1]);
  });
});
