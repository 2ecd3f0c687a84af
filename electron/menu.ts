/** Native menus. Every item sends a menu command the renderer also binds to a keyboard shortcut. */
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/menu';

export function buildMenu(send: (command: MenuCommand) => void, devTools: boolean): Menu {
  const isMac = process.platform === 'darwin';
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('New Engagement…', 'engagement.new', 'CmdOrCtrl+N'),
        item('Home', 'nav.home', 'CmdOrCtrl+Shift+H'),
        { type: 'separator' },
        item('Settings…', 'nav.settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // The page decides: text undo in a text field, otherwise the assessment's undo history.
        item('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
        item('Redo', 'edit.redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Shift+Z'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        item('Search…', 'palette.open', 'CmdOrCtrl+K'),
      ],
    },
    {
      label: 'View',
      submenu: [
        item('Framework', 'nav.framework', 'CmdOrCtrl+Shift+F'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        ...(devTools ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      role: 'help',
      submenu: [item('Keyboard Shortcuts', 'help.shortcuts', 'CmdOrCtrl+/'), { label: `About ${app.getName()}`, role: 'about' }],
    },
  ];
  return Menu.buildFromTemplate(template);
}

export function sendToFocused(windows: () => BrowserWindow[]) {
  return (command: MenuCommand) => {
    const target = windows().find((w) => w.isFocused()) ?? windows()[0];
    target?.webContents.send('menu-command', command);
  };
}
