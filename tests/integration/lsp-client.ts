/**
 * A minimal Language Server Protocol client over stdio, for driving VS Code's ESLint language server
 * the way the editor does: requests with answers, notifications, and answers to the server's own
 * requests (workspace configuration, capability registration). Every wait is bounded, and `close`
 * always ends the server.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

type Message = { id?: number | string; method?: string; params?: unknown; result?: unknown; error?: unknown };
type Handler = (params: unknown) => unknown;

export class LspClient {
  private readonly server: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (message: Message) => void>();
  private readonly requestHandlers = new Map<string, Handler>();
  private readonly notifications: Message[] = [];
  private readonly waiters: (() => void)[] = [];
  stderr = '';

  constructor(command: string, args: readonly string[], cwd: string) {
    this.server = spawn(command, [...args], { cwd, stdio: 'pipe' });
    this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.server.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  /** Answers the server's requests of `method` (unhandled ones get `null`). */
  onRequest(method: string, handler: Handler): void {
    this.requestHandlers.set(method, handler);
  }

  request<T>(method: string, params: unknown, timeoutMs = 30_000): Promise<T> {
    const id = this.nextId++;
    this.send({ id, method, params });
    return this.bounded(
      new Promise<T>((resolve, reject) => {
        this.pending.set(id, (message) => (message.error ? reject(new Error(JSON.stringify(message.error))) : resolve(message.result as T)));
      }),
      timeoutMs,
      method,
    );
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** The first notification of `method` whose params satisfy `accept`, waiting at most `timeoutMs`. */
  notification<T>(method: string, accept: (params: T) => boolean, timeoutMs = 30_000): Promise<T> {
    const find = () => this.notifications.find((message) => message.method === method && accept(message.params as T))?.params as T | undefined;
    return this.bounded(
      new Promise<T>((resolve) => {
        const check = () => {
          const found = find();
          if (found) resolve(found);
          else this.waiters.push(check);
        };
        check();
      }),
      timeoutMs,
      method,
    );
  }

  /** Shuts the server down politely, and kills it if it does not exit in time. */
  async close(): Promise<void> {
    if (this.server.exitCode !== null || this.server.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.server.once('exit', () => resolve()));
    try {
      await this.request('shutdown', null, 5_000);
      this.notify('exit', null);
      await this.bounded(exited, 5_000, 'exit');
    } catch {
      // Killed below.
    } finally {
      if (this.server.exitCode === null && this.server.signalCode === null) this.server.kill('SIGKILL');
    }
  }

  /** What the server said, for a failure's message. */
  private transcript(): string {
    const said = this.notifications.map((message) => `${message.method}: ${JSON.stringify(message.params).slice(0, 400)}`);
    return [...said, this.stderr].join('\n').slice(-4000);
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      const result = this.requestHandlers.get(message.method)?.(message.params) ?? null;
      this.send({ id: message.id, result });
    } else if (message.method !== undefined) {
      this.notifications.push(message);
      for (const waiter of this.waiters.splice(0)) waiter();
    } else if (typeof message.id === 'number') {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    }
  }

  private bounded<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to ${what} in ${timeoutMs} ms; server said: ${this.transcript()}`)), timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}
