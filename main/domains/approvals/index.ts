/** The approval engine, generic over what is approved; subjects plug in through an adapter. */
export { approvalsHandlers } from './handlers';
export {
  activateNext,
  decide,
  planSteps,
  unstaffedStep,
  voidOpenSteps,
  withdraw,
  type PlannedStep,
} from './engine';
export { openStepsOf, roundsDecidedBy, stepViews } from './queries';
export { remindedOn } from './remind';
export { reroute, type StaffChange } from './reroute';
export { actingRight, viewRight } from './rights';
export {
  registerSubject,
  type ApprovalSubject,
  type InboxSubject,
  type SubjectFacts,
  type SubjectRef,
  type TimelineEntry,
} from './subjects';
