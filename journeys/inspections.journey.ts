import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { chromiumMissing, demoPassword, journeySteps, launchBrowser, newContext, type RunningServer, screenshot, signInAs, startBackOfficeServer } from './support.ts';

/**
 * Inspections (issue 12 §2): an inspector records a visit to the rambutan cooperative with the Circular 02/2024
 * checklist and a finding with a photo and a deadline, suspends a range of its stamps (a confirmation that says
 * what the public will see, a reason), and a shopper scanning one of those stamps on a phone reads the suspension
 * with its date at once; the cooperative's owner reads the conclusions without the internal note. Then an inspection
 * plan drawn from the mandatory list, a visit recorded under it, a follow-up with a fine decision, and the approval
 * of the cooperative's product withdrawn (its stamp answers as unknown at once) and restored.
 */
const owner = 'chunhiem@htx-chomchom-binhloc.vn';
const reviewer = 'thamdinh@sokhcn.dongnai.gov.vn';
const inspector = 'thanhtra@sokhcn.dongnai.gov.vn';

const step = journeySteps();

async function apiAs(request: APIRequestContext, baseUrl: string, email: string) {
  const signIn = await request.post(`${baseUrl}/api/auth/sign-in`, { data: { email, password: demoPassword } });
  expect(signIn.status()).toBe(200);
  const me = await (await request.get(`${baseUrl}/api/auth/me`)).json();
  const send = async (method: 'POST' | 'PUT', path: string, data: unknown) => {
    const res = await request.fetch(`${baseUrl}${path}`, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.json();
  };
  const get = async (path: string) => (await request.get(`${baseUrl}${path}`)).json();
  return { me, send, get };
}

const signIn = (page: Page, baseUrl: string, email: string) => signInAs(page, baseUrl, email);

const today = () => {
  const d = new Date(Date.now() + 7 * 3600_000).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
};

describe('inspection: a visit, a finding, stamps suspended', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let organisationName = '';
  let productName = '';
  let gtin = '';
  let first = 0;
  let stampPath = '';
  let organisationId = '';

  beforeAll(async () => {
    server = await startBackOfficeServer();
    browser = await launchBrowser();
    desktop = await newContext(browser, 'desktop');
    page = await desktop.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  step('the cooperative has stamps bound to one of its lots', async () => {
    const context = await browser.newContext();
    const coop = await apiAs(context.request, server.baseUrl, owner);
    organisationId = coop.me.organisationIds[0];
    organisationName = (await coop.get(`/api/organisations/${organisationId}`)).name;
    const lot = (await coop.get(`/api/lots?organisationId=${organisationId}&pageSize=50`)).items.find(
      (l: { status: string }) => l.status === 'active',
    );
    gtin = lot.gtin;
    productName = (await coop.get(`/api/products?organisationId=${organisationId}&q=${gtin}`)).items[0].name;
    const request = await coop.send('POST', '/api/stamps/requests', {
      organisationId,
      gtin,
      quantity: 40,
      kind: 'traceability',
    });
    const department = await browser.newContext();
    const review = await apiAs(department.request, server.baseUrl, reviewer);
    await review.send('POST', `/api/review/items/${request.reviewItemId}/decision`, { decision: 'approve' });
    await department.close();
    const { range } = await coop.get(`/api/stamps/requests/${request.id}`);
    await coop.send('POST', `/api/stamps/ranges/${range.id}/activate`, {
      lot: lot.lot,
      firstSerial: range.firstSerial,
      lastSerial: range.lastSerial,
    });
    first = range.firstSerial;
    stampPath = `/01/${gtin}/10/${lot.lot}/21/${first + 3}`;
    await context.close();
  });

  step('an inspector records a visit with the checklist', async () => {
    await signIn(page, server.baseUrl, inspector);
    await page.getByRole('link', { name: 'Kiểm tra, xử lý' }).click();
    await page.getByRole('heading', { name: 'Kiểm tra, xử lý' }).waitFor();
    await page.getByText('Chọn tổ chức, cơ sở để xem các lần kiểm tra.').waitFor();
    await screenshot(page, 'inspections-1-empty');
    const picker = page.getByRole('combobox', { name: 'Tổ chức' }).first();
    await picker.click();
    await picker.fill(organisationName.slice(0, 12));
    await page.getByRole('option', { name: new RegExp(organisationName) }).first().click();
    await page.getByText('Chưa có lần kiểm tra nào.').waitFor();
    await page.getByLabel('Ngày kiểm tra').fill(today());
    await page.keyboard.press('Escape');
    const row = (name: string) => page.getByRole('row').filter({ hasText: name });
    await row('Nguyên tắc: truy xuất một bước trước').getByText('Đạt', { exact: true }).click();
    await row('Dữ liệu 1: tên sản phẩm').getByText('Đạt', { exact: true }).click();
    await row('Sử dụng tem truy xuất').getByText('Không đạt', { exact: true }).click();
    await row('Sử dụng tem truy xuất').getByRole('textbox').fill('Tem dán lẫn giữa các lô');
    await row('Công bố hợp chuẩn').getByText('Không áp dụng', { exact: true }).click();
    await page.getByRole('textbox', { name: /Ghi chú nội bộ/ }).fill('Nghi có tem sao chép ngoài chợ');
    await page.getByRole('button', { name: 'Lưu lần kiểm tra' }).click();
    await page.getByText(`Kiểm tra ngày ${today()}`).waitFor();
    await screenshot(page, 'inspections-1b-visit-saved');
    await page.getByText(/\d+ mục đã kiểm tra, 1 mục không đạt/).waitFor();
    await page.getByText(/Sử dụng tem truy xuất nguồn gốc — Tem dán lẫn giữa các lô/).waitFor();
  });

  step('a finding with a deadline to fix (journeys/enforcement.journey.ts adds a photo to one)', async () => {
    await page.getByRole('textbox', { name: 'Vi phạm phát hiện' }).fill('Dán tem của lô này lên hàng của lô khác');
    await page.getByLabel('Hạn khắc phục').first().fill('31/12/2026');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Lưu vi phạm' }).click();
    await page.getByText('Hạn khắc phục: 31/12/2026').waitFor();
    const body = await page.locator('main').innerText();
    expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|T\d\d:\d\d:\d\dZ/);
    await screenshot(page, 'inspections-2-visit');
  });

  step('the inspector suspends a range of the stamps, confirming with a reason', async () => {
    await page.getByRole('combobox', { name: 'Sản phẩm' }).first().click();
    await page.getByRole('option', { name: new RegExp(gtin) }).first().click();
    await page.getByRole('textbox', { name: /Số sê-ri đầu/ }).fill(String(first));
    await page.getByRole('textbox', { name: /Số sê-ri cuối/ }).fill(String(first + 9));
    await page.getByRole('textbox', { name: /^Lý do/ }).fill('Tem dán sai lô, chờ cơ sở khắc phục');
    await page.getByRole('button', { name: 'Ra quyết định…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xác nhận quyết định' });
    await dialog.getByText(/Tem đã bị tạm đình chỉ/).waitFor();
    await screenshot(page, 'inspections-3-confirm');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: /Tạm đình chỉ tem/ }).waitFor();
    await page.getByText('Đang áp dụng').waitFor();
    await screenshot(page, 'inspections-4-acts');
  });

  step('a shopper scanning one of those stamps sees the suspension and its date at once', async () => {
    const phone = await newContext(browser, 'phone');
    const consumer = await phone.newPage();
    await consumer.goto(`${server.baseUrl}${stampPath}`);
    await consumer.getByText(`Tem đã bị tạm đình chỉ từ ${today()}`).waitFor();
    expect(await consumer.getByText('Sản phẩm chính hãng').count()).toBe(0);
    await consumer.getByText(productName).first().waitFor();
    await screenshot(consumer, 'inspections-5-consumer-suspended');
    await phone.close();
  });

  step("the cooperative's owner reads the conclusions and the deadline, not the internal note", async () => {
    const context = await newContext(browser, 'desktop');
    const own = await context.newPage();
    await signIn(own, server.baseUrl, owner);
    await own.getByRole('link', { name: 'Kiểm tra, xử lý' }).click();
    await own.getByRole('heading', { name: 'Kết luận kiểm tra' }).waitFor();
    await own.getByText('Hạn khắc phục: 31/12/2026').waitFor();
    await own.getByText('Tạm đình chỉ tem').first().waitFor();
    expect(await own.getByText('Nghi có tem sao chép').count()).toBe(0);
    expect(await own.getByRole('button', { name: 'Gỡ bỏ' }).count()).toBe(0);
    await screenshot(own, 'inspections-6-owner');
    await context.close();
  });

  step('the inspector lifts the suspension and the stamp is genuine again at the next scan', async () => {
    await page.getByRole('button', { name: 'Gỡ bỏ' }).first().click();
    const dialog = page.getByRole('dialog', { name: /Gỡ bỏ/ });
    await dialog.getByRole('textbox', { name: /Lý do gỡ bỏ/ }).fill('Cơ sở đã khắc phục');
    await dialog.getByRole('button', { name: 'Xác nhận gỡ bỏ' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/Đã gỡ bỏ \d\d\/\d\d\/\d{4}/).first().waitFor();
    const phone = await newContext(browser, 'phone');
    const consumer = await phone.newPage();
    await consumer.goto(`${server.baseUrl}${stampPath}`);
    await consumer.getByText('Sản phẩm chính hãng').first().waitFor();
    expect(await consumer.getByText(/tạm đình chỉ/).count()).toBe(0);
    await phone.close();
  });

  const inDays = (n: number) => {
    const d = new Date(Date.now() + 7 * 3600_000 + n * 86400_000).toISOString();
    return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  };

  step('the inspector draws up a plan from the mandatory list and starts it', async () => {
    await page.getByRole('link', { name: 'Kế hoạch kiểm tra' }).click();
    await page.getByRole('heading', { name: 'Kế hoạch kiểm tra' }).waitFor();
    await page.getByRole('button', { name: 'Lập kế hoạch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lập kế hoạch' });
    await dialog.getByRole('textbox', { name: /Tên kế hoạch/ }).fill('Kiểm tra danh mục bắt buộc quý IV');
    // inside a dialog Escape would close it: leave each date field by clicking the title
    const title = dialog.getByRole('textbox', { name: /Tên kế hoạch/ });
    await dialog.getByLabel('Từ ngày').fill(today());
    await title.click();
    await dialog.getByLabel('Đến ngày').fill(inDays(60));
    await title.click();
    await dialog.getByRole('combobox', { name: /Danh mục \(phiên bản đã ban hành\)/ }).click();
    await page.getByRole('option').first().click();
    await screenshot(page, 'inspections-7-plan-form');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: /đã kiểm tra 0\/\d+/ }).waitFor();
    await screenshot(page, 'inspections-7b-plans-list');
    await page.getByRole('link', { name: 'Kiểm tra danh mục bắt buộc quý IV' }).click();
    await page.getByText(/Đối tượng kiểm tra — đã kiểm tra 0\/\d+/).waitFor();
    await page.getByText('Chưa kiểm tra').first().waitFor();
    await page.getByRole('button', { name: 'Bắt đầu thực hiện' }).click();
    const start = page.getByRole('dialog', { name: 'Bắt đầu thực hiện' });
    await start.getByText(/không sửa được nữa/).waitFor();
    await screenshot(page, 'inspections-8a-plan-start');
    await start.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đang thực hiện').waitFor();
    const body = await page.locator('main').innerText();
    expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}/);
    await screenshot(page, 'inspections-8-plan');
  });

  step('a visit recorded under the plan marks its target visited', async () => {
    const target = page.getByRole('row').filter({ hasText: 'Chưa kiểm tra' }).first();
    const name = (await target.getByRole('cell').first().innerText()).trim();
    await target.getByRole('link', { name: 'Ghi nhận kiểm tra' }).click();
    await page.getByRole('heading', { name: 'Kiểm tra, xử lý' }).waitFor();
    await page.getByRole('combobox', { name: 'Thuộc kế hoạch kiểm tra' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Thuộc kế hoạch kiểm tra' }).inputValue()).toBe(
      'Kiểm tra danh mục bắt buộc quý IV',
    );
    await page.getByLabel('Ngày kiểm tra').fill(today());
    await page.keyboard.press('Escape');
    const row = (text: string) => page.getByRole('row').filter({ hasText: text });
    await row('Ghi nhãn hàng hóa').getByText('Không đạt', { exact: true }).click();
    await page.getByRole('button', { name: 'Lưu lần kiểm tra' }).click();
    await page.getByText(`Kiểm tra ngày ${today()}`).waitFor();
    await page.goBack();
    const visited = page.getByRole('row').filter({ hasText: name });
    await visited.getByText('Đã kiểm tra').waitFor();
    await visited.getByRole('link', { name: today() }).waitFor();
    await page.getByText(/Đối tượng kiểm tra — đã kiểm tra 1\/\d+/).waitFor();
    await screenshot(page, 'inspections-9-plan-visited');
  });

  step('a follow-up visit checks the finding again, and a fine decision is recorded', async () => {
    await page.goto(`${server.baseUrl}/app/inspections?organisationId=${organisationId}`);
    await page.getByText('Hạn khắc phục: 31/12/2026').waitFor();
    await page.getByRole('button', { name: 'Kiểm tra lại' }).first().click();
    await page.getByRole('heading', { name: /Kiểm tra lại lần kiểm tra ngày/ }).waitFor();
    await page.getByLabel('Ngày kiểm tra').fill(today());
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Lưu lần kiểm tra' }).click();
    // the visit's own card, not the card of all visits around it
    const followUp = page
      .locator('.mantine-Card-root')
      .filter({ hasText: `Kiểm tra lại ngày ${today()}` })
      .last();
    await followUp.getByText('Kiểm tra lại các vi phạm').waitFor();
    await followUp.getByRole('button', { name: 'Ghi: chưa khắc phục' }).click();
    await followUp.getByText('Chưa khắc phục', { exact: true }).last().waitFor();
    await followUp.getByRole('button', { name: 'Ghi quyết định xử phạt' }).click();
    await followUp.getByRole('textbox', { name: /Số quyết định xử phạt/ }).fill('25/QĐ-XPHC');
    await followUp.getByLabel('Ngày quyết định').fill(today());
    await page.keyboard.press('Escape');
    await followUp.getByRole('textbox', { name: /Số tiền phạt/ }).fill('7500000');
    await followUp.getByRole('textbox', { name: /Căn cứ pháp lý/ }).fill('Điều 21 Nghị định 119/2017/NĐ-CP');
    await followUp.getByRole('button', { name: 'Lưu quyết định xử phạt' }).click();
    await followUp.getByText(`Quyết định số 25/QĐ-XPHC ngày ${today()}: phạt 7.500.000 đồng`).waitFor();
    await screenshot(page, 'inspections-10-follow-up-sanction');
  });

  step('the approval of the product is withdrawn: the stamp answers as unknown at once; lifting restores it', async () => {
    await page.getByRole('combobox', { name: 'Hình thức xử lý' }).click();
    await page.getByRole('option', { name: /Thu hồi phê duyệt/ }).click();
    await page.getByRole('combobox', { name: 'Sản phẩm bị thu hồi phê duyệt' }).click();
    await page.getByRole('option', { name: new RegExp(gtin) }).first().click();
    await page.getByRole('textbox', { name: /^Lý do/ }).fill('Giấy chứng nhận an toàn thực phẩm hết hiệu lực');
    await page.getByRole('button', { name: 'Ra quyết định…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xác nhận quyết định' });
    await dialog.getByText(/Mã không có trong hệ thống/).waitFor();
    await screenshot(page, 'inspections-11-withdrawal-confirm');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: /Thu hồi phê duyệt/ }).waitFor();

    const phone = await newContext(browser, 'phone');
    const consumer = await phone.newPage();
    await consumer.goto(`${server.baseUrl}${stampPath}`);
    await consumer.getByText('Mã không có trong hệ thống').first().waitFor();
    expect(await consumer.getByText(productName).count()).toBe(0);
    await screenshot(consumer, 'inspections-12-consumer-withdrawn');

    const act = page.getByRole('row').filter({ hasText: 'Thu hồi phê duyệt' });
    await act.getByRole('button', { name: 'Gỡ bỏ' }).click();
    const lift = page.getByRole('dialog', { name: /Gỡ bỏ/ });
    await lift.getByText(/Hệ thống không giữ bản đã gỡ/).waitFor();
    await lift.getByRole('textbox', { name: /Lý do gỡ bỏ/ }).fill('Cơ sở đã được cấp lại giấy chứng nhận');
    await screenshot(page, 'inspections-13-withdrawal-lift');
    await lift.getByRole('button', { name: 'Xác nhận gỡ bỏ' }).click();
    await lift.waitFor({ state: 'detached' });
    await act.getByText(/Dữ liệu đã công khai lại như trước/).waitFor();
    await screenshot(page, 'inspections-14-acts-lifted');
    await consumer.goto(`${server.baseUrl}${stampPath}`);
    await consumer.getByText('Sản phẩm chính hãng').first().waitFor();
    await consumer.getByText(productName).first().waitFor();
    await phone.close();
  });

  step("the owner reads the fine decision in the conclusions; organisations have no plans", async () => {
    const context = await newContext(browser, 'desktop');
    const own = await context.newPage();
    await signIn(own, server.baseUrl, owner);
    await own.getByRole('link', { name: 'Kiểm tra, xử lý' }).click();
    await own.getByText(`Quyết định số 25/QĐ-XPHC ngày ${today()}: phạt 7.500.000 đồng`).waitFor();
    await own.getByText('Chưa khắc phục').first().waitFor();
    expect(await own.getByRole('link', { name: 'Kế hoạch kiểm tra' }).count()).toBe(0);
    expect(await own.getByRole('button', { name: 'Ghi quyết định xử phạt' }).count()).toBe(0);
    await screenshot(own, 'inspections-15-owner-sanction');
    await context.close();
  });
});
