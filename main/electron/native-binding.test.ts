import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingNativeMessage, nativeBindingPath } from './native-binding';

const base = { resourcesPath: '/opt/rm/resources', appRoot: '/src/rm', electronVersion: '45.5.0' };

describe('nativeBindingPath', () => {
  it('uses the copy shipped in resources when installed', () => {
    expect(nativeBindingPath({ ...base, packaged: true })).toBe(
      path.join('/opt/rm/resources', 'native', 'better_sqlite3.node'),
    );
  });

  it('uses the per-Electron-version build in .native during development', () => {
    expect(nativeBindingPath({ ...base, packaged: false })).toBe(
      path.join('/src/rm', '.native', 'electron-45.5.0', 'better_sqlite3.node'),
    );
  });

  it('never points at the Node build in node_modules', () => {
    for (const packaged of [true, false]) {
      expect(nativeBindingPath({ ...base, packaged })).not.toContain('node_modules');
    }
  });
});

describe('missingNativeMessage', () => {
  it('tells developers to run npm start and users to reinstall', () => {
    expect(missingNativeMessage('/x.node', false)).toContain('npm start');
    expect(missingNativeMessage('/x.node', true)).toContain('reinstall');
    expect(missingNativeMessage('/x.node', true)).not.toContain('npm');
  });
});
