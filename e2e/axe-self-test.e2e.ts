import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeFindings, expectAccessible } from './support/axe';
import { launchChromium } from './support/chromium';

/**
 * The accessibility check every journey relies on can fail: a page with an unnamed button, an
 * image without alt text and an unlabelled field gives those findings, and a clean page none.
 * (The check runs axe-core in the page itself; this proves the engine is really there and run.)
 */
describe('the axe check', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds what is wrong, and nothing on a clean page', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<html lang="zh-CN"><head><title>t</title></head><body><main><h1>接待</h1>' +
        '<button><img src="x.png"></button><input id="x"></main></body></html>',
    );
    const found = await axeFindings(page, 'bad page');
    expect(found.map((f) => f.rule).sort()).toEqual(['button-name', 'image-alt', 'label']);
    await expect(expectAccessible(page, 'bad page')).rejects.toThrow(/3 serious\/critical/);

    await page.setContent(
      '<html lang="zh-CN"><head><title>t</title></head><body><main><h1>接待</h1>' +
        '<button>提交</button><label for="x">姓名</label><input id="x"></main></body></html>',
    );
    expect(await axeFindings(page, 'clean page')).toEqual([]);
    await page.close();
  });

  it('checks colour contrast on Chinese pages; on English ones only with AXE_CONTRAST=all', async () => {
    const page = await browser.newPage();
    const grey = (lang: string) =>
      `<html lang="${lang}"><head><title>t</title></head><body><main><h1>接待</h1>` +
      '<p style="color:#ccc;background:#fff">浅灰色的字 pale grey text</p></main></body></html>';
    await page.setContent(grey('zh-CN'));
    expect((await axeFindings(page, 'zh-CN')).map((f) => f.rule)).toEqual(['color-contrast']);
    await page.setContent(grey('en'));
    const before = process.env.AXE_CONTRAST;
    try {
      delete process.env.AXE_CONTRAST;
      expect(await axeFindings(page, 'en')).toEqual([]);
      process.env.AXE_CONTRAST = 'all';
      expect((await axeFindings(page, 'en')).map((f) => f.rule)).toEqual(['color-contrast']);
    } finally {
      if (before === undefined) delete process.env.AXE_CONTRAST;
      else process.env.AXE_CONTRAST = before;
    }
    await page.close();
  });
});
