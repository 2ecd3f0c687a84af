/**
 * The renderer's one way to the engine. In Electron the preload exposes `window.maturity`;
 * in browser mode the same commands go over HTTP with the launch token, and events arrive by SSE.
 */
import type { CommandName, Input, Result } from '../../shared/api';
import { ApiError, isApiErrorShape } from '../../shared/errors';
import type { EngineEvent } from '../../shared/events';
import type { UploadRef } from '../../shared/files';
import type { MenuCommand } from '../../shared/menu';
import { personMessage } from './errors';

interface Bridge {
  invoke(command: string, input: unknown): Promise<unknown>;
  on(channel: 'engine-event' | 'menu-command', callback: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    maturity?: Bridge;
  }
}

type Outcome = { ok: true; result: unknown } | { ok: false; error: unknown };

function launchToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem('maturity.token', fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem('maturity.token') ?? '';
}

const bridge = window.maturity;
const token = bridge ? '' : launchToken();

function unwrap(outcome: Outcome): unknown {
  if (outcome.ok) return outcome.result;
  if (isApiErrorShape(outcome.error)) throw new ApiError(outcome.error.code, outcome.error.message, outcome.error.details);
  throw new ApiError('internal', 'The engine returned an unreadable answer.');
}

export async function invoke<C extends CommandName>(command: C, input: Input<C>): Promise<Result<C>> {
  if (bridge) return unwrap((await bridge.invoke(command, input)) as Outcome) as Result<C>;
  let response: Response;
  try {
    response = await fetch(`/api/${command}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    throw new ApiError('internal', 'The Maturity Workbench server is not answering. Is it still running?');
  }
  let body: Outcome;
  try {
    body = (await response.json()) as Outcome;
  } catch {
    throw new ApiError('internal', `The server answered ${response.status} without a readable body.`);
  }
  return unwrap(body) as Result<C>;
}

export function onEngineEvent(callback: (event: EngineEvent) => void): () => void {
  if (bridge) return bridge.on('engine-event', (payload) => callback(payload as EngineEvent));
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (message) => callback(JSON.parse(message.data as string) as EngineEvent);
  return () => source.close();
}

export function onMenuCommand(callback: (command: MenuCommand) => void): () => void {
  if (!bridge) return () => undefined;
  return bridge.on('menu-command', (payload) => callback(payload as MenuCommand));
}

export const transport: 'ipc' | 'http' = bridge ? 'ipc' : 'http';

/**
 * Browser mode: streams a file to the engine (POST /api/upload), whatever its size, without reading it into
 * memory as base64 first; `evidence.add` then names it by its upload id.
 */
export async function uploadFile(file: File, name = file.name): Promise<UploadRef> {
  let response: Response;
  try {
    response = await fetch(`/api/upload?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': file.type || 'application/octet-stream', Authorization: `Bearer ${token}` },
      body: file,
    });
  } catch {
    throw new ApiError('internal', 'The Maturity Workbench server is not answering. Is it still running?');
  }
  let body: Outcome;
  try {
    body = (await response.json()) as Outcome;
  } catch {
    throw new ApiError('internal', `The server answered ${response.status} without a readable body.`);
  }
  return unwrap(body) as UploadRef;
}

/** The address of a written export in browser mode (a link cannot send the token as a header). */
export function downloadHref(download: string): string {
  return `${download}?token=${encodeURIComponent(token)}`;
}

/** An error in a person's words (fields named as on screen, no command names); see ./errors. */
export function errorMessage(err: unknown): string {
  return personMessage(err);
}
