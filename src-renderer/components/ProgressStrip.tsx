/** Long work under way (loading a snapshot, scoring it, building an image): what, and how far along. */
import type { Progress } from '../../src-main/contract/events';
import { count } from '../format';

export function ProgressStrip({ tasks }: { tasks: readonly Progress[] }) {
  if (tasks.length === 0) {
    return null;
  }
  return (
    <div className="progress-strip" aria-label="Progress">
      {tasks.map((task) => (
        <div key={task.task} className="task" data-task={task.task}>
          <span className="task-label">{task.label}</span>
          {task.total !== null ? <progress max={task.total} value={task.done} aria-label={task.label} /> : <progress aria-label={task.label} />}
          <span className="task-count">
            {count(task.done)}
            {task.total !== null ? ` of ${count(task.total)}` : ''} {task.unit}
          </span>
        </div>
      ))}
    </div>
  );
}
