import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SubscribeSend {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
}

/**
 * A local stand-in for api.weixin.qq.com speaking its JSON (errcode/errmsg):
 * - GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
 *   → {openid, session_key, unionid?}. Codes are single use.
 * - GET /cgi-bin/token?grant_type=client_credential&appid&secret → {access_token, expires_in}.
 * - POST /cgi-bin/message/subscribe/send?access_token → {errcode:0, errmsg:'ok'};
 *   40001 for an unknown token. `failNext` queues failures for the next sends:
 *   'errcode' answers {errcode:-1, errmsg:'system error'}, 'http500' a bare 500.
 */
export async function startFakeWechat(opts: { appid: string; secret: string }) {
  const used = new Set<string>();
  const calls: URL[] = [];
  const tokens = new Set<string>();
  const sent: SubscribeSend[] = [];
  const failNext: ('errcode' | 'http500')[] = [];
  let tokenCount = 0;
  const subscribeSend = (url: URL, body: string, res: import('node:http').ServerResponse) => {
    if (!tokens.has(url.searchParams.get('access_token') ?? '')) return res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }));
    const failure = failNext.shift();
    if (failure === 'http500') {
      res.statusCode = 500;
      return res.end('Internal Server Error');
    }
    if (failure === 'errcode') return res.end(JSON.stringify({ errcode: -1, errmsg: 'system error' }));
    let msg: SubscribeSend;
    try {
      msg = JSON.parse(body) as SubscribeSend;
    } catch {
      return res.end(JSON.stringify({ errcode: 47001, errmsg: 'data format error' }));
    }
    if (!msg.touser || !msg.template_id || !msg.data) return res.end(JSON.stringify({ errcode: 47003, errmsg: 'argument invalid!' }));
    sent.push(msg);
    res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', msgid: sent.length }));
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    calls.push(url);
    res.setHeader('content-type', 'text/plain'); // WeChat really answers JSON as text/plain
    if (url.pathname === '/cgi-bin/token') {
      const q = url.searchParams;
      if (q.get('grant_type') !== 'client_credential') return res.end(JSON.stringify({ errcode: 40002, errmsg: 'invalid grant_type' }));
      if (q.get('appid') !== opts.appid || q.get('secret') !== opts.secret) return res.end(JSON.stringify({ errcode: 40125, errmsg: 'invalid appsecret' }));
      const token = `TOKEN_${++tokenCount}`;
      tokens.add(token);
      return res.end(JSON.stringify({ access_token: token, expires_in: 7200 }));
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => subscribeSend(url, body, res));
      return;
    }
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
  return { base: `http://127.0.0.1:${port}`, calls, sent, failNext, tokenCalls: () => calls.filter((u) => u.pathname === '/cgi-bin/token').length, close: () => new Promise<void>((r) => server.close(() => r())) };
}
