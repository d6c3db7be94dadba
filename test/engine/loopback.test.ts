/** The admin endpoint's peer check: loopback addresses only, in every spelling Node reports. */
import { describe, expect, it } from 'vitest';
import { isLoopback } from '../../src-main/engine/node/serving/http/httpMessages';

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.3.2.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::ffff:192.168.1.9', false],
    ['1270::1', false],
    [undefined, false],
  ])('%s -> %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});
