/**
 * URLs the window must never show and the system browser must never be handed: the navigation,
 * window-open and open-external allowlists are run on each (D6). `own` is the app's page.
 */
import { ALLOWED_EXTERNAL_HOSTS } from '../../../main/electron/window-options';

export function disallowedUrls(own: string): string[] {
  const help = ALLOWED_EXTERNAL_HOSTS[0] ?? 'help.example';
  const ownPath = new URL(own).pathname;
  return [
    // Schemes that run or carry a page of their own.
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'javascript://%0aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    `blob:${own}`,
    'about:blank',
    'about:srcdoc',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'view-source:https://evil.example/',
    'filesystem:https://evil.example/temporary/x',
    // Other files on this machine, and the app's page reached by another path or host.
    'file:///etc/passwd',
    'file:///C:/Windows/System32/calc.exe',
    'file://fileserver/share/index.html',
    `file://evil.example${ownPath}`,
    own.replace('index.html', 'index.html.evil'),
    own.replace('index.html', '../preload/index.cjs'),
    own.replace('/renderer/index.html', '/renderer/../renderer/x/../../main/index.js'),
    `${own.replace('index.html', '')}`,
    // Plain web, the help host over http or with tricks, and look-alikes.
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'http://localhost:5173/',
    `http://${help}/`,
    `https://${help}.evil.example/`,
    `https://evil.${help}/`,
    `https://${help}@evil.example/`,
    `https://user:pw@${help}/`,
    `https://${help}:8443/`,
    `https://${help}%2F@evil.example/`,
    `https://${help.replace('e', 'е')}/`, // Cyrillic е: an IDN look-alike (xn--)
    `//evil.example/`,
    `https:evil.example`,
    'https://evil.example/#https://' + help,
    // Other handlers the OS would run.
    'mailto:it@example.com',
    'smb://fileserver/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=calc',
    'tel:+8613800138000',
    'not a url',
    '',
  ];
}
