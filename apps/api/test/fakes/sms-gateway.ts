import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local SMS gateway for SMS_PROVIDER=http: records every `{phone, text}` it is sent. */
export async function startFakeSmsGateway() {
  const received: { phone: string; text: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      try {
        received.push(JSON.parse(body) as { phone: string; text: string });
        res.end('{"ok":true}');
      } catch {
        res.statusCode = 400;
        res.end('{"ok":false}');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/send`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}
