// On a portal: the iframe embed (cross-origin) posts its height and the
// report and shows the figures of src=; the script embed mounts widgets in
// shadow roots, fires thongbao:report and leaves the host's styles alone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startPortal, iframeHostPage, launch } from "./helpers.mjs";

let portal, app, host, browser, hostDir;
before(async () => {
  portal = await startPortal("thongbao", { "so-lieu.xlsx": "seed-title-total.xlsx", "tinh.csv": "province-559.csv" });
  ({ app, host, hostDir } = portal);
  browser = await launch();
});
after(async () => { await browser?.close(); await portal?.close(); });

test("iframe embed on another origin: height and report messages, figures from src=", async () => {
  const src = `${host.url}so-lieu.xlsx`;
  const frameUrl = `${app.url}index.html?embed=1&view=dashboard&lang=vi&src=${encodeURIComponent(src)}`;
  fs.writeFileSync(path.join(hostDir, "iframe.html"), iframeHostPage(frameUrl));
  const page = await browser.newPage();
  await page.goto(`${host.url}iframe.html`);
  await page.waitForFunction(() => window.msgs.some((m) => m.type === "thongbao:report" && m.detail.source === "so-lieu.xlsx"), null, { timeout: 20000 });
  await page.waitForFunction(() => window.msgs.some((m) => m.type === "thongbao:height" && m.height > 200));
  const report = await page.evaluate(() => window.msgs.filter((m) => m.type === "thongbao:report").pop().detail);
  assert.equal(report.units, 12);
  assert.equal(report.totals.scans, 4336);
  assert.equal(report.totals.locations, 584);
  assert.equal(report.low.length, 3);
  const frame = page.frameLocator("#thongbao");
  assert.equal((await frame.getByTestId("total-scans").textContent()).trim(), "4.336");
  assert.equal(await frame.getByTestId("file-input").count(), 0, "no app chrome");
  const h = Number(await page.locator("#thongbao").getAttribute("height"));
  assert.ok(h > 200, `iframe sized to ${h}`);
  await page.close();
});

test("iframe embed: a src that cannot be fetched gives a clear message", async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}index.html?embed=1&view=table&src=${encodeURIComponent(app.url + "khong-co.csv")}`);
  const err = page.getByTestId("input-error");
  await err.waitFor({ timeout: 20000 });
  assert.match(await err.textContent(), /khong-co\.csv.*HTTP 404/);
  await page.close();
});

test("script embed: two widgets in shadow roots, thongbao:report, host styles untouched", async () => {
  fs.writeFileSync(path.join(hostDir, "script.html"), `<!doctype html><meta charset="utf-8"><title>Cổng</title>
<style>
  p { color: rgb(200, 0, 0); font-family: monospace; }
  .tb-app, .tb-kpi, div { background: rgb(0, 255, 0) !important; display: inline; }
  table { border: 9px solid blue; }
</style>
<p id="host-p">Nội dung của cổng</p>
<div id="w1"></div>
<div id="w2"></div>
<script>
window.reports = [];
document.addEventListener("thongbao:report", function (e) { window.reports.push({ target: e.target.id, detail: e.detail }); });
</script>
<script type="module" src="${app.url}embed.js" data-target="#w1" data-view="dashboard" data-lang="vi"></script>
<script type="module" src="${app.url}embed.js" data-target="#w2" data-view="table" data-lang="en" data-src="tinh.csv"></script>`);
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${host.url}script.html`);
  await page.waitForFunction(() => window.reports.some((r) => r.target === "w2" && r.detail.units === 559), null, { timeout: 20000 });
  await page.waitForFunction(() => window.reports.some((r) => r.target === "w1" && r.detail.units === 12));
  // Widget 1 shows the sample in Vietnamese; widget 2 the province in English.
  assert.equal((await page.locator("#w1").getByTestId("total-scans").textContent()).trim(), "4.336");
  assert.equal(await page.locator("#w2").getByTestId("unit-table").count(), 1);
  assert.match(await page.locator("#w2").locator("th").first().textContent(), /No\./);
  // The host's styles are unchanged, and they did not reach the widget.
  const hostP = await page.evaluate(() => { const s = getComputedStyle(document.getElementById("host-p")); return [s.color, s.fontFamily]; });
  assert.deepEqual(hostP, ["rgb(200, 0, 0)", "monospace"]);
  const inside = await page.locator("#w1").getByTestId("total-scans").evaluate((el) => {
    const kpi = el.closest(".tb-kpi");
    return [getComputedStyle(kpi).backgroundColor, getComputedStyle(kpi).display];
  });
  assert.deepEqual(inside, ["rgb(255, 255, 255)", "flex"]);
  assert.deepEqual(errors, []);
  await page.close();
});
