import type { Res, TestApp } from './test-app';

/** POST /uploads as a browser would: multipart, field `file`, with whatever name and type the client claims. */
export async function uploadFile(t: Pick<TestApp, 'origin'>, token: string | null, data: Buffer, filename = 'photo.jpg', type = 'image/jpeg', field = 'file'): Promise<Res> {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(data)], { type }), filename);
  const res = await fetch(`${t.origin}/api/v1/uploads`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

/** GET a signed photo link (path as the API returned it); the bytes and status. */
export async function fetchPhoto(t: Pick<TestApp, 'origin'>, path: string): Promise<{ status: number; data: Buffer; type: string | null }> {
  const res = await fetch(t.origin + path);
  return { status: res.status, data: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') };
}
