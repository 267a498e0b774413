import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from './menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('menuTemplate', () => {
  const onAbout = vi.fn();

  it('has Chinese top-level labels and the editing roles', () => {
    const menu = menuTemplate({ packaged: true, platform: 'win32', onAbout });
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(roles(menu)).toEqual(
      expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'undo', 'quit']),
    );
  });

  it('offers reload and devtools only in development', () => {
    const installed = roles(menuTemplate({ packaged: true, platform: 'win32', onAbout }));
    expect(installed).not.toContain('reload');
    expect(installed).not.toContain('toggleDevTools');
    const dev = roles(menuTemplate({ packaged: false, platform: 'linux', onAbout }));
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('puts the app menu first on macOS', () => {
    expect(menuTemplate({ packaged: true, platform: 'darwin', onAbout })[0]?.role).toBe('appMenu');
  });

  it('opens About from Help', () => {
    const help = menuTemplate({ packaged: true, platform: 'linux', onAbout }).at(-1);
    const about = Array.isArray(help?.submenu) ? help.submenu[0] : undefined;
    expect(about?.label).toBe('关于接待管理');
    (about?.click as () => void)();
    expect(onAbout).toHaveBeenCalledOnce();
  });
});
