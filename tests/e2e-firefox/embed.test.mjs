// The iframe embed in Firefox: on a portal of another origin it posts its
// height and the report, and shows the figures of src=.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startPortal, iframeHostPage, launch } from "./helpers.mjs";

let portal, app, host, browser, hostDir;
before(async () => {
  portal = await startPortal("thongbao-ff", { "so-lieu.xlsx": "seed-title-total.xlsx" });
  ({ app, host, hostDir } = portal);
  browser = await launch();
});
after(async () => { await browser?.close(); await portal?.close(); });

test("Firefox: iframe embed on another origin — height and report messages, figures from src=", async () => {
  const src = `${host.url}so-lieu.xlsx`;
  const frameUrl = `${app.url}index.html?embed=1&view=dashboard&lang=vi&src=${encodeURIComponent(src)}`;
  fs.writeFileSync(path.join(hostDir, "iframe.html"), iframeHostPage(frameUrl));
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(`${host.url}iframe.html`);
  await page.waitForFunction(() => window.msgs.some((m) => m.type === "thongbao:report" && m.detail.source === "so-lieu.xlsx"), { timeout: 20000 });
  await page.waitForFunction(() => window.msgs.some((m) => m.type === "thongbao:height" && m.height > 200));
  const report = await page.evaluate(() => window.msgs.filter((m) => m.type === "thongbao:report").pop().detail);
  assert.equal(report.units, 12);
  assert.equal(report.totals.scans, 4336);
  assert.equal(report.totals.locations, 584);
  assert.equal(report.low.length, 3);
  const frame = await (await page.$("#thongbao")).contentFrame();
  const scans = await frame.waitForSelector('[data-testid="total-scans"]');
  assert.equal((await scans.evaluate((e) => e.textContent)).trim(), "4.336");
  assert.equal((await frame.$$('[data-testid="file-input"]')).length, 0, "no app chrome");
  const h = Number(await page.$eval("#thongbao", (e) => e.getAttribute("height")));
  assert.ok(h > 200, `iframe sized to ${h}`);
  await context.close();
});
