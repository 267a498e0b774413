/**
 * The application menu: Chinese labels, the standard editing roles (so copy/paste shortcuts work
 * in forms), and reload/devtools only in development — an installed copy has no way to open
 * devtools or reload away unsaved form input.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { WINDOW_TITLE } from './window-options';

export interface MenuOptions {
  packaged: boolean;
  platform: NodeJS.Platform;
  onAbout: () => void;
}

export function menuTemplate({
  packaged,
  platform,
  onAbout,
}: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!packaged) {
    view.push(
      { type: 'separator' },
      { role: 'reload', label: '重新加载' },
      { role: 'toggleDevTools', label: '开发者工具' },
    );
  }
  return [
    // macOS puts the app's own menu first; elsewhere a File menu holds Quit.
    mac
      ? { role: 'appMenu', label: WINDOW_TITLE }
      : { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    {
      label: '窗口',
      role: 'windowMenu',
      submenu: [
        { role: 'minimize', label: '最小化' },
        { role: 'close', label: '关闭' },
      ],
    },
    {
      label: '帮助',
      role: 'help',
      submenu: [{ label: `关于${WINDOW_TITLE}`, click: () => onAbout() }],
    },
  ];
}
