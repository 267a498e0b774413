import type {
  AddressProblem,
  ChooseProblem,
  ConnectLanguage,
  ProbeProblem,
} from '../../../shared/contract/connect-window';

/**
 * The choice window's own words, in both languages. A table of its own rather than the app's
 * catalogs: the page is shown before any company, user or setting exists, and it should not load
 * the whole app's messages to say a dozen things. `{{name}}` is filled by `fill`.
 */
export interface ConnectStrings {
  appName: string;
  title: string;
  intro: string;
  localTitle: string;
  localText: string;
  serverTitle: string;
  serverText: string;
  serverFormTitle: string;
  addressLabel: string;
  addressPlaceholder: string;
  addressHelp: string;
  check: string;
  connect: string;
  back: string;
  serverHeading: string;
  factServer: string;
  factCertificate: string;
  factNames: string;
  factIssuer: string;
  factValidTo: string;
  trustSystem: string;
  trustSelfSigned: string;
  compareTitle: string;
  compareText: string;
  fingerprintLabel: string;
  confirm: string;
  confirmFirst: string;
  openingLocal: string;
  openingServer: string;
  noBridgeTitle: string;
  noBridgeText: string;
  /** `{{detail}}`: the technical cause, for IT. */
  detail: string;
  address: Record<AddressProblem, string>;
  /** `{{host}}`, and `{{date}}` / `{{names}}` where the problem has them. */
  probe: Record<Exclude<ProbeProblem, 'address'>, string>;
  choose: Record<ChooseProblem, string>;
}

const zhCN: ConnectStrings = {
  appName: '接待管理',
  title: '选择使用方式',
  intro: '这台电脑上的接待管理要把数据存在哪里？以后如需更改，请联系 IT。',
  localTitle: '只在本机使用',
  localText: '数据保存在这台电脑上，只有这台电脑使用。适合一个前台、一台电脑。',
  serverTitle: '连接公司服务器',
  serverText: '多人、多台电脑共用公司服务器上的同一份数据。需要 IT 提供的服务器地址。',
  serverFormTitle: '连接公司服务器',
  addressLabel: '服务器地址',
  addressPlaceholder: 'https://reception.example.com:8443',
  addressHelp: '按 IT 提供的地址输入（服务器启动时也会显示），例如 reception.example.com:8443。',
  check: '检查',
  connect: '连接',
  back: '返回',
  serverHeading: '服务器',
  factServer: '服务器名称',
  factCertificate: '证书',
  factNames: '证书名称',
  factIssuer: '签发者',
  factValidTo: '有效期至',
  trustSystem: '受这台电脑信任（由证书机构签发）',
  trustSelfSigned: '自签名证书（由服务器自己生成）',
  compareTitle: '连接前请核对证书指纹',
  compareText:
    '请把下面的 SHA-256 指纹与服务器启动时显示的指纹（或 IT 提供的指纹）逐组比对。完全一致，才说明连接的是公司的服务器；有任何一组不同，请不要连接，并联系 IT。',
  fingerprintLabel: 'SHA-256 指纹',
  confirm: '我已核对指纹，与服务器显示的完全一致',
  confirmFirst: '核对指纹并勾选确认后才能连接。',
  openingLocal: '正在打开接待管理…',
  openingServer: '已连接，正在打开接待管理…',
  noBridgeTitle: '此页面只在桌面应用中使用',
  noBridgeText: '请打开接待管理桌面应用，在首次启动时选择使用方式。',
  detail: '技术信息：{{detail}}',
  address: {
    empty: '请输入服务器地址，例如 https://reception.example.com:8443。',
    'not-https': '地址必须以 https:// 开头：公司服务器只接受加密连接。',
    'not-an-address':
      '这不是有效的服务器地址。请按 IT 提供的样子输入，例如 reception.example.com:8443。',
    'not-just-server': '只需输入服务器本身（https://名称:端口），不要带路径、“?” 或 “#”。',
    credentials: '地址中不能包含用户名或密码。',
    'too-long': '地址太长，请检查是否粘贴了多余的内容。',
  },
  probe: {
    unreachable:
      '无法连接 {{host}}。请检查地址和端口是否正确、服务器是否已启动，以及这台电脑能否访问公司网络。',
    'not-tls': '{{host}} 有应答，但不是 https 服务。请检查端口是否正确。',
    'certificate-expired':
      '服务器的证书已于 {{date}} 过期，无法安全连接。请联系 IT 更新服务器证书。',
    'certificate-not-yet-valid':
      '服务器的证书要到 {{date}} 才生效。请检查这台电脑的日期和时间，或联系 IT。',
    'wrong-name':
      '服务器的证书是颁发给 {{names}} 的，与输入的 {{host}} 不符。请使用服务器启动时显示的地址（或 IT 提供的地址）。',
    'untrusted-authority': '服务器的证书由这台电脑不信任的机构签发，无法安全连接。请联系 IT。',
    busy: '正在处理上一个操作，请稍候再试。',
    refused: '操作未被接受，请关闭窗口后重新打开接待管理。',
  },
  choose: {
    'not-checked': '服务器地址已更改，请先点击“检查”。',
    'fingerprint-not-confirmed': '请先核对指纹并勾选确认框。',
    'certificate-changed':
      '连接时服务器出示了另一个证书，与刚才检查的不一致，已停止连接。请重新检查并核对指纹；如果仍不一致，请联系 IT。',
    unreachable: '无法连接 {{host}}，请检查网络后重试。',
    'not-reception':
      '{{host}} 不是接待管理服务器（它没有按接待管理服务器的方式应答）。请检查地址和端口。',
    'wrong-address':
      '服务器只接受它自己的地址，不接受 {{host}}。请使用服务器启动时显示的地址（或 IT 提供的地址）。',
    'server-error':
      '{{host}} 是接待管理服务器，但现在无法工作（可能正在停止或维护）。请稍后再试，或联系 IT。',
    'save-failed': '无法保存连接设置，请检查这台电脑的磁盘空间和权限。',
    busy: '正在处理上一个操作，请稍候再试。',
    refused: '操作未被接受，请关闭窗口后重新打开接待管理。',
  },
};

