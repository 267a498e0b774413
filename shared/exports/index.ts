export {
  EXPORT_FORMATS,
  EXPORT_SOURCES,
  exportFilterSchema,
  type ExportFile,
  type ExportFilter,
  type ExportFormat,
  type ExportJob,
  type ExportSource,
} from './contract';
