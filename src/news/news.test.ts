import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartBody, type TestApp } from '../test/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const admin = () => t.as({ role: 'dost_admin' });
const reviewer = () => t.as({ role: 'dost_reviewer' });
const send = (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url, headers, payload });

describe('/api/news', () => {
  it('the department writes a draft, publishes it on the portal and takes it off again', async () => {
    const created = await send('POST', '/api/news', admin(), {
      kind: 'news',
      title: 'Hội nghị tổng kết Đề án 100 năm 2026',
      summary: 'Tổng kết',
      body: 'Nội dung **chính**.',
    });
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({
      slug: 'hoi-nghi-tong-ket-de-an-100-nam-2026',
      status: 'draft',
      publishedAt: null,
    });
    expect((await t.app.inject({ url: `/tin-tuc/${item.slug}` })).statusCode).toBe(404);
    const published = await send('POST', `/api/news/${item.id}/publish`, reviewer(), {});
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe('published');
    const page = await t.app.inject({ url: `/tin-tuc/${item.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nội dung <strong>chính</strong>.');
    // the same title again gets an address of its own
    const again = await send('POST', '/api/news', admin(), {
      kind: 'guidance',
      title: 'Hội nghị tổng kết Đề án 100 năm 2026',
    });
    expect(again.json().slug).toBe('hoi-nghi-tong-ket-de-an-100-nam-2026-2');
    const off = await send('POST', `/api/news/${item.id}/unpublish`, admin());
    expect(off.json().status).toBe('draft');
    expect((await t.app.inject({ url: `/tin-tuc/${item.slug}` })).statusCode).toBe(404);
    const list = await send('GET', '/api/news?kind=guidance', admin());
    expect(list.json().items.map((n: { kind: string }) => n.kind)).toEqual(['guidance']);
  });

  it('an organisation, an officer and the anonymous may not write; a missing title is named in words', async () => {
    for (const role of ['org_owner', 'sector_officer', 'commune_officer', 'inspector'] as const) {
      const res = await send('POST', '/api/news', t.as({ role }), { kind: 'news', title: 'X' });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/news' })).statusCode).toBe(401);
    const bad = await send('POST', '/api/news', admin(), { kind: 'news', title: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: '/body/title' });
    expect(bad.json().errors[0].message).toContain('tiêu đề');
  });

  it('attachments: an image or PDF is kept as the department’s file; an unknown id is refused', async () => {
    const png = await QRCode.toBuffer('https://example.vn', { width: 200 });
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/news/attachments',
      ...(() => {
        const form = multipartBody({}, [{ name: 'mau.png', data: png, type: 'image/png' }]);
        return { payload: form.payload, headers: { ...form.headers, ...admin() } };
      })(),
    });
    expect(up.statusCode).toBe(201);
    const file = up.json();
    expect(file).toMatchObject({ name: 'mau.png', kind: 'image' });
    const created = await send('POST', '/api/news', admin(), {
      kind: 'guidance',
      title: 'Mẫu tem',
      attachmentIds: [file.id],
    });
    expect(created.json().attachments).toEqual([
      expect.objectContaining({ id: file.id, url: `/files/${file.id}` }),
    ]);
    const unknown = await send('POST', '/api/news', admin(), {
      kind: 'guidance',
      title: 'Mẫu tem 2',
      attachmentIds: ['00000000-0000-4000-8000-000000000009'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('/body/attachmentIds/0');
  });

  it('the preview renders as the portal will: no raw HTML, no javascript: link', async () => {
    const res = await send('POST', '/api/news/preview', admin(), {
      body: '<img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](data:text/html,x) [d](/huong-dan)',
    });
    const { html } = res.json();
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html).toContain('<a href="/huong-dan">d</a>');
  });
});
