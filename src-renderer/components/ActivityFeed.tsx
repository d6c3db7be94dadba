/** What the run did, newest first, as the engine worded it. */
import type { ActivityItem } from '../../src-main/contract/runView';
import { shortTime } from '../format';

export function ActivityFeed({ items }: { items: readonly ActivityItem[] }) {
  return (
    <section className="panel activity" aria-label="Activity">
      <header className="panel-header">
        <h2>Activity</h2>
      </header>
      {items.length === 0 ? (
        <p className="muted pad">Nothing yet.</p>
      ) : (
        // It scrolls: focusable, so a keyboard can scroll it too.
        <ol className="feed" tabIndex={0} aria-label="Activity, newest first">
          {[...items].reverse().map((item) => (
            <li key={item.seq} className={`feed-${item.level}`}>
              <span className="feed-time">{item.eventTime ? shortTime(item.eventTime) : item.wallTime.slice(11, 19)}</span>
              <span className="feed-text">{item.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
