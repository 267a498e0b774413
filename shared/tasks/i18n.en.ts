import type { tasksZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const tasksEn: Shape<typeof tasksZhCN> = {
  nav: { tasks: 'My tasks' },
  tasks: {
    title: 'My tasks',
    tab: 'Tasks',
    open: 'To do',
    done: 'Done in the last 7 days',
    kind: {
      confirm_arrival: 'Confirm arrival by phone',
      driver_at_pickup: 'Driver at the pickup point',
      signs_and_setup: 'Signs and room setup',
      book_return_tickets: 'Book return tickets',
      return_supplies: 'Return unused supplies',
      submit_reimbursement: 'Submit the reimbursement',
    },
    hint: {
      confirm_arrival:
        'Call the visitors 1 hour before arrival to confirm the time and meeting point',
      driver_at_pickup: 'The driver is at the pickup point 15 minutes early',
      signs_and_setup: 'Put up the banner, welcome sign, table cards and room the day before',
      book_return_tickets: "Book the visitors' return flights or trains",
      return_supplies: 'Return unused gifts and supplies after the visit',
      submit_reimbursement: 'Submit receipts and clear cash advances after the visit',
    },
    column: {
      task: 'Task',
      request: 'Visit',
      owner: 'Owner',
      due: 'Due',
      state: 'State',
      actions: 'Actions',
    },
    anyOf: '{{role}} (anyone)',
    overdue: 'Overdue',
    dueSoon: 'To do',
    doneTag: 'Done',
    voided: 'Void',
    doneBy: 'Done by {{name}} at {{time}}',
    complete: 'Mark done',
    reopen: 'Reopen',
    completed: 'Done: {{task}}',
    reopened: 'Reopened: {{task}}',
    emptyOpen: 'Nothing to do',
    emptyDone: 'No tasks done in the last 7 days',
    emptyRequest: "The visit's tasks are created when the request is filed",
    loadMore: 'Load more',
    due: {
      confirm_arrival: 'Task due: confirm arrival by phone, {{code}} {{org}}',
      driver_at_pickup: 'Task due: driver at the pickup point, {{code}} {{org}}',
      signs_and_setup: 'Task due: signs and room setup, {{code}} {{org}}',
      book_return_tickets: 'Task due: book return tickets, {{code}} {{org}}',
      return_supplies: 'Task due: return unused supplies, {{code}} {{org}}',
      submit_reimbursement: 'Task due: submit the reimbursement, {{code}} {{org}}',
    },
  },
  errors: {
    taskNotFound: 'The task does not exist, or you may not see it.',
    taskVoided: 'The visit was cancelled: this task no longer needs doing.',
    notYourTask: 'Only its owner or the admin office can handle this task.',
  },
  entities: { task: 'Task' },
  audit: { field: { task: 'Task' } },
  ops: {
    tasks: { complete: 'Complete task', reopen: 'Reopen task' },
  },
};
