import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { chromiumMissing, demoPassword, journeySteps, launchBrowser, newContext, type RunningServer, screenshot, signInAs, startBackOfficeServer } from './support.ts';

/**
 * The whole enforcement loop of issue 12 in one server, across roles: the agriculture officer issues a mandatory
 * list version and the department's reviewer approves it; the compliance view names the gaps organisation by
 * organisation; a shopper scans a durian carton's stamp on a phone and reports it with a phone number; the inspector
 * finds the report in the queue, takes its case, follows "Ghi nhận kiểm tra" to a visit at the packing house (the
 * case and the organisation carried into the form) with the checklist and a finding with a photo and a deadline,
 * suspends a range of the carton's stamps through the confirmation; the shopper's next scan says the stamp is
 * suspended; the inspector closes the case and the case page says what to tell the shopper.
 */
const officer = 'nongnghiep@snnmt.dongnai.gov.vn';
const reviewer = 'thamdinh@sokhcn.dongnai.gov.vn';
const inspector = 'thanhtra@sokhcn.dongnai.gov.vn';
const inspectorName = 'Phạm Văn Kiểm';
// the owner of another organisation (the rambutan cooperative)
const rambutanOwner = 'chunhiem@htx-chomchom-binhloc.vn';

function withCheckDigit(digits: string): string {
  const sum = [...digits].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return digits + ((10 - (sum % 10)) % 10);
}
// the demo packing house's durian cartons, serials 1–500 activated to lot PH2606-D1 (src/demo/stamps.ts)
const durianCarton = withCheckDigit('0893601600020');
const packingHouse = 'Công ty TNHH Sơ chế Đóng gói Nông sản Xuân Lộc';
const durianFarm = 'Hộ kinh doanh Vườn sầu riêng Sáu Hậu';
const serial = 100 + (Date.now() % 300);
const stampPath = `/01/${durianCarton}/10/PH2606-D1/21/${serial}`;
const message = `Tem trên thùng sầu riêng mua ở chợ bị bong, dán lại (${serial})`;
const listTitle = `Danh mục sầu riêng bắt buộc truy xuất ${String(Date.now()).slice(-5)}`;

// an 8×8 PNG in four coloured squares: the finding's photo
const photoPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAHElEQVR4nGM4YRMFR3JIiIGaElui4EgOCVFRAgBXO1FBBTIseAAAAABJRU5ErkJggg==',
  'base64',
);

/** Today in the province (UTC+7), dd/mm/yyyy. */
const today = () => {
  const d = new Date(Date.now() + 7 * 3600_000).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
};

const step = journeySteps();

const signIn = (page: Page, baseUrl: string, email: string) => signInAs(page, baseUrl, email);

async function plainWords(page: Page) {
  const body = await page.locator('main').innerText();
  expect(body).not.toMatch(/urn:|[0-9a-f]{8}-[0-9a-f]{4}-|T\d\d:\d\d:\d\dZ|\/body\/|undefined|null/);
}

