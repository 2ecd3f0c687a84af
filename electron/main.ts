/**
 * Electron main process: one engine, windows that talk to it only through the preload's
 * `invoke`/`on`, and the hardening Electron's security checklist asks for.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openEngine } from './core/compose';
import type { Engine } from './core/engine';
import { CONTENT_SECURITY_POLICY } from './core/http';
import { toErrorShape } from './core/registry';
import { mimeFor } from './core/upload';
import { buildMenu, sendToFocused } from './menu';
import { withSavePath } from './save-dialog';
import { isAppPage, projectorHash } from './urls';

const rendererIndex = resolve(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
const windows = new Set<BrowserWindow>();
let engine: Engine | undefined;

/** The better-sqlite3 addon built for Electron's ABI (node_modules keeps Node's build for tests). */
function nativeBinding(): string | undefined {
  const candidates = [
    join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    resolve(__dirname, '..', '..', 'build', 'electron-native', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => existsSync(p));
}

function isAppFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return isAppPage(frame.url, rendererUrl);
}

function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  // The only window a page may open is the app's own projector view, as a window of ours.
  contents.setWindowOpenHandler(({ url }) => {
    const hash = projectorHash(url, rendererUrl);
    if (hash) createProjectorWindow(hash);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The workshop projector: on the second display when there is one, full screen there. */
function createProjectorWindow(hash: string): void {
  const win = createWindow(hash);
  const primary = screen.getPrimaryDisplay();
  const external = screen.getAllDisplays().find((d) => d.id !== primary.id);
  if (external) {
    win.setBounds(external.workArea);
    win.once('ready-to-show', () => win.setFullScreen(true));
  }
}

function createWindow(hash = ''): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    title: 'Maturity Workbench',
    show: false,
    backgroundColor: '#10151c',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click (auxclick) on a link would ask for a new window; the window-open handler denies
      // it anyway, but without the event there is nothing to deny (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  harden(win.webContents);
  windows.add(win);
  win.on('closed', () => windows.delete(win));
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex, hash ? { hash } : undefined);
  return win;
}

/**
 * upload.pick: the user chooses an evidence file in the system dialog and the engine streams it from its
 * path into the data folder, whatever its size. The page never names a path itself.
 */
async function pickEvidenceFile(event: IpcMainInvokeEvent, running: Engine): Promise<unknown> {
  const win = BrowserWindow.fromWebContents(event.sender);
  const options = { title: 'Add an evidence file', properties: ['openFile' as const] };
  const chosen = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const path = chosen.filePaths[0];
  if (chosen.canceled || !path) return { ok: true, result: null };
  try {
    const name = basename(path);
    const result = await running.files.uploads.fromPath(path, { name, mime: mimeFor(name) }, running.library.settings().attachmentLimitMb);
    return { ok: true, result };
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}

async function start(): Promise<void> {
  const dataDir = process.env.MATURITY_DATA_DIR ?? app.getPath('userData');
  engine = await openEngine({ dataDir, transport: 'ipc', nativeBinding: nativeBinding(), version: app.getVersion() });
  const running = engine;

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  ipcMain.handle('api', async (event, command: unknown, input: unknown) => {
    if (!isAppFrame(event)) {
      return { ok: false, error: { code: 'unauthorized', message: 'Requests are accepted only from the app window.' } };
    }
    if (typeof command !== 'string') {
      return { ok: false, error: { code: 'unknown_command', message: 'A command name is required.' } };
    }
    if (command === 'upload.pick') return pickEvidenceFile(event, running);
    // An export without a path asks where to save it; the command then names the chosen file.
    const prepared = await withSavePath(running, BrowserWindow.fromWebContents(event.sender) ?? undefined, command, input);
    if (prepared === null) return { ok: false, error: { code: 'cancelled', message: 'No file was chosen; nothing was exported.' } };
    return running.invoke(command, prepared);
  });

  running.on((event) => {
    for (const win of windows) win.webContents.send('engine-event', event);
  });

  Menu.setApplicationMenu(buildMenu(sendToFocused(() => [...windows]), !app.isPackaged));
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [first] = windows;
    if (first) {
      if (first.isMinimized()) first.restore();
      first.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (windows.size === 0 && engine) createWindow();
  });
  app.on('will-quit', () => engine?.close());
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      // Said in a dialog too: a desktop app has no console to read (a second process on the data folder, a disk fault).
      const message = err instanceof Error ? err.message : String(err);
      console.error('Maturity Workbench could not start:', message);
      dialog.showErrorBox('Maturity Workbench could not start', message);
      app.exit(1);
    });
}
