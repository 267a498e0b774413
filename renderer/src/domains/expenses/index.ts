/** What other renderer domains may use of the expenses (the home page's section). */
export { FinanceHome } from './home/FinanceHome';
