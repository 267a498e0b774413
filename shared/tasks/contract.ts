import * as z from 'zod';
import type { Page } from '../contract/types';
import { op } from '../contract/spec';
import { id } from '../validation/fields';
import type { TaskCursor, TaskView } from './views';

/** How many days a done task stays in 我的待办 (the "done" list). */
export const DONE_SHOWN_DAYS = 7;

export const tasksMineInput = z.strictObject({
  /** false: open tasks by due time; true: those done in the last DONE_SHOWN_DAYS, newest first. */
  done: z.boolean().default(false),
  /** The last row shown (its due or done time, and id): the page holds the rows after it. */
  after: z.strictObject({ key: z.number().int(), id }).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const tasksOperations = {
  /** 我的待办: the caller's own tasks and his roles' tasks. */
  'tasks.mine': op<Page<TaskView, TaskCursor>>()({
    input: tasksMineInput,
    access: 'session',
    write: false,
  }),
  /** A visit's tasks; "not found" to whoever may not see the request. */
  'tasks.ofRequest': op<TaskView[]>()({
    input: z.strictObject({ requestId: id }),
    access: 'session',
    write: false,
  }),
  'tasks.complete': op<TaskView>()({
    input: z.strictObject({ id }),
    access: 'session',
    write: true,
  }),
  'tasks.reopen': op<TaskView>()({
    input: z.strictObject({ id }),
    access: 'session',
    write: true,
  }),
};

export interface TasksEvents {
  /** A visit's tasks changed (created, done, reopened, voided, fell due): task lists read again. */
  'tasks.changed': { requestId: number };
}
