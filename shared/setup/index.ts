/** What other domains may use of the setup checklist and the import. */
export * from './checklist';
export * from './import';
export { delimiterOf, parseCsv } from './csv';
export { setupOperations, type ImportPreview, type SheetDownload } from './contract';
