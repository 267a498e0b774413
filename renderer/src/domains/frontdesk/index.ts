/** What other renderer domains may use of the front desk (the home page's tiles). */
export * from './desk';
export * from './walkins';
