import { isOperationName } from '../../shared/contract/names';
import { OPERATIONS } from '../../shared/contract/operations';

/** The largest body any operation but an upload takes, over HTTP and IPC alike. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * The body limit of one operation: its own (`bodyLimitBytes`: a file upload) or the small default.
 * Never raised for all: a large body is work for the parser, and only an upload has a reason.
 * Here, not in the HTTP server, so the Electron shell's bundle does not take the server with it.
 */
export function bodyLimitFor(op: unknown): number {
  return (isOperationName(op) ? OPERATIONS[op].bodyLimitBytes : undefined) ?? BODY_LIMIT_BYTES;
}
