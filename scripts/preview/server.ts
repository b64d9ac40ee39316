/**
 * The local preview server: `startPreview({ port, stateFile, fresh })` loads (or inserts) the spreadsheet,
 * listens on 127.0.0.1 only and resolves with `{ url, close() }`. `npm start` runs it via scripts/preview.ts;
 * tests import it directly (port 0 = a free port).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { repoRoot } from '../bundle-host';
import { createHandler, DEFAULT_BODY_LIMIT } from './api';
import { PreviewSession, type StartupInfo } from './session';

export const DEFAULT_PORT = 8080;
export const HOST = '127.0.0.1';

export interface PreviewOptions {
  /** Port to listen on (0 = any free port; default 8080). */
  port?: number;
  /** Where the spreadsheet is saved (default out/preview-state.json). */
  stateFile?: string;
  /** Start over with a newly inserted canvas. */
  fresh?: boolean;
  distDir?: string;
  /** Largest accepted request body in bytes (default 2 MB). */
  bodyLimit?: number;
  log?: (line: string) => void;
}

export interface PreviewServer {
  url: string;
  port: number;
  stateFile: string;
  startup: StartupInfo;
  session: PreviewSession;
  close(): Promise<void>;
}

export function defaultStateFile(): string {
  return join(repoRoot(), 'out', 'preview-state.json');
}

export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const stateFile = options.stateFile ?? defaultStateFile();
  const log = options.log ?? ((line: string) => console.log(line));
  const session = new PreviewSession({ stateFile, fresh: options.fresh, distDir: options.distDir });
  let port = options.port ?? DEFAULT_PORT;
  const label = relative(process.cwd(), stateFile) || stateFile;
  const handler = createHandler({
    session,
    allowedHosts: () => [`${HOST}:${port}`, `localhost:${port}`],
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    stateFileLabel: label,
    log,
  });
  const server: Server = createServer(handler);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE')
        reject(new Error(`Port ${port} is already in use. Start the preview on another one: PORT=8081 npm start`));
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/`,
    port,
    stateFile,
    startup: session.startup,
    session,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
