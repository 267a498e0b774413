export { ImportUsersDialog } from './ImportUsersDialog';
export { PolicyReviewNote } from './PolicyReviewNote';
export { SetupChecklistCard } from './SetupChecklistCard';
