import './views/views.css';
export { ChangeLines } from './views/ChangeList';
export { CheckList } from './views/CheckList';
export { OnBehalfTag, RetroactiveTag } from './views/Tags';
export { useFmt, type Fmt } from './views/useFmt';