const en: ConnectStrings = {
  appName: 'Reception Manager',
  title: 'How will this computer be used?',
  intro:
    'Where should Reception Manager on this computer keep its data? To change it later, ask IT.',
  localTitle: 'On this computer only',
  localText:
    'The data stays on this computer and only this computer uses it: one front desk, one PC.',
  serverTitle: 'Connect to the company server',
  serverText:
    'Several people and computers share the same data on the company’s server. You need the server address from IT.',
  serverFormTitle: 'Connect to the company server',
  addressLabel: 'Server address',
  addressPlaceholder: 'https://reception.example.com:8443',
  addressHelp: 'As IT gave it (the server prints it too), e.g. reception.example.com:8443.',
  check: 'Check',
  connect: 'Connect',
  back: 'Back',
  serverHeading: 'Server',
  factServer: 'Server name',
  factCertificate: 'Certificate',
  factNames: 'Certificate names',
  factIssuer: 'Issued by',
  factValidTo: 'Valid until',
  trustSystem: 'Trusted by this computer (issued by a certificate authority)',
  trustSelfSigned: 'Self-signed (made by the server itself)',
  compareTitle: 'Compare the certificate’s fingerprint before connecting',
  compareText:
    'Compare the SHA-256 fingerprint below, group by group, with the one the server printed when it started (or the one IT gave you). Only if they are identical is this the company’s server; if any group differs, do not connect and tell IT.',
  fingerprintLabel: 'SHA-256 fingerprint',
  confirm: 'I have compared the fingerprint: it is identical to the server’s',
  confirmFirst: 'Tick the box once the fingerprint matches.',
  openingLocal: 'Opening Reception Manager…',
  openingServer: 'Connected. Opening Reception Manager…',
  noBridgeTitle: 'This page belongs to the desktop app',
  noBridgeText:
    'Open the Reception Manager desktop app: it asks how it will be used the first time it starts.',
  detail: 'Technical details: {{detail}}',
  address: {
    empty: 'Type the server’s address, for example https://reception.example.com:8443.',
    'not-https':
      'The address must start with https://: the company server only accepts encrypted connections.',
    'not-an-address':
      'This is not a valid server address. Type it as IT gave it, for example reception.example.com:8443.',
    'not-just-server': 'Type the server only (https://name:port), without a path, “?” or “#”.',
    credentials: 'The address must not contain a user name or password.',
    'too-long': 'The address is too long. Check that nothing else was pasted with it.',
  },
  probe: {
    unreachable:
      'Cannot reach {{host}}. Check the address and port, that the server is running, and that this computer is on the company network.',
    'not-tls': '{{host}} answered, but not over https. Check the port.',
    'certificate-expired':
      'The server’s certificate expired on {{date}}: a secure connection is not possible. Ask IT to renew it.',
    'certificate-not-yet-valid':
      'The server’s certificate is only valid from {{date}}. Check this computer’s date and time, or ask IT.',
    'wrong-name':
      'The server’s certificate was issued for {{names}}, not for {{host}}. Use the address the server printed when it started (or the one IT gave you).',
    'untrusted-authority':
      'The server’s certificate was issued by an authority this computer does not trust: a secure connection is not possible. Ask IT.',
    busy: 'Still busy with the last step. Try again in a moment.',
    refused: 'The request was not accepted. Close this window and start Reception Manager again.',
  },
  choose: {
    'not-checked': 'The address has changed: press “Check” first.',
    'fingerprint-not-confirmed': 'Compare the fingerprint and tick the box first.',
    'certificate-changed':
      'When connecting, the server showed another certificate than the one just checked, so nothing was sent. Check again and compare the fingerprint; if it still differs, tell IT.',
    unreachable: 'Cannot reach {{host}}. Check the network and try again.',
    'not-reception':
      '{{host}} is not a Reception Manager server (it did not answer as one does). Check the address and port.',
    'wrong-address':
      'The server only answers to its own address, not to {{host}}. Use the address the server printed when it started (or the one IT gave you).',
    'server-error':
      '{{host}} is a Reception Manager server, but it cannot work right now (it may be stopping or under maintenance). Try again later, or ask IT.',
    'save-failed':
      'The connection settings could not be saved. Check this computer’s disk space and permissions.',
    busy: 'Still busy with the last step. Try again in a moment.',
    refused: 'The request was not accepted. Close this window and start Reception Manager again.',
  },
};

export const CONNECT_STRINGS: Record<ConnectLanguage, ConnectStrings> = { 'zh-CN': zhCN, en };

/** `{{name}}` → `params.name`; a missing parameter is left out rather than shown as `{{name}}`. */
export function fill(template: string, params: Record<string, string | undefined>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => params[name] ?? '');
}
