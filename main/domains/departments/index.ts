export { departmentsHandlers } from './handlers';
export { addDepartment, departmentHeads, setFirstHead } from './departments';
