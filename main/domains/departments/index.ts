export { departmentsHandlers } from './handlers';
export { departmentsHeadedBy } from './heads';
export { addDepartment, departmentHeads, setFirstHead } from './departments';
