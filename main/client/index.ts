/** The desktop app's client of the office server (issue 14); see remote-client.ts. */
export { createRemoteClient, RECONNECT_DELAYS_MS, RETRY_DELAYS_MS } from './remote-client';
export type {
  ConnectionStatus,
  InvokeOptions,
  RemoteClient,
  RemoteClientOptions,
  RemoteEventListener,
  StatusDetail,
} from './remote-client';
export { probe } from './probe';
export type { ProbeFailure, ProbeOptions, ProbeResult, ServerCertificateInfo } from './probe';
export { OriginError, parseServerOrigin, type ServerOrigin } from './origin';
export { normalizeFingerprint, type CertificateInfo } from './certificate';
export { CERTIFICATE_CHANGED_KEY, CERTIFICATE_UNTRUSTED_KEY } from './results';
