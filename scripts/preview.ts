import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { callServer } from './preview/rpc';
import { viewOf } from './preview/sheet-view';
import { loadWorkbook, type PreviewSample, type PreviewWorkbook, previewSampleOf } from './preview/workbook';

/**
 * `npm run preview` (SPEC §7): the real built sidebar beside the sample
 * sheets, with google.script.run answered in-process by the built Code.js
 * over the Sheets stand-in. Also what the browser tests drive.
 */
export interface PreviewOptions {
  /** 0 picks a free port. Default 5173. */
  port?: number;
  host?: string;
  /** The project folder (sample-data/, dist/). Default: the working directory. */
  root?: string;
  /** Delay before each google.script.run answer, so progress shows as it would over the network. */
  latencyMs?: number;
}

export interface Preview {
  url: string;
  /** The workbook a sample's page shows (created on first use). */
  workbook(sample: PreviewSample): PreviewWorkbook;
  /** Reloads a sample's data from CSV, as if freshly opened. */
  reset(sample: PreviewSample): PreviewWorkbook;
  /** Changes the delay before each google.script.run answer (tests make progress visible with it). */
  setLatency(ms: number): void;
  close(): Promise<void>;
}

const MAX_BODY = 1_000_000;

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const root = resolve(options.root ?? process.cwd());
  let latency = options.latencyMs ?? 0;
  const workbooks = new Map<PreviewSample, PreviewWorkbook>();
  const workbook = (sample: PreviewSample) => {
    let found = workbooks.get(sample);
    if (!found) {
      found = loadWorkbook(sample, root);
      workbooks.set(sample, found);
    }
    return found;
  };
  const reset = (sample: PreviewSample) => {
    workbooks.delete(sample);
    return workbook(sample);
  };
  const dialog = (file: string, sample: PreviewSample) =>
    withShim(readFileSync(join(root, 'dist', file), 'utf8'), asset('shim.js'), sample);
  const asset = (name: string) => readFileSync(join(root, 'scripts/preview', name), 'utf8');

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://preview.local');
    // `?lang=` names the sample workbook: ko, en, or team (a Korean team's own sheet).
    const language = previewSampleOf(url.searchParams.get('lang'));
    const key = `${request.method} ${url.pathname}`;
    switch (key) {
      case 'GET /':
        return send(response, 200, 'text/html', page(asset('page.html'), workbook(language)));
      case 'GET /preview/page.js':
        return send(response, 200, 'text/javascript', asset('page.js'));
      case 'GET /preview/page.css':
        return send(response, 200, 'text/css', asset('page.css'));
      case 'GET /sidebar':
        return send(response, 200, 'text/html', dialog('Sidebar.html', language));
      case 'GET /settings':
        return send(response, 200, 'text/html', dialog('Settings.html', language));
      case 'GET /connect':
        return send(response, 200, 'text/html', dialog('Connect.html', language));
      case 'GET /review':
        return send(response, 200, 'text/html', dialog('Review.html', language));
      case 'GET /sheets':
        return sendJson(response, 200, viewOf(workbook(language)));
      case 'POST /rpc': {
        const body = await readJson(request);
        const answer = callServer(workbook(language), body.fn, body.args);
        if (latency > 0) await new Promise((done) => setTimeout(done, latency));
        return sendJson(response, 200, answer);
      }
      case 'POST /select': {
        const body = await readJson(request);
        const ss = workbook(language).standIn.spreadsheet;
        const sheet = typeof body.sheet === 'string' && ss.getSheetByName(body.sheet) ? body.sheet : null;
        const row = Number(body.row);
        if (!sheet || !Number.isInteger(row) || row < 1)
          return sendJson(response, 400, { error: 'bad selection' });
        workbook(language).standIn.select(sheet, `A${row}`);
        return sendJson(response, 200, { ok: true });
      }
      case 'GET /favicon.ico':
        response.writeHead(204).end();
        return;
      case 'POST /reset':
        reset(language);
        return sendJson(response, 200, { ok: true });
      default:
        return send(response, 404, 'text/plain', 'Not found');
    }
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent) send(response, 500, 'text/plain', `Preview error: ${message}`);
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 5173, host, () => ready());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    workbook,
    reset,
    setLatency: (ms) => {
      latency = ms;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The built HTML with the google.script.run shim ahead of the page's own script, as Apps Script injects its own. */
function withShim(html: string, shim: string, sample: PreviewSample): string {
  const tag = `<script data-lang="${sample}">\n${shim.replace(/<\/script/gi, '<\\/script')}\n</script>\n`;
  return html.replace('</head>', () => `${tag}</head>`);
}

function page(template: string, workbook: PreviewWorkbook): string {
  const ss = workbook.standIn.spreadsheet;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ss.getSpreadsheetTimeZone() }).format(
    workbook.standIn.now(),
  );
  const values: Record<string, string> = {
    LANG: workbook.sample,
    SPREADSHEET: ss.getName(),
    TODAY: `${today} (${ss.getSpreadsheetTimeZone()})`,
    PANEL_TITLE: workbook.language === 'ko' ? '딜 패널' : 'Deal panel',
  };
  return template
    .replace(
      '<html lang="ko" data-lang="ko">',
      `<html lang="${workbook.language}" data-lang="${workbook.sample}">`,
    )
    .replace(/\{\{(\w+)\}\}/g, (_, name: string) => escapeHtml(values[name] ?? ''));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json', JSON.stringify(value));
}