// list → gaps → report → case → visit → suspension → consumer → closed → nothing for another organisation
describe('the enforcement loop, across roles', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let phone: BrowserContext;
  let desktop: BrowserContext;
  let page: Page;
  let caseUrl = '';
  let caseId = '';
  let packingHouseId = '';

  beforeAll(async () => {
    server = await startBackOfficeServer();
    browser = await launchBrowser();
    phone = await newContext(browser, 'phone');
    desktop = await newContext(browser, 'desktop');
    page = await desktop.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  step(
    '1. the agriculture officer drafts and submits a mandatory list version; the reviewer approves it',
    async () => {
      await signIn(page, server.baseUrl, officer);
      await page.getByRole('link', { name: 'Danh mục truy xuất' }).click();
      await page.getByRole('heading', { name: 'Danh mục truy xuất' }).waitFor();
      // a new mandatory list of the officer's own sector
      await page.getByRole('button', { name: 'Lập danh mục' }).click();
      let dialog = page.getByRole('dialog', { name: 'Lập danh mục' });
      await expect(dialog.getByLabel('Lĩnh vực').inputValue()).resolves.toBe('Nông nghiệp và Môi trường');
      // a list without a title is refused in words, naming the field, and nothing is stored
      await dialog.getByRole('button', { name: 'Tạo danh mục' }).click();
      await expect(dialog.getByRole('alert').innerText()).resolves.toMatch(/tên danh mục/i);
      await screenshot(page, 'enforcement-1-new-list-refused');
      await dialog.getByRole('textbox', { name: 'Tên danh mục' }).fill(listTitle);
      await dialog.getByRole('button', { name: 'Tạo danh mục' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Danh mục chưa có phiên bản nào.').waitFor();
      // its first version: the decision that issues it and the products it names
      await page.getByRole('button', { name: 'Soạn phiên bản mới' }).click();
      dialog = page.getByRole('dialog', { name: 'Soạn phiên bản mới' });
      await dialog.getByRole('textbox', { name: 'Số quyết định' }).fill('3012/QĐ-UBND');
      // a date is typed as dd/mm/yyyy; a click on the dialog's title closes its calendar (Escape would close the dialog)
      await dialog.getByLabel('Ngày quyết định').fill('01/12/2026');
      await dialog.getByRole('heading', { name: 'Soạn phiên bản mới' }).click();
      await dialog.getByRole('textbox', { name: 'Người ký' }).fill('Phó Chủ tịch UBND tỉnh');
      await dialog.getByLabel('Có hiệu lực từ').fill('01/12/2026');
      await dialog.getByRole('heading', { name: 'Soạn phiên bản mới' }).click();
      await dialog.getByRole('textbox', { name: 'Nhóm, tên hoặc mã GTIN' }).fill('Sầu riêng');
      await screenshot(page, 'enforcement-1a-version-form');
      await dialog.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await dialog.waitFor({ state: 'detached' });
      const versions = page.getByRole('table', { name: 'Các phiên bản' });
      await versions.getByRole('row').filter({ hasText: 'Bản nháp' }).waitFor();
      await versions.getByRole('button', { name: 'Gửi duyệt' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Gửi duyệt' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await versions.getByRole('row').filter({ hasText: 'Chờ duyệt' }).waitFor();
      await screenshot(page, 'enforcement-1b-version-submitted');
      await desktop.clearCookies();

      // the department's reviewer returns it once, with a reason; the officer reads it, mends the draft, resubmits
      const openList = async (email: string) => {
        await signIn(page, server.baseUrl, email);
        await page.getByRole('link', { name: 'Danh mục truy xuất' }).click();
        await page.getByRole('heading', { name: 'Danh mục truy xuất' }).waitFor();
        await page.getByLabel('Danh mục', { exact: true }).first().click();
        await page.getByRole('option', { name: new RegExp(listTitle) }).click();
      };
      await openList(reviewer);
      await versions.getByRole('button', { name: 'Trả lại' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Lý do trả lại' }).fill('Ghi đủ họ tên người ký quyết định');
      await dialog.getByRole('button', { name: 'Trả lại' }).click();
      await dialog.waitFor({ state: 'detached' });
      await versions.getByRole('row').filter({ hasText: 'Bị trả lại' }).waitFor();
      await desktop.clearCookies();
      await openList(officer);
      await versions.getByRole('button', { name: 'Sửa' }).click();
      dialog = page.getByRole('dialog', { name: 'Sửa phiên bản 1' });
      await dialog.getByText('Ghi đủ họ tên người ký quyết định').waitFor();
      await expect(dialog.getByRole('textbox', { name: 'Số quyết định' }).inputValue()).resolves.toBe(
        '3012/QĐ-UBND',
      );
      await dialog.getByRole('textbox', { name: 'Người ký' }).fill('Phó Chủ tịch UBND tỉnh Võ Văn Phi');
      await screenshot(page, 'enforcement-1c-returned-edit');
      await dialog.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await dialog.waitFor({ state: 'detached' });
      await versions.getByRole('button', { name: 'Gửi duyệt' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Gửi duyệt' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await versions.getByRole('row').filter({ hasText: 'Chờ duyệt' }).waitFor();
      await desktop.clearCookies();

      // the reviewer issues it
      await openList(reviewer);
      await versions.getByRole('button', { name: 'Duyệt, ban hành' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByText('có hiệu lực từ 01/12/2026').waitFor();
      await dialog.getByRole('button', { name: 'Duyệt, ban hành' }).click();
      await dialog.waitFor({ state: 'detached' });
      await versions.getByRole('row').filter({ hasText: 'Đã ban hành' }).waitFor();
      await page.getByText('Đang có hiệu lực').waitFor();
      await plainWords(page);
      await screenshot(page, 'enforcement-1d-list-in-force');
    },
  );

  step('2. the compliance view of that version names the gaps with the organisations', async () => {
    const table = page.getByRole('table', { name: 'Mức độ đáp ứng truy xuất' });
    await table.waitFor();
    // the packing house's carton meets the list; the durian farm's fruit is named with what it lacks, in words
    const ok = table.getByRole('row').filter({ hasText: packingHouse });
    await expect(ok.innerText()).resolves.toContain('Sầu riêng Ri6 thùng 10 kg');
    const gap = table.getByRole('row').filter({ hasText: durianFarm });
    await expect(gap.innerText()).resolves.toContain('Sầu riêng Ri6 tươi');
    // the farm has no stamps in the demo: that gap is there whatever the date (events age out of the 90 days)
    await expect(gap.getByRole('cell').last().innerText()).resolves.toMatch(/^chưa dùng tem(; |$)/);
    await expect(
      page.getByText(/\d+ cơ sở, \d+ sản phẩm thuộc danh mục; [1-9]\d* sản phẩm còn thiếu/).count(),
    ).resolves.toBe(1);
    // the commune filter names the communes, not their codes
    await page.getByRole('combobox', { name: 'Xã, phường' }).click();
    const communes = await page.getByRole('option').allInnerTexts();
    expect(communes.length).toBeGreaterThan(0);
    for (const name of communes) expect(name).toMatch(/^(Xã|Phường) \p{L}/u);
    await screenshot(page, 'enforcement-2b-commune-filter');
    await page.keyboard.press('Escape');
    await plainWords(page);
    await screenshot(page, 'enforcement-2-compliance-gaps');
    await desktop.clearCookies();
  });

  step('3. a shopper scans a durian carton on a phone and reports it with a contact phone', async () => {
    const consumer = await phone.newPage();
    await consumer.goto(`${server.baseUrl}${stampPath}`);
    await expect(consumer.locator('#verdict strong').textContent()).resolves.toBe('Sản phẩm chính hãng');
    await consumer.locator('#message').fill(message);
    await consumer.locator('#phone').fill('0912 345 678');
    await consumer.getByRole('checkbox').check();
    await screenshot(consumer, 'enforcement-3a-consumer-report-form');
    await consumer.locator('form button[type=submit]').last().click();
    await consumer.waitForLoadState();
    await expect(consumer.locator('[role=status]').textContent()).resolves.toContain('Cảm ơn');
    await screenshot(consumer, 'enforcement-3b-consumer-report-sent');
    await consumer.close();
  });

  step(
    '4a. the inspector sees the report in the queue, opens its case, assigns it to themself and starts',
    async () => {
      await signIn(page, server.baseUrl, inspector);
      await page.getByRole('link', { name: 'Vụ việc, phản ánh' }).click();
      await page.getByRole('heading', { name: 'Vụ việc nghi gian lận' }).waitFor();
      await page.getByRole('tab', { name: 'Phản ánh của người tiêu dùng' }).click();
      const row = page.getByRole('row').filter({ hasText: message });
      await row.waitFor();
      await expect(row.innerText()).resolves.toContain('0912 345 678');
      await screenshot(page, 'enforcement-4a-report-queue');
      await plainWords(page);
      await row.getByRole('link', { name: /^HS-/ }).click();
      await page.getByText('Chờ phân loại').first().waitFor();
      await page.getByText(message).first().waitFor();
      await expect(page.locator('main').innerText()).resolves.toContain(packingHouse);
      caseUrl = page.url();
      // no way to a page the inspector may not open (the stamps page)
      expect(await page.getByRole('link', { name: 'Xem tem' }).count()).toBe(0);
      // kept for the last step's checks that another organisation cannot read any of it
      caseId = caseUrl.split('/cases/')[1] ?? '';
      packingHouseId = (await (await page.request.get(`${server.baseUrl}/api/cases/${caseId}`)).json())
        .subject.organisationId;
      await page.getByRole('button', { name: 'Giao xử lý' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: 'Giao cho' }).click();
      await page.getByRole('option', { name: new RegExp(inspectorName) }).click();
      await dialog.getByRole('button', { name: 'Giao xử lý' }).click();
      await page.getByText(`Người xử lý: ${inspectorName}`).waitFor();
      await page.getByRole('button', { name: 'Bắt đầu xử lý' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Bắt đầu xử lý' }).click();
      await page.getByText('Đang xử lý').first().waitFor();
      await screenshot(page, 'enforcement-4b-case-handling');
      await plainWords(page);
    },
  );

  step('4b. "Ghi nhận kiểm tra" opens the visit form for the case and the packing house', async () => {
    await page.getByRole('link', { name: 'Ghi nhận kiểm tra' }).click();
    await page.getByRole('heading', { name: 'Kiểm tra, xử lý' }).waitFor();
    // the case and its organisation are carried into the page: no picking again
    await page.getByText(/Ghi nhận cho vụ việc HS-\d{6}/).waitFor();
    const picker = page.getByRole('combobox', { name: 'Tổ chức' }).first();
    await expect.poll(() => picker.inputValue()).toContain(packingHouse);
    await page.getByText('Chưa có lần kiểm tra nào.').waitFor();
    await screenshot(page, 'enforcement-4c-visit-form-from-case');
    await plainWords(page);
  });

  step(
    '4c. the inspector records the visit with the checklist, then a finding with a photo and a deadline',
    async () => {
      await page.getByLabel('Ngày kiểm tra').fill(today());
      await page.keyboard.press('Escape');
      const row = (name: string) => page.getByRole('row').filter({ hasText: name });
      await row('Nguyên tắc: truy xuất một bước trước').getByText('Đạt', { exact: true }).click();
      await row('Dữ liệu 1: tên sản phẩm').getByText('Đạt', { exact: true }).click();
      await row('Sử dụng tem truy xuất').getByText('Không đạt', { exact: true }).click();
      await row('Sử dụng tem truy xuất').getByRole('textbox').fill('Tem thùng bị bóc ra dán lại ngoài chợ');
      await row('Công bố hợp chuẩn').getByText('Không áp dụng', { exact: true }).click();
      await page.getByRole('textbox', { name: /Ghi chú nội bộ/ }).fill('Theo phản ánh của người tiêu dùng');
      await page.getByRole('button', { name: 'Lưu lần kiểm tra' }).click();
      await page.getByText(`Kiểm tra ngày ${today()}`).waitFor();
      await page.getByText(/\d+ mục đã kiểm tra, 1 mục không đạt/).waitFor();

      await page
        .getByRole('textbox', { name: 'Vi phạm phát hiện' })
        .fill('Tem của thùng sầu riêng bị bóc, dán lại');
      await page.getByLabel('Hạn khắc phục').first().fill('31/12/2026');
      await page.keyboard.press('Escape');
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Thêm ảnh' }).last().click(),
      ]);
      await chooser.setFiles({ name: 'hien-truong.png', mimeType: 'image/png', buffer: photoPng });
      await expect.poll(() => page.locator('main img[src*="/files/"]').count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Lưu vi phạm' }).click();
      await page.getByText('Hạn khắc phục: 31/12/2026').waitFor();
      const photo = page.getByRole('img', { name: 'Ảnh hiện trường' }).first();
      await photo.waitFor();
      await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await screenshot(page, 'enforcement-4d-visit-finding-photo');
      await plainWords(page);
    },
  );

  step(
    '5. the inspector suspends a range of the carton stamps, covering the scanned one, through the confirmation',
    async () => {
      // the case's product is already chosen: the stamps of the range the report is about
      await expect
        .poll(() => page.getByRole('combobox', { name: 'Sản phẩm' }).first().inputValue())
        .toBe(`Sầu riêng Ri6 thùng 10 kg (${durianCarton})`);
      // opening the picker lists the organisation's products to choose from, the chosen one among them
      await page.getByRole('combobox', { name: 'Sản phẩm' }).first().click();
      await page
        .getByRole('option', { name: new RegExp(durianCarton) })
        .first()
        .click();
      await page.getByRole('textbox', { name: /Số sê-ri đầu/ }).fill(String(serial - 5));
      await page.getByRole('textbox', { name: /Số sê-ri cuối/ }).fill(String(serial + 5));
      await page
        .getByRole('textbox', { name: /^Lý do/ })
        .fill('Tem bị bóc, dán lại; chờ xác minh nguồn hàng');
      await page.getByRole('button', { name: 'Ra quyết định…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Xác nhận quyết định' });
      await dialog.getByText(/Tem đã bị tạm đình chỉ/).waitFor();
      // the confirmation says which stamps, and how many
      await dialog
        .getByText(`Tem GTIN ${durianCarton}, số sê-ri ${serial - 5}–${serial + 5} (11 tem)`)
        .waitFor();
      await page.waitForTimeout(400); // the dialog's opening transition, for the screenshot
      await screenshot(page, 'enforcement-5a-confirm-suspension');
      await dialog.getByRole('button', { name: 'Xác nhận' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: /Tạm đình chỉ tem/ }).waitFor();
      await page.getByText(`số sê-ri ${serial - 5}–${serial + 5}`).waitFor();
      await page.getByText('Đang áp dụng').waitFor();
      await screenshot(page, 'enforcement-5b-suspension-in-force');
    },
  );

  step(
    '6. the shopper scans the same stamp again and reads the suspension with its date at once',
    async () => {
      const consumer = await phone.newPage();
      await consumer.goto(`${server.baseUrl}${stampPath}`);
      await consumer.getByText(`Tem đã bị tạm đình chỉ từ ${today()}`).waitFor();
      expect(await consumer.getByText('Sản phẩm chính hãng').count()).toBe(0);
      await screenshot(consumer, 'enforcement-6-consumer-suspended');
      await consumer.close();
    },
  );

  step(
    '7. the inspector closes the case with an outcome; the case page says what to tell the shopper',
    async () => {
      await page.getByRole('link', { name: 'Về vụ việc' }).click();
      await page.waitForURL(caseUrl);
      await page.getByText('Đang xử lý').first().waitFor();
      // the visit recorded from the case is listed with it
      await page
        .getByRole('link', { name: `Kiểm tra ngày ${today()}: 1 mục không đạt, 1 vi phạm` })
        .waitFor();
      await page.getByRole('button', { name: 'Kết thúc vụ việc' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: 'Kết luận' }).click();
      await page.getByRole('option', { name: 'Xác định có gian lận' }).click();
      await dialog
        .getByRole('textbox', { name: 'Nội dung kết luận' })
        .fill('Tem bị bóc, dán lại; đã tạm đình chỉ dải tem và yêu cầu cơ sở đóng gói khắc phục');
      await dialog.getByRole('button', { name: 'Kết thúc vụ việc' }).click();
      await page.getByText('Cần báo kết quả cho người phản ánh').waitFor();
      await expect(page.locator('main').innerText()).resolves.toContain('qua số điện thoại 0912 345 678');
      await page.getByText('Đã kết thúc').first().waitFor();
      await screenshot(page, 'enforcement-7-closed-to-tell');
      await plainWords(page);
    },
  );

  step(
    "8. another organisation reads none of it: not the case, not the packing house's visit or its photo",
    async () => {
      await desktop.clearCookies();
      await signIn(page, server.baseUrl, rambutanOwner);
      await page.getByRole('link', { name: 'Kiểm tra, xử lý' }).click();
      await page.getByRole('heading', { name: 'Kết luận kiểm tra' }).waitFor();
      await page.getByText('Chưa có lần kiểm tra nào.').waitFor();
      await expect(page.locator('main').innerText()).resolves.not.toContain('Tem của thùng sầu riêng bị bóc');
      await screenshot(page, 'enforcement-8-other-organisation');
      expect(await page.getByRole('link', { name: 'Vụ việc, phản ánh' }).count()).toBe(0);
      const theCase = await page.request.get(`${server.baseUrl}/api/cases/${caseId}`);
      expect(theCase.status()).toBe(403);
      const visits = await page.request.get(
        `${server.baseUrl}/api/inspections/visits?organisationId=${packingHouseId}`,
      );
      // the list is read within the reader's own scope: asking for another organisation gives nothing
      expect(visits.status()).toBe(200);
      expect((await visits.json()).total).toBe(0);
      const files = await page.request.get(`${server.baseUrl}/api/files?organisationId=${packingHouseId}`);
      expect(files.status()).toBe(403);
    },
  );
});
