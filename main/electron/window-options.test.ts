import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_EXTERNAL_HOSTS,
  CSP,
  browserWindowOptions,
  isAllowedExternalUrl,
  isTrustedRendererUrl,
  shouldBlockNavigation,
  WINDOW_TITLE,
} from './window-options';

const rendererFile = path.resolve('/opt/接待管理/resources/app.asar/out/renderer/index.html');
const own = pathToFileURL(rendererFile).href;
const prod = { rendererFile };
const dev = { rendererFile, devServerUrl: 'http://localhost:5173/' };

describe('browserWindowOptions', () => {
  const options = browserWindowOptions('/app/out/preload/index.cjs');
  const web = options.webPreferences ?? {};

  it('isolates the renderer from Node and Electron', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and embedded content off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.spellcheck).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('has no developer tools unless asked for', () => {
    expect(web.devTools).toBe(false);
    expect(browserWindowOptions('/p').webPreferences?.devTools).toBe(false);
    expect(browserWindowOptions('/p', { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('has a sensible size, the Chinese title and waits for ready-to-show', () => {
    expect(options.width).toBe(1280);
    expect(options.height).toBe(800);
    expect(options.minWidth).toBe(1024);
    expect(options.minHeight).toBe(680);
    expect(options.title).toBe('接待管理');
    expect(WINDOW_TITLE).toBe('接待管理');
    expect(options.show).toBe(false);
  });

  it('sets an icon only when given one', () => {
    expect(options.icon).toBeUndefined();
    expect(browserWindowOptions('/p', { icon: '/i.png' }).icon).toBe('/i.png');
  });
});

describe('isTrustedRendererUrl', () => {
  it('trusts the app’s own index.html, with any route, query or hash', () => {
    expect(isTrustedRendererUrl(own, prod)).toBe(true);
    expect(isTrustedRendererUrl(`${own}#/requests/12`, prod)).toBe(true);
    expect(isTrustedRendererUrl(`${own}?x=1`, prod)).toBe(true);
    // Chromium may report the non-ASCII install folder unescaped or escaped: both are ours.
    expect(isTrustedRendererUrl(`file://${rendererFile}`, prod)).toBe(true);
  });

  it('rejects other files, including ones reached with ../ or a different host', () => {
    expect(isTrustedRendererUrl(pathToFileURL('/etc/passwd').href, prod)).toBe(false);
    expect(isTrustedRendererUrl(own.replace('index.html', 'other.html'), prod)).toBe(false);
    expect(isTrustedRendererUrl(own.replace('index.html', 'index.html.evil'), prod)).toBe(false);
    expect(isTrustedRendererUrl(own.replace('/out/renderer/', '/out/renderer/x/'), prod)).toBe(
      false,
    );
    expect(isTrustedRendererUrl(own.replace('file:///', 'file://fileserver/'), prod)).toBe(false);
    const dotted = own.replace('/renderer/index.html', '/renderer/../preload/index.html');
    expect(isTrustedRendererUrl(dotted, prod)).toBe(false);
    expect(isTrustedRendererUrl('file:///%E0%A4%A', prod)).toBe(false);
  });

  // A Windows install path as Chromium reports it; on POSIX `/C:/…` is just an absolute path,
  // which is enough to exercise the comparison.
  it.skipIf(process.platform === 'win32')(
    'compares Windows drive paths case-insensitively, everything else exactly',
    () => {
      const win = { rendererFile: '/C:/Program Files/App/out/renderer/index.html' };
      expect(
        isTrustedRendererUrl('file:///C:/Program%20Files/App/out/renderer/index.html', win),
      ).toBe(true);
      expect(
        isTrustedRendererUrl('file:///c:/program files/app/OUT/renderer/index.html', win),
      ).toBe(true);
      expect(
        isTrustedRendererUrl('file:///D:/Program Files/App/out/renderer/index.html', win),
      ).toBe(false);
      expect(isTrustedRendererUrl(own.toUpperCase().replace('FILE:', 'file:'), prod)).toBe(false);
    },
  );

  it('rejects javascript:, data:, blob:, about: and garbage', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      `blob:${own}`,
      'about:blank',
      'chrome://settings',
      'devtools://devtools/bundled/inspector.html',
      '',
      'not a url',
    ]) {
      expect(isTrustedRendererUrl(url, dev), url).toBe(false);
    }
  });

  it('rejects http(s) pages unless they come from the dev server’s exact origin', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/', prod)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/#/login', dev)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedRendererUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isTrustedRendererUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost.evil.example:5173/', dev)).toBe(false);
    expect(isTrustedRendererUrl('https://example.com/', dev)).toBe(false);
    expect(isTrustedRendererUrl('http://x', { rendererFile, devServerUrl: 'nonsense' })).toBe(
      false,
    );
  });
});

describe('shouldBlockNavigation', () => {
  it('is the exact opposite of trust', () => {
    expect(shouldBlockNavigation(own, prod)).toBe(false);
    expect(shouldBlockNavigation(`${own}#/x`, prod)).toBe(false);
    for (const url of [
      'https://example.com/',
      'http://example.com/',
      'javascript:void(0)',
      'data:text/html,hi',
      pathToFileURL('/tmp/other.html').href,
      'https://help.reception-manager.example/',
    ]) {
      expect(shouldBlockNavigation(url, prod), url).toBe(true);
    }
  });
});

describe('isAllowedExternalUrl', () => {
  const host = ALLOWED_EXTERNAL_HOSTS[0] ?? '';

  it('allows https links to the allowlisted host only', () => {
    expect(ALLOWED_EXTERNAL_HOSTS.length).toBeGreaterThan(0);
    expect(isAllowedExternalUrl(`https://${host}/guide/visits`)).toBe(true);
    expect(isAllowedExternalUrl(`https://${host.toUpperCase()}/`)).toBe(true);
  });

  it('rejects other schemes, hosts, lookalikes, credentials and ports', () => {
    for (const url of [
      `http://${host}/`,
      `javascript:location='https://${host}/'`,
      `data:text/html,https://${host}/`,
      `file:///${host}/x`,
      'https://example.com/',
      `https://${host}.evil.example/`,
      `https://evil.${host}/`,
      `https://${host}@evil.example/`,
      `https://user:pw@${host}/`,
      `https://${host}:8443/`,
      'mailto:it@example.com',
      'smb://fileserver/share',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});

describe('CSP', () => {
  const directives = new Map(
    CSP.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('never allows eval and only the app’s own scripts', () => {
    expect(CSP).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('shuts plugins, <base>, frames and form posts', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('works as a <meta> tag (frame-ancestors would be ignored there)', () => {
    expect(directives.has('frame-ancestors')).toBe(false);
  });

  // The renderer's index.html carries the policy as a <meta> tag (file:// pages get no headers).
  // Once that file exists it must not be looser than this one on scripts.
  const indexHtml = path.resolve(__dirname, '../../renderer/index.html');
  it.runIf(fs.existsSync(indexHtml))('matches renderer/index.html on scripts', () => {
    const html = fs.readFileSync(indexHtml, 'utf8');
    const tag = /<meta[^>]*Content-Security-Policy[^>]*>/i.exec(html)?.[0] ?? '';
    expect(tag, 'renderer/index.html should have a CSP <meta> tag').not.toBe('');
    const content = /content="([^"]*)"/.exec(tag)?.[1] ?? '';
    expect(content).not.toContain('unsafe-eval');
    expect(content).toMatch(/script-src 'self'(;|$)/);
  });
});
