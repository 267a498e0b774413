export { departmentsHandlers } from './handlers';
export { departmentsHeadedBy } from './heads';
