import fs from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { chromiumMissing, demoPassword, journeySteps, launchBrowser, newContext, type RunningServer, screenshot, startBackOfficeServer } from './support.ts';

/** A valid Vietnamese tax code: nine random digits and their check digit (weights 31…3, 10 − sum mod 11). */
function randomTaxCode(): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  for (;;) {
    const body = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10)).join('');
    const check = 10 - (weights.reduce((sum, w, i) => sum + w * Number(body[i]), 0) % 11);
    if (check < 10) return body + check;
  }
}

/** GS1 mod-10 check digit of the digits before it. */
function withCheckDigit(digits: string): string {
  const sum = [...digits].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return digits + ((10 - (sum % 10)) % 10);
}

/** Where to look for inputs: the open dialog if there is one (tables behind it have filters with the same names). */
const scope = async (page: Page) => {
  const dialogs = page.getByRole('dialog');
  return (await dialogs.count()) ? dialogs.last() : page;
};

/** Types into the text input with this accessible name. */
async function fill(page: Page, name: string, value: string) {
  await (await scope(page)).getByRole('textbox', { name, exact: true }).first().fill(value);
}

/** Picks an option of a Mantine Select by its label, typing first into a searchable one. */
async function choose(page: Page, label: string, option: string | RegExp, search?: string) {
  const box = (await scope(page)).getByRole('combobox', { name: label, exact: true }).first();
  await box.click();
  if (search) await box.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** Waits for the sign of success, failing at once with the problem's words if the app shows one instead. */
async function succeeded(page: Page, success: Locator) {
  const problem = page.getByTestId('problem');
  await success.or(problem).first().waitFor();
  if (await problem.count()) throw new Error(`the app showed a problem: ${await problem.first().innerText()}`);
}

/** A full-page screenshot from the top (a scrolled page would draw its fixed header mid-page). */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/app/sign-in`);
  await fill(page, 'Email', email);
  await fill(page, 'Mật khẩu', password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('account-menu').waitFor();
}

/** Submits the first record offered for review: its pre-checks show first, then it is sent. */
async function submitWithPreChecks(page: Page, shotName?: string) {
  await page.getByRole('button', { name: 'Gửi thẩm định' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Kiểm tra trước khi gửi thẩm định' });
  await dialog.getByTestId('pre-checks').waitFor();
  if (shotName) await shot(page, shotName);
  await dialog.getByRole('button', { name: 'Gửi thẩm định' }).click();
  await page.getByText('Đã gửi thẩm định').first().waitFor();
  await dialog.waitFor({ state: 'detached' });
}


/** A product photo: a small PNG drawn here, so the journey needs no fixture file. */
const photo = () =>
  sharp({ create: { width: 320, height: 320, channels: 3, background: { r: 200, g: 40, b: 60 } } })
    .png()
    .toBuffer();

/**
 * The journey is one story: a step runs only when every step before it passed, so one broken step shows as one
 * failure and the rest as skipped (not run), rather than as a cascade of failures.
 */
const step = journeySteps();

describe('back office: from registration to the consumer page', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  const product = {
    gtin: withCheckDigit(`893${String(Date.now()).slice(-9)}`),
    name: 'Chôm chôm Bảo Định hộp 1 kg',
    lot: `CC${String(Date.now()).slice(-6)}`,
    sscc: withCheckDigit(`0893${String(Date.now()).slice(-13)}`),
  };
  const place = `Vườn chôm chôm Bảo Định ${String(Date.now()).slice(-5)}`;
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const inTwoWeeks = new Date(Date.now() + 7 * 3600_000 + 14 * 86400_000).toISOString().slice(0, 10);
  let stampUri = '';
  const producer = {
    name: `HTX Rau sạch Xuân Lộc ${Date.now() % 100000}`,
    taxCode: randomTaxCode(),
    email: `hoptacxa${Date.now() % 100000}@example.vn`,
    password: 'mat-khau-du-dai-2026',
  };

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

  step('a producer registers its cooperative and owner account', async () => {
    await page.goto(`${server.baseUrl}/app/register`);
    await fill(page, 'Tên tổ chức, cơ sở', producer.name);
    await fill(page, 'Mã số thuế', producer.taxCode);
    await choose(page, 'Loại hình', 'Hợp tác xã');
    // a ward of the demo commune officer (the former Long Khánh city)
    await choose(page, 'Xã, phường', /^Phường Bảo Vinh/, 'Bảo Vinh');
    await fill(page, 'Địa chỉ (số nhà, đường, ấp)', 'Ấp Bảo Định');
    await fill(page, 'Người đại diện', 'Nguyễn Văn An');
    // the company prefix GS1 Vietnam allocated: the product's GTIN is registered under it
    await fill(page, 'Mã doanh nghiệp GS1', product.gtin.slice(0, 12));
    await fill(page, 'Họ và tên', 'Nguyễn Văn An');
    await fill(page, 'Email', producer.email);
    await fill(page, 'Mật khẩu', producer.password);
    await shot(page, 'backoffice-01-register');
    await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
    await succeeded(page, page.getByText('Đã gửi đăng ký'));
    await shot(page, 'backoffice-02-registered');
  });

  step('the commune officer signs in and approves the registration beside its pre-checks', async () => {
    await desktop.clearCookies();
    await signIn(page, server.baseUrl, 'longkhanh@ubnd.dongnai.gov.vn', demoPassword);
    await page.goto(`${server.baseUrl}/app/review`);
    await page.getByRole('button', { name: producer.name }).click();
    await page.getByTestId('pre-checks').waitFor();
    await shot(page, 'backoffice-03-commune-review');
    await page.getByRole('button', { name: 'Phê duyệt' }).click();
    await page.getByText('Đã ghi nhận quyết định').waitFor();
  });

  step('the producer adds a growing area, a product with its photo, and a lot, and submits them', async () => {
    await desktop.clearCookies();
    await signIn(page, server.baseUrl, producer.email, producer.password);

    await page.goto(`${server.baseUrl}/app/locations`);
    await page.getByRole('button', { name: 'Thêm địa điểm' }).click();
    await fill(page, 'Tên địa điểm', place);
    await choose(page, 'Loại địa điểm', 'Vùng trồng');
    await fill(page, 'Mã số vùng trồng', 'VN-DNAI-0421');
    await choose(page, 'Xã, phường', /^Phường Bảo Vinh/, 'Bảo Vinh');
    await fill(page, 'Địa chỉ (số nhà, đường, ấp)', 'Ấp Bảo Định, tổ 4');
    await page.getByText('Vùng (đa giác)').click();
    const map = page.getByRole('application', { name: 'Vị trí trên bản đồ' });
    const box = (await map.boundingBox())!;
    for (const [x, y] of [
      [0.35, 0.3],
      [0.65, 0.32],
      [0.6, 0.7],
      [0.33, 0.65],
    ])
      await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    await shot(page, 'backoffice-04-location');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await succeeded(page, page.getByRole('cell', { name: place }));
    await submitWithPreChecks(page);

    await page.goto(`${server.baseUrl}/app/products`);
    await page.getByRole('button', { name: 'Thêm sản phẩm' }).click();
    await fill(page, 'Mã GTIN', product.gtin);
    await fill(page, 'Tên sản phẩm', product.name);
    await fill(page, 'Nhãn hiệu', 'Bảo Định');
    await fill(page, 'Đơn vị tính', 'hộp');
    await fill(page, 'Hạn dùng (ngày)', '14');
    await page.locator('input[type=file]').setInputFiles({ name: 'chom-chom.png', mimeType: 'image/png', buffer: await photo() });
    await page.getByRole('img').first().waitFor();
    await fill(page, 'Tiêu chuẩn áp dụng', 'TCVN 5208:2008');
    await shot(page, 'backoffice-05-product');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await succeeded(page, page.getByRole('cell', { name: product.name }));
    await submitWithPreChecks(page);

    await page.goto(`${server.baseUrl}/app/lots`);
    await page.getByRole('button', { name: 'Thêm lô hàng' }).click();
    await choose(page, 'Sản phẩm', new RegExp(product.gtin));
    await fill(page, 'Số lô', product.lot);
    // dates are typed as people in Vietnam write them
    const dayMonthYear = (iso: string) => iso.split('-').reverse().join('/');
    await page.getByLabel('Ngày sản xuất').fill(dayMonthYear(today));
    await page.getByLabel('Hạn sử dụng').fill(dayMonthYear(inTwoWeeks));
    await page.getByLabel('Hạn sử dụng').blur();
    await fill(page, 'Số lượng', '500');
    await fill(page, 'Đơn vị tính', 'hộp');
    await choose(page, 'Nơi sản xuất', place);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await succeeded(page, page.getByRole('cell', { name: product.lot }));
    await submitWithPreChecks(page, 'backoffice-06b-lot-pre-checks');
    await shot(page, 'backoffice-06-lot');
  });

  step('the producer records the harvest and the packing of the lot', async () => {
    await page.goto(`${server.baseUrl}/app/stages`);
    await choose(page, 'Địa điểm thực hiện', place);
    await choose(page, 'Sản phẩm', new RegExp(product.gtin));
    await fill(page, 'Số lô thu hoạch', product.lot);
    await fill(page, 'Số lượng', '500');
    await shot(page, 'backoffice-07-stage-harvest');
    await page.getByRole('button', { name: 'Lưu công đoạn' }).click();
    await succeeded(page, page.getByText(/Đã ghi nhận "Thu hoạch" cho lô/));
    // the message names the lot and links to it, not an event URN
    expect(await page.getByRole('link', { name: product.lot }).getAttribute('href')).toBe(
      `/app/lots?q=${product.lot}`,
    );

    await choose(page, 'Công đoạn', 'Đóng gói');
    // the lot is picked among what the cooperative holds, with what is left of it
    await choose(page, 'Lô hàng (chọn trong hàng đang có)', new RegExp(`${product.lot}.*Còn lại: 500 kg`));
    await page.getByText('Còn lại: 500 kg').first().waitFor();
    await fill(page, 'Số lượng', '500');
    await fill(page, 'Mã SSCC (đơn vị logistics)', product.sscc);
    await page.getByRole('button', { name: 'Lưu công đoạn' }).click();
    await succeeded(page, page.getByText(/Đã ghi nhận "Đóng gói"/));
    await shot(page, 'backoffice-08-stage-pack');

    // shipping more than the lot holds is refused with what is left; a part of it ships
    await choose(page, 'Công đoạn', 'Xuất hàng, vận chuyển');
    await choose(page, 'Lô hàng (chọn trong hàng đang có)', new RegExp(product.lot));
    await fill(page, 'Số lượng', '650');
    await fill(page, 'Tên bên ngoài hệ thống', 'Chợ đầu mối Dầu Giây');
    await page.getByRole('button', { name: 'Lưu công đoạn' }).click();
    await page.getByText(`lô ${product.lot} chỉ còn 500 kg`).first().waitFor();
    await shot(page, 'backoffice-08b-ship-too-much');
    await fill(page, 'Số lượng', '120');
    await page.getByRole('button', { name: 'Lưu công đoạn' }).click();
    await succeeded(page, page.getByText(/Đã ghi nhận "Xuất hàng, vận chuyển"/));
  });

  step('the producer requests stamps', async () => {
    await page.goto(`${server.baseUrl}/app/stamps`);
    await page.getByRole('button', { name: 'Đề nghị cấp tem' }).click();
    await choose(page, 'Sản phẩm', new RegExp(product.gtin));
    await fill(page, 'Số lượng tem', '20');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await succeeded(page, page.getByText('Đã gửi đề nghị cấp tem'));
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await shot(page, 'backoffice-09-stamp-request');
  });

  step('the department approves the product, the lot, the growing area and the stamp request', async () => {
    await desktop.clearCookies();
    await signIn(page, server.baseUrl, 'admin@sokhcn.dongnai.gov.vn', demoPassword);
    await page.goto(`${server.baseUrl}/app/review`);
    // oldest first, as the queue lists them: a lot's pre-checks want its product approved before it
    const items = [
      { title: new RegExp(place), shot: '' },
      { title: new RegExp(`^${product.name} \\(GTIN 0?${product.gtin}\\)$`), shot: 'backoffice-10-dost-review' },
      { title: new RegExp(`lô ${product.lot}`), shot: '' },
      // a stamp request may be approved for fewer stamps than asked (not here: all 20)
      { title: new RegExp(`tem truy xuất.*${product.gtin}`), shot: 'backoffice-10b-stamp-review' },
    ];
    for (const item of items) {
      // a click while the queue re-renders after the last decision can be lost: a person clicks again
      for (let attempt = 1; ; attempt++) {
        await page.getByRole('button', { name: item.title }).click();
        const opened = await page
          .getByTestId('pre-checks')
          .waitFor({ timeout: 10_000 })
          .then(() => true, () => attempt === 3);
        if (opened) break;
      }
      await page.getByTestId('pre-checks').waitFor();
      if (item.shot) await shot(page, item.shot);
      await page.getByRole('button', { name: 'Phê duyệt' }).click();
      // decided: the item leaves the queue of pending items
      await page.getByRole('button', { name: item.title }).waitFor({ state: 'detached' });
    }
    await page.goto(`${server.baseUrl}/app/stamps`);
    await page.getByRole('row').filter({ hasText: product.gtin }).getByText('Đã duyệt').waitFor();
    await shot(page, 'backoffice-11-stamps-approved');
  });

  step('the producer prints the stamps and activates them for the lot', async () => {
    await desktop.clearCookies();
    await signIn(page, server.baseUrl, producer.email, producer.password);
    await page.goto(`${server.baseUrl}/app/stamps`);
    await page.getByRole('tab', { name: 'Dải số tem đã cấp' }).click();
    await page.getByRole('button', { name: 'Quản lý, in tem' }).first().click();
    const drawer = page.getByRole('dialog');
    stampUri = (await drawer.getByRole('link').first().textContent()) ?? '';
    const download = page.waitForEvent('download');
    await drawer.getByRole('button', { name: 'Tải tệp in (PDF)' }).click();
    const pdf = await download;
    const bytes = fs.readFileSync((await pdf.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await choose(page, 'Số lô', new RegExp(product.lot));
    await drawer.getByRole('button', { name: 'Kích hoạt theo lô' }).click();
    await succeeded(page, drawer.getByText('Đang hoạt động').locator('xpath=..').getByText('20', { exact: true }));
    await shot(page, 'backoffice-12-stamps-printed');
  });

  step('the consumer page shows the approved data from the stamp', async () => {
    const phone = await newContext(browser, 'phone');
    const consumer = await phone.newPage();
    expect(stampUri).toMatch(new RegExp(`/01/0?${product.gtin}`));
    await consumer.goto(stampUri.replace(/^https?:\/\/[^/]+/, server.baseUrl));
    await consumer.getByText(product.name).first().waitFor();
    // the verdict of an activated stamp of approved data, and the lot it was activated for
    await consumer.getByText('Sản phẩm chính hãng').waitFor();
    await consumer.getByText(product.lot).first().waitFor();
    await screenshot(consumer, 'backoffice-13-consumer');
    await phone.close();
  });

  const renamed = `${product.name} (mẫu mới)`;
  const consumerSees = async (text: string | RegExp, name: string) => {
    const phone = await newContext(browser, 'phone');
    const consumer = await phone.newPage();
    // the resolver keeps published data for a few seconds: a withdrawal shows within that
    const deadline = Date.now() + 30_000;
    for (;;) {
      await consumer.goto(stampUri.replace(/^https?:\/\/[^/]+/, server.baseUrl));
      if ((await consumer.getByText(text).count()) > 0 || Date.now() > deadline) break;
      await consumer.waitForTimeout(1000);
    }
    await consumer.getByText(text).first().waitFor({ timeout: 1000 });
    await screenshot(consumer, name);
    await phone.close();
  };

  step('the producer edits the approved product: its stamps keep showing the approved version', async () => {
    await desktop.clearCookies();
    await signIn(page, server.baseUrl, producer.email, producer.password);
    await page.goto(`${server.baseUrl}/app/products`);
    await page.getByRole('row').filter({ hasText: product.name }).getByRole('button', { name: 'Sửa' }).click();
    await fill(page, 'Tên sản phẩm', renamed);
    await page.getByRole('button', { name: 'Lưu' }).click();
    const row = page.getByRole('row').filter({ hasText: renamed });
    await succeeded(page, row.getByText('Bản đã duyệt vẫn công khai'));
    await row.getByText('Nháp').waitFor();
    await shot(page, 'backoffice-14-edit-waits');
    await consumerSees('Sản phẩm chính hãng', 'backoffice-15-consumer-during-edit');
    const phone = await newContext(browser, 'phone');
    const consumer = await phone.newPage();
    await consumer.goto(stampUri.replace(/^https?:\/\/[^/]+/, server.baseUrl));
    await consumer.getByText(product.name).first().waitFor();
    expect(await consumer.getByText('mẫu mới').count()).toBe(0);
    await phone.close();
  });

  step('the department withdraws the product, with a reason the producer reads', async () => {
    await desktop.clearCookies();
    await signIn(page, server.baseUrl, 'admin@sokhcn.dongnai.gov.vn', demoPassword);
    await page.goto(`${server.baseUrl}/app/products`);
    await page.getByRole('row').filter({ hasText: renamed }).getByRole('button', { name: 'Gỡ khỏi công khai' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Lý do' }).fill('Nhãn sản phẩm chưa đúng quy định');
    await shot(page, 'backoffice-16-withdraw');
    await dialog.getByRole('button', { name: 'Gỡ khỏi công khai' }).click();
    await page.getByText('Đã gỡ khỏi trang công khai').waitFor();
    await consumerSees('Mã không có trong hệ thống', 'backoffice-17-consumer-withdrawn');
    // the producer reads why, in the list and on top of the form it fixes
    await desktop.clearCookies();
    await signIn(page, server.baseUrl, producer.email, producer.password);
    await page.goto(`${server.baseUrl}/app/products`);
    const row = page.getByRole('row').filter({ hasText: renamed });
    await row.getByText('Lý do: Nhãn sản phẩm chưa đúng quy định').waitFor();
    await row.getByText('Trả lại').waitFor();
    await shot(page, 'backoffice-18-producer-reads-why');
    await row.getByRole('button', { name: 'Sửa' }).click();
    await page.getByRole('dialog').getByText('Hồ sơ bị trả lại để bổ sung').waitFor();
    // and the dashboard's to-do leads to it
    await page.goto(`${server.baseUrl}/app/`);
    const todo = page.getByTestId('todo');
    await todo.getByText(`Sản phẩm: ${renamed}`).waitFor();
    await todo.getByText('Lý do: Nhãn sản phẩm chưa đúng quy định').waitFor();
    await shot(page, 'backoffice-19-todo');
  });
});
