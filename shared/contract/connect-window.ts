/**
 * The first-run choice window of the desktop app (issue 14): "只在本机使用" or "连接公司服务器".
 * Not part of the contract — no dispatcher, no session, no permission stands behind it — but the
 * window and the main process must agree on its messages, so they are typed once here. The window
 * has a preload of its own (main/electron/connect-preload.ts) that exposes exactly this object as
 * `window.connectApi`; the app's main window never gets it, and this window never gets the
 * contract's `receptionApi`.
 *
 * Types only: the preload bundles nothing from here, and main validates every message with its
 * own schemas (main/electron/connect-flow.ts).
 */

/** The window's language: Chinese first, English when the system's language is not Chinese. */
export type ConnectLanguage = 'zh-CN' | 'en';

/** What is wrong with a typed server address, before anything is sent anywhere. */
export type AddressProblem =
  | 'empty'
  /** Another scheme than https (http://, ftp://…): the server only speaks TLS. */
  | 'not-https'
  /** Not a host name or address at all (spaces inside, a bad port, stray characters). */
  | 'not-an-address'
  /** A path, query or fragment: the address is the server only (https://name:port). */
  | 'not-just-server'
  /** A user name or password in the address. */
  | 'credentials'
  | 'too-long';

/** The server as the window shows it after 检查. */
export interface ServerView {
  /** `https://name[:port]`: what will be written to connection.json. */
  origin: string;
  /** `name[:port]`, the server's name as shown. */
  host: string;
  /**
   * `system`: the certificate is trusted by this computer for this name, nothing to compare.
   * `self-signed`: the server made it itself; the person compares the fingerprint and it is pinned.
   */
  trust: 'system' | 'self-signed';
  /** SHA-256 of the certificate, `AA:BB:…` (32 pairs). */
  fingerprint256: string;
  /** The certificate's names (`DNS:reception.example.com`, `IP Address:10.0.0.5`). */
  names: string[];
  /** Who issued it, as OpenSSL prints it (`CN=…, O=…`). */
  issuer: string;
  /** ISO 8601. */
  validTo: string;
}

export type ProbeProblem =
  /** See `addressProblem`. */
  | 'address'
  /** Nothing answered at that name and port (refused, no such name, timed out). */
  | 'unreachable'
  /** Something answered, but not with TLS: usually the wrong port. */
  | 'not-tls'
  | 'certificate-expired'
  | 'certificate-not-yet-valid'
  /** The certificate is for other names than the one typed. */
  | 'wrong-name'
  /** Issued by an authority this computer does not trust (and not self-signed: cannot be pinned). */
  | 'untrusted-authority'
  /** Still busy with the last request. */
  | 'busy'
  /** Not from this window, or not a message main can read. */
  | 'refused';

export type ProbeAnswer =
  | { ok: true; server: ServerView }
  | {
      ok: false;
      problem: ProbeProblem;
      addressProblem?: AddressProblem;
      /** The server's name, when the address could be read. */
      host?: string;
      /** For `wrong-name`: the names the certificate has. */
      names?: string[];
      /** For the two date problems: the certificate's end or start (ISO 8601). */
      date?: string;
      /** The technical cause (`ECONNREFUSED`, …), for IT; not translated. */
      detail?: string;
    };

export type ConnectChoice =
  | { mode: 'local' }
  | {
      mode: 'server';
      /** The origin and fingerprint of the server as 检查 showed it (main pins its own copy). */
      origin: string;
      fingerprint256: string;
      /** "我已核对指纹" — required for a self-signed certificate. */
      fingerprintConfirmed: boolean;
    };

export type ChooseProblem =
  /** The server chosen is not the one last checked (or nothing was checked). */
  | 'not-checked'
  | 'fingerprint-not-confirmed'
  /** At 连接 the server showed another certificate than at 检查. */
  | 'certificate-changed'
  | 'unreachable'
  /** It answered, but `/api/health` did not answer as a Reception Manager server does. */
  | 'not-reception'
  /** The server answers only to its own public name (HTTP 421): another address was typed. */
  | 'wrong-address'
  /** A Reception Manager server, but it answered with an error (stopping, database damaged). */
  | 'server-error'
  /** connection.json could not be written. */
  | 'save-failed'
  | 'busy'
  | 'refused';

export type ChooseAnswer =
  { ok: true } | { ok: false; problem: ChooseProblem; host?: string; detail?: string };

/** `window.connectApi`: everything the choice window may ask of main. */
export interface ConnectBridge {
  readonly locale: ConnectLanguage;
  /** Reads the server's certificate (a TLS handshake, no request). Never rejects. */
  probe(address: string): Promise<ProbeAnswer>;
  /** Saves the choice and continues into the app. Never rejects. */
  choose(choice: ConnectChoice): Promise<ChooseAnswer>;
}

/** The global name of the bridge (`window.connectApi`). */
export const CONNECT_BRIDGE_KEY = 'connectApi';
