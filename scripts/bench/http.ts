// One timed HTTP GET against the server under test: time to the last byte of the body, with a
// hard timeout, and an optional look at each chunk as it arrives (for the streaming export).
import http from 'node:http';

export type Timed = { ok: true; ms: number; status: number; bytes: number; lines: number } | { ok: false; ms: number; error: string; status?: number; bytes?: number };

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export function timedGet(base: string, path: string, options: { timeoutMs: number; onChunk?: (bytesSoFar: number) => void }): Promise<Timed> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    let bytes = 0;
    let lines = 0;
    let status: number | undefined;
    const finish = (result: Timed) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = http.get(new URL(path, base), { agent, headers: { 'accept-encoding': 'identity' } }, (response) => {
      status = response.statusCode ?? 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        options.onChunk?.(bytes);
      });
      response.on('end', () => {
        const ms = performance.now() - started;
        if (status! >= 200 && status! < 300) finish({ ok: true, ms, status: status!, bytes, lines });
        else finish({ ok: false, ms, status, bytes, error: `HTTP ${status}` });
      });
      response.on('error', (error) => finish({ ok: false, ms: performance.now() - started, status, bytes, error: error.message }));
    });
    request.on('error', (error) => finish({ ok: false, ms: performance.now() - started, status, bytes, error: error.message }));
    const timer = setTimeout(() => {
      finish({ ok: false, ms: performance.now() - started, status, bytes, error: `timeout after ${options.timeoutMs / 1000} s` });
      request.destroy();
    }, options.timeoutMs);
  });
}

export function closeConnections(): void {
  agent.destroy();
}
