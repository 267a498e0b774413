/** What other renderer domains may use of the walk-ins: the host's warnings on his home. */
export { WalkInWarnings } from './WalkInWarnings';
