import './views/views.css';
export { ChangeLines } from './views/ChangeList';
export { CheckList } from './views/CheckList';
export { OnBehalfTag, RetroactiveTag, StepStatusTag } from './views/Tags';
export { useFmt, type Fmt } from './views/useFmt';
export { HostHome, OfficeWeekTile } from './home/RequestsHome';
