// The iframe embed in Firefox: on a portal of another origin it posts its
// height and the report, and shows the figures of src=.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { startServer, launch, FIXTURES, DIST, ROOT } from "./helpers.mjs";

let app, host, browser, hostDir;
before(async () => {
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), "thongbao-ff-host-"));
  host = await startServer(hostDir, { "access-control-allow-origin": "*" });
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "thongbao-ff-site-"));
  fs.cpSync(DIST, site, { recursive: true });
  execFileSync("node", [path.join(ROOT, "tools", "set-connect-src.mjs"), site, host.url.replace(/\/$/, "")]);
  app = await startServer(site, { "access-control-allow-origin": "*" });
  fs.copyFileSync(path.join(FIXTURES, "seed-title-total.xlsx"), path.join(hostDir, "so-lieu.xlsx"));
  browser = await launch();
});
after(async () => { await browser?.close(); await app?.close(); await host?.close(); });

test("Firefox: iframe embed on another origin — height and report messages, figures from src=", async () => {
  const src = `${host.url}so-lieu.xlsx`;
  const frameUrl = `${app.url}index.html?embed=1&view=dashboard&lang=vi&src=${encodeURIComponent(src)}`;
  fs.writeFileSync(path.join(hostDir, "iframe.html"), `<!doctype html><meta charset="utf-8"><title>Cổng</title>
<h1>Cổng thông tin</h1>
<iframe id="thongbao" src="${frameUrl}" style="width:100%;border:0" height="100"></iframe>
<script>
window.msgs = [];
addEventListener("message", function (e) {
  window.msgs.push(e.data);
  if (e.data && e.data.type === "thongbao:height") document.getElementById("thongbao").height = e.data.height;
});
</script>`);
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
