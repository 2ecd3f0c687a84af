/** Starts the real engine and HTTP transport against a throwaway data folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandName, Input, Result } from '../../shared/api';
import type { ApiErrorShape } from '../../shared/errors';
import type { EngineEvent } from '../../shared/events';
import { openEngine } from '../../electron/core/compose';
import type { Engine } from '../../electron/core/engine';
import { startServer, type RunningServer } from '../../electron/core/http';

export function tempDir(prefix = 'mw-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface Harness {
  dataDir: string;
  engine: Engine;
  server: RunningServer;
  base: string;
  /** POST /api/<command>; resolves with the parsed body and status whatever the outcome. */
  raw(command: string, body: unknown, init?: { token?: string | null; host?: string }): Promise<{ status: number; body: any }>;
  call<C extends CommandName>(command: C, input: Input<C>): Promise<Result<C>>;
  fail(command: string, input: unknown): Promise<{ status: number; error: ApiErrorShape }>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(dataDir = tempDir(), now?: () => Date, rendererDir?: string): Promise<Harness> {
  let engine = await openEngine({ dataDir, transport: 'http', now });
  let server = await startServer({ engine, rendererDir });
  const h: Harness = {
    dataDir,
    get engine() {
      return engine;
    },
    get server() {
      return server;
    },
    get base() {
      return `http://127.0.0.1:${server.port}`;
    },
    async raw(command, body, init = {}) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      const token = init.token === undefined ? server.token : init.token;
      if (token !== null) headers.Authorization = `Bearer ${token}`;
      if (init.host) headers.Host = init.host;
      const send = () =>
        fetch(`${h.base}/api/${command}`, {
          method: 'POST',
          headers,
          body: typeof body === 'string' ? body : JSON.stringify(body),
        });
      let res: Response;
      try {
        res = await send();
      } catch (err) {
        // A kept-alive connection the server closed after five idle seconds (a test that waited on
        // LibreOffice): the request never reached the server, so it is sent again on a new connection.
        if ((err as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw err;
        res = await send();
      }
      return { status: res.status, body: await res.json() };
    },
    async call(command, input) {
      const { status, body } = await h.raw(command, input);
      if (!body.ok) throw new Error(`${command} failed (${status}): ${body.error.message}`);
      return body.result;
    },
    async fail(command, input) {
      const { status, body } = await h.raw(command, input);
      if (body.ok) throw new Error(`${command} was expected to fail but succeeded`);
      return { status, error: body.error };
    },
    async restart() {
      await server.close();
      engine.close();
      engine = await openEngine({ dataDir, transport: 'http', now });
      server = await startServer({ engine, rendererDir });
    },
    async stop() {
      await server.close();
      engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}

/** An open Server-Sent Events stream of the engine, parsed into events. */
export async function openEvents(h: Harness): Promise<{ next(until: (events: EngineEvent[]) => boolean): Promise<EngineEvent[]>; close(): void }> {
  const controller = new AbortController();
  const res = await fetch(`${h.base}/api/events?token=${h.server.token}`, { signal: controller.signal });
  if (res.status !== 200) throw new Error(`the event stream answered ${res.status}`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: EngineEvent[] = [];
  let buffer = '';
  return {
    /** Reads until `until` holds for the events so far; fails if the stream ends first. */
    async next(until) {
      while (!until(events)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the event stream ended after ${events.length} events`);
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (data) events.push(JSON.parse(data) as EngineEvent);
        }
      }
      return events;
    },
    close: () => controller.abort(),
  };
}
