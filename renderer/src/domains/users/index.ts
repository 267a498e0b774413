export { LockedTile } from './LockedTile';
