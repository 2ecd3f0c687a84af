/** Commands reachable from the native menu (Electron) and from the keyboard (both modes). */
export const menuCommands = [
  'engagement.new',
  'nav.home',
  'nav.framework',
  'palette.open',
  'help.shortcuts',
  'nav.settings',
  'edit.undo',
  'edit.redo',
] as const;

export type MenuCommand = (typeof menuCommands)[number];

export interface Shortcut {
  command: MenuCommand;
  /** As shown to the user; "Mod" is Ctrl, or Cmd on a Mac. */
  keys: string;
  label: string;
}

export const shortcuts: readonly Shortcut[] = [
  { command: 'engagement.new', keys: 'Mod+N', label: 'New engagement' },
  { command: 'nav.home', keys: 'Mod+Shift+H', label: 'Home' },
  { command: 'nav.framework', keys: 'Mod+Shift+F', label: 'Framework browser' },
  { command: 'palette.open', keys: 'Mod+K', label: 'Search and jump' },
  { command: 'help.shortcuts', keys: 'Mod+/', label: 'Keyboard shortcuts' },
  { command: 'nav.settings', keys: 'Mod+,', label: 'Settings' },
  { command: 'edit.undo', keys: 'Mod+Z', label: 'Undo (in an assessment: the last score, vote, note or link)' },
  { command: 'edit.redo', keys: 'Mod+Shift+Z', label: 'Redo' },
];
