import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for api.weixin.qq.com speaking code2Session's protocol:
 * GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
 * → {openid, session_key, unionid?} or {errcode, errmsg}. Codes are single use.
 */
export async function startFakeWechat(opts: { appid: string; secret: string }) {
  const used = new Set<string>();
  const calls: URL[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    calls.push(url);
    res.setHeader('content-type', 'text/plain'); // WeChat really answers JSON as text/plain
    if (url.pathname !== '/sns/jscode2session') {
      res.statusCode = 404;
      return res.end('{"errcode":-1,"errmsg":"not found"}');
    }
    const q = url.searchParams;
    if (q.get('appid') !== opts.appid || q.get('secret') !== opts.secret) {
      return res.end(JSON.stringify({ errcode: 40125, errmsg: 'invalid appsecret' }));
    }
    const code = q.get('js_code') ?? '';
    if (q.get('grant_type') !== 'authorization_code' || !code.startsWith('ok-')) {
      return res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
    }
    if (used.has(code)) return res.end(JSON.stringify({ errcode: 40163, errmsg: 'code been used' }));
    used.add(code);
    // The same user behind different codes: "ok-<user>-<n>"
    const user = code.split('-')[1];
    res.end(JSON.stringify({ openid: `oOPENID_${user}`, session_key: 'c2Vzc2lvbg==' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, calls, close: () => new Promise<void>((r) => server.close(() => r())) };
}
