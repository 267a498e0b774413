/**
 * Where the Electron build of better-sqlite3 lives. The copy in node_modules is built for Node
 * (tests, browser mode) and must stay that way; Electron loads its own build, passed to
 * better-sqlite3 as `nativeBinding`, so neither silently replaces the other (DESIGN.md §4).
 */
import path from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';

export interface NativeBindingInput {
  packaged: boolean;
  /** `process.resourcesPath`: electron-builder's extraResources land here. */
  resourcesPath: string;
  /** `app.getAppPath()`: the project folder when started with `electron .`. */
  appRoot: string;
  /** `process.versions.electron` */
  electronVersion: string;
}

/** Installed: `<resources>/native/…`; development: `<project>/.native/electron-<version>/…`. */
export function nativeBindingPath(input: NativeBindingInput): string {
  return input.packaged
    ? path.join(input.resourcesPath, 'native', NATIVE_FILE)
    : path.join(input.appRoot, '.native', `electron-${input.electronVersion}`, NATIVE_FILE);
}

/** The error box text when the binary is missing: what happened and the one thing to do. */
export function missingNativeMessage(file: string, packaged: boolean): string {
  return packaged
    ? `数据库组件缺失：${file}\n\n安装不完整，请重新安装接待管理。\n\n` +
        `The database component is missing (${file}). The installation is incomplete: ` +
        `please reinstall Reception Manager.`
    : `数据库组件（better-sqlite3 的 Electron 版本）尚未构建：${file}\n\n` +
        `请用 npm start 启动，它会自动构建该组件。\n\n` +
        `The Electron build of better-sqlite3 is missing (${file}). Start the app with ` +
        `"npm start", which builds it (node scripts/build-native-electron.mjs).`;
}
