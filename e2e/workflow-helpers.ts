import { apiCall, residentLogin, staffLogin, type ApiSession } from './harness';

/** Staff who may move a ticket along, tried in turn (the demo seeds these). */
const DISPATCHERS = ['street-dispatcher', 'dispatcher'];
const HANDLERS = ['handler', 'hrss-handler'];

async function ticketFor(api: string, s: ApiSession, id: string) {
  return apiCall<any>(api, 'GET', `/tickets/${id}`, undefined, s.accessToken);
}

async function act(api: string, s: ApiSession, id: string, body: Record<string, unknown>) {
  const r = await apiCall<any>(api, 'POST', `/tickets/${id}/actions`, body, s.accessToken);
  if (r.status !== 200) throw new Error(`${body.action} by ${s.user.displayName}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Drives a resident's ticket through 受理 → 交办 → 签收 → 反馈 (with a photo) as the demo staff would. */
export async function resolveTicket(api: string, id: string, outcomeNote = '经调解,双方达成一致,已处理完毕') {
  let dispatcher: ApiSession | null = null;
  for (const name of DISPATCHERS) {
    const s = await staffLogin(api, name);
    const t = await ticketFor(api, s, id);
    if (t.status === 200 && (t.body.allowedActions || []).includes('accept')) {
      dispatcher = s;
      break;
    }
  }
  if (!dispatcher) throw new Error('no demo dispatcher may accept this ticket');
  await act(api, dispatcher, id, { action: 'accept', note: '已受理' });
  const accepted = (await ticketFor(api, dispatcher, id)).body;
  const handlers = await Promise.all(HANDLERS.map((n) => staffLogin(api, n)));
  const targets: { id: string }[] = accepted.dispatchTargets || [];
  let handler = handlers.find((h) => targets.some((t) => t.id === h.user.departmentId));
  if (!handler) throw new Error(`no demo handler among dispatch targets ${JSON.stringify(targets)}`);
  await act(api, dispatcher, id, { action: 'dispatch', departmentId: handler.user.departmentId, note: '请尽快办理' });
  await act(api, handler, id, { action: 'sign' });
  const photo = await uploadPhoto(api, handler);
  await act(api, handler, id, { action: 'feedback', outcome: 'mediated', note: outcomeNote, photoIds: photo ? [photo] : [] });
  return { dispatcher, handler };
}

/** A handler files feedback again after the resident asked for 重办. */
export async function feedbackAgain(api: string, handler: ApiSession, id: string) {
  await act(api, handler, id, { action: 'feedback', outcome: 'handled', note: '已重新处理,欠款已全部追回' });
}

/** A small JPEG from a data URL (any real JPEG works). */
async function uploadPhoto(api: string, s: ApiSession): Promise<string | null> {
  // 1×1 white JPEG
  const b64 =
    '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==';
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(b64, 'base64')], { type: 'image/jpeg' }), 'p.jpg');
  const r = await fetch(api + '/uploads', { method: 'POST', headers: { authorization: `Bearer ${s.accessToken}` }, body: form });
  if (r.status !== 201) return null;
  return ((await r.json()) as { id: string }).id;
}

/** A resident with one submitted report, made through the API. */
export async function residentWithReport(api: string, phone: string, text: string) {
  const resident = await residentLogin(api, phone);
  const r = await apiCall<any>(api, 'POST', '/reports', { text, contactPhone: phone }, resident.accessToken, { 'Idempotency-Key': crypto.randomUUID() });
  if (r.status !== 201) throw new Error(`report: ${r.status} ${JSON.stringify(r.body)}`);
  return { resident, ticket: r.body as { id: string; caseCode: string } };
}
