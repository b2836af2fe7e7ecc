import path from 'node:path';
import { expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/app.js';
import { describeInChromium, screenshotsDir, useConsoleBrowser } from '../support/console-browser.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

/** A date and time as Chinese writes it with Intl's medium date style: "2026年11月23日 11:58" or "2026年11月23日 上午11:58". */
const CHINESE_DATE_TIME = /^\d{4}年\d{1,2}月\d{1,2}日/;

describeInChromium('console languages in Chromium', () => {
  let adaId: string;

  const ui = useConsoleBrowser({
    screenshotPrefix: 'i18n',
    context: {
      // The browser asks for English: every Chinese word below comes from choosing it in the console.
      locale: 'en-US',
      viewport: { width: 1440, height: 900 },
    },
    setup: async (app) => {
      const owner = await insertStaff(app, 'Sam Sales', 'SALES', 'SALES');
      adaId = await insertCustomer(app, { name: 'Ada Lovelace', company: 'Analytical Engines', ownerId: owner });
      await app.sql(
        `insert into purchase (customer_id, amount, currency, kind, product, purchased_at)
         values (?, '1234567.8900', 'USD', 'SUBSCRIPTION', 'Annual plan', now() - interval '30 days')`,
        [adaId],
      );
      await app.sql(
        `insert into survey_response (customer_id, kind, score, team, channel, journey_stage, responded_at)
         values (?, 'NPS', 10, 'SUCCESS', 'EMAIL', 'ADOPTION', now() - interval '10 days')`,
        [adaId],
      );
      await app.sql(
        `insert into interaction (customer_id, channel, direction, team, occurred_at, subject)
         values (?, 'WECHAT', 'INBOUND', 'SERVICE', now() - interval '2 hours', 'Invoice question')`,
        [adaId],
      );
    },
  });

  /** react-admin's language menu in the app bar: its button shows the current language's own name. */
  async function chooseLanguage(current: string, next: string) {
    await ui.page.getByRole('button', { name: current, exact: true }).click();
    await ui.page.getByRole('menuitem', { name: next, exact: true }).click();
    await ui.page.getByRole('button', { name: next, exact: true }).waitFor();
  }
  const columnHeaders = () => ui.page.locator('thead th').allInnerTexts();
  /** The language react-admin's store keeps in localStorage (JSON). */
  const storedLocale = () => ui.page.evaluate<string | null>("localStorage.getItem('RaStore.locale')");
  const htmlLang = () => ui.page.locator('html').getAttribute('lang');

  it('opens in the browser’s English and lists customers', async () => {
    await ui.page.goto(ui.app.url);
    await ui.page.getByLabel('Email').fill(ADMIN_EMAIL);
    await ui.page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await ui.page.getByRole('button', { name: 'Sign in' }).click();
    // An ADMIN starts on the dashboard (auth/permissions.ts homePath); the customers are one click away.
    await ui.page.waitForURL(/\/dashboard$/, { timeout: 15_000 });
    await ui.page.goto(`${ui.app.url}/customers`);
    await ui.page.locator('tbody tr', { hasText: 'Ada Lovelace' }).waitFor({ timeout: 15_000 });
    expect(await columnHeaders()).toEqual(expect.arrayContaining(['Name', 'Health', 'Lifetime value', 'Last interaction']));
    expect(await htmlLang()).toBe('en');
  });

  it('switches the customer list to Simplified Chinese: menu, columns, enum values, pagination', async () => {
    await chooseLanguage('English', '简体中文');
    await expect.poll(columnHeaders, { timeout: 10_000 }).toEqual(
      expect.arrayContaining(['名称', '公司', '邮箱', '客户细分', '生命周期阶段', '健康度', '客户终身价值', '最近互动', '获客渠道', '负责人', '创建时间']),
    );
    const ada = ui.page.locator('tbody tr', { hasText: 'Ada Lovelace' });
    const row = await ada.innerText();
    expect(row).toContain('小微企业'); // Segment SMALL_BUSINESS
    expect(row).toContain('自然搜索'); // Acquisition channel ORGANIC_SEARCH
    expect(row).toMatch(/[低中高]风险/); // Churn risk chip
    expect(row).toContain('USD 1,234,567.89'); // money, exact, as Chinese writes it
    expect(row).toMatch(/\d{4}\/\d{1,2}\/\d{1,2}/); // dates as Chinese writes them (English: 11/23/2026)
    expect(await ui.page.getByRole('menuitem', { name: '客户' }).count()).toBeGreaterThan(0);
    expect(await ui.page.getByRole('menuitem', { name: '仪表盘' }).count()).toBe(1);
    expect(await ui.page.getByText('每页行数：').count()).toBe(1);
    expect(await ui.page.getByRole('link', { name: '新建' }).count()).toBe(1);
    expect(await htmlLang()).toBe('zh-Hans');
    expect(await storedLocale()).toBe('"zh-Hans"');
  });

  it('shows the 360 page in Simplified Chinese, dates and explanations included', async () => {
    await ui.page.locator('tbody tr', { hasText: 'Ada Lovelace' }).click();
    await ui.page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor({ timeout: 10_000 });
    for (const card of ['客户终身价值', '满意度', '健康度', '服务等级', '时间线']) {
      await ui.page.getByRole('region', { name: card }).waitFor();
    }
    for (const action of ['记录互动', '记录购买', '记录调查回答', '发起交接', '更换负责人', '更改阶段', '归档']) {
      expect(await ui.page.getByRole('button', { name: action }).count(), action).toBe(1);
    }
    expect(await ui.page.getByRole('tab', { name: '购买记录' }).count()).toBe(1);
    expect(await ui.page.getByTestId('ltv-historical').innerText()).toBe('USD 1,234,567.89');
    expect(await ui.page.getByTestId('nps-latest-category').innerText()).toBe('推荐者');
    // Health factors explained in Chinese from what the API measured, not its English sentences.
    const factors = await ui.page.getByTestId('health-factor').allInnerTexts();
    expect(factors.join('\n')).toContain('该客户未流失。');
    expect(factors.join('\n')).toContain('最近一次 NPS 回答：推荐者。');
    // The timeline: kinds, channels and dates in Chinese.
    const newest = ui.page.getByTestId('timeline-event').first();
    await newest.waitFor();
    expect(await newest.innerText()).toContain('入站 · 微信 · 客服部');
    expect(await newest.locator('time').innerText()).toMatch(CHINESE_DATE_TIME);
    expect(await ui.page.getByText('共 3 条事件，已显示 3 条').count()).toBe(1);
  });

  it('keeps Simplified Chinese after a reload', async () => {
    await ui.page.reload();
    await ui.page.getByRole('region', { name: '客户终身价值' }).waitFor({ timeout: 15_000 });
    await ui.page.getByRole('button', { name: '简体中文', exact: true }).waitFor();
    expect(await htmlLang()).toBe('zh-Hans');
  });

  it("shows the API's refusal of a field in the chosen language, with the API's own detail", async () => {
    await ui.page.goto(`${ui.app.url}/customers/${adaId}`);
    await ui.page.getByRole('textbox', { name: '邮箱' }).fill('not-an-email');
    await ui.page.getByRole('button', { name: '保存' }).click();
    const helper = ui.page.locator('.MuiFormControl-root').filter({ has: ui.page.getByRole('textbox', { name: '邮箱' }) }).last().locator('.MuiFormHelperText-root');
    await expect.poll(() => helper.innerText().catch(() => ''), { timeout: 10_000 }).toMatch(/^输入无效：\S/);
  });

  it('switches to Traditional Chinese as written in Taiwan and Hong Kong, and saves a screenshot', async () => {
    await ui.page.goto(`${ui.app.url}/customers/${adaId}/show`);
    await ui.page.getByRole('region', { name: '客户终身价值' }).waitFor({ timeout: 15_000 });
    await chooseLanguage('简体中文', '繁體中文');
    for (const card of ['顧客終身價值', '滿意度', '健康度', '服務水準', '時間軸']) {
      await ui.page.getByRole('region', { name: card }).waitFor();
    }
    expect(await ui.page.getByRole('button', { name: '提出轉交' }).count()).toBe(1);
    expect(await ui.page.getByRole('tab', { name: '問卷回覆' }).count()).toBe(1);
    expect(await ui.page.getByTestId('timeline-event').first().innerText()).toContain('傳入 · 微信 · 客服部');
    expect(await ui.page.getByText('共 3 筆事件，已顯示 3 筆').count()).toBe(1);
    expect(await htmlLang()).toBe('zh-Hant');
    expect(await storedLocale()).toBe('"zh-Hant"');

    await ui.shoot('customer-360-zh-Hant');
  });

  it('shows the dashboard and the handoff inbox in Traditional Chinese too', async () => {
    await ui.page.getByRole('menuitem', { name: '儀表板' }).click();
    await ui.page.getByRole('heading', { name: '儀表板', level: 1 }).waitFor({ timeout: 15_000 });
    for (const chart of ['CSAT 與 NPS 趨勢', '流失與留存', '各獲客管道的 CAC 與 LTV', '同期群留存']) {
      await ui.page.getByRole('region', { name: chart }).waitFor({ timeout: 15_000 });
    }
    expect(await ui.page.getByLabel('分組依據').count()).toBeGreaterThan(0);
    await ui.page.screenshot({ path: path.join(screenshotsDir, 'i18n-dashboard-zh-Hant.png'), fullPage: true });

    await ui.page.getByRole('menuitem', { name: '轉交' }).click();
    await expect.poll(() => ui.page.getByText('轉交收件匣').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await ui.page.getByText('這裡沒有轉交').waitFor();
  });

  it('keeps the language through signing out: the sign-in page is in Traditional Chinese', async () => {
    await ui.page.getByRole('button', { name: '個人檔案' }).click();
    await ui.page.getByRole('menuitem', { name: '登出' }).click();
    await ui.page.getByRole('button', { name: '登入' }).waitFor({ timeout: 10_000 });
    expect(await storedLocale()).toBe('"zh-Hant"');
    await ui.page.getByLabel('電子郵件').fill(ADMIN_EMAIL);
    await ui.page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await ui.page.getByRole('button', { name: '登入' }).click();
    // An ADMIN starts on the dashboard (auth/permissions.ts homePath); the customers are one click away.
    await ui.page.waitForURL(/\/dashboard$/, { timeout: 15_000 });
    await ui.page.goto(`${ui.app.url}/customers`);
    await expect.poll(columnHeaders, { timeout: 15_000 }).toEqual(expect.arrayContaining(['名稱', '健康度', '顧客終身價值']));
    await ui.page.screenshot({ path: path.join(screenshotsDir, 'i18n-customer-list-zh-Hant.png'), fullPage: true });
  });
});
