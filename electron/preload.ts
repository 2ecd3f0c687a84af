/**
 * The only bridge between the sandboxed renderer and the engine: `invoke(command, input)` and
 * `on(channel, callback)`. No Node, no Electron objects reach the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const CHANNELS = ['engine-event', 'menu-command'] as const;
type Channel = (typeof CHANNELS)[number];

contextBridge.exposeInMainWorld('maturity', {
  invoke: (command: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('api', command, input),
  on: (channel: Channel, callback: (payload: unknown) => void): (() => void) => {
    if (!CHANNELS.includes(channel)) throw new Error(`Unknown channel ${String(channel)}`);
    const listener = (_event: IpcRendererEvent, payload: unknown) => callback(payload);
    ipcRenderer.on(channel, listener);
    return () => {
      ipcRenderer.removeListener(channel, listener);
    };
  },
});
