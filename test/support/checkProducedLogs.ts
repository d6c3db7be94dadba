/** Setup file (vitest.config.ts): after each test file, every log its runs wrote must fit the event schemas. */
import { afterAll, expect } from 'vitest';
import { tempDirsMade } from './paths';
import { findLogs, refusedLogs } from './producedLogs';

afterAll(() => {
  expect(refusedLogs(findLogs(tempDirsMade())), 'a run wrote an event its schema refuses (src-main/engine/common/events)').toEqual([]);
});
