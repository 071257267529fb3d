// The site as a whole: works offline after one visit, the one-file
// thongbao.html works from disk, no request ever leaves the page's origin,
// English UI, keyboard use, and an axe-core check.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { startServer, launch, openApp, text, waitText, chooseFiles, FIXTURES, DIST, tempDir, openPanel } from "./helpers.mjs";

const require = createRequire(import.meta.url);
let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });
const F = (n) => path.join(FIXTURES, n);

test("offline: after the first visit the app opens and works with no network", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 }).catch(async () => {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  });
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId("total-scans").waitFor({ timeout: 15000 });
  assert.equal(await text(page, "total-scans"), "4.336");
  await chooseFiles(page, F("seed-cp1258.csv"));
  await waitText(page, "source-name", (t) => t === "seed-cp1258.csv");
  await context.close();
});

test("thongbao.html opened from disk shows the sample and takes a dropped file", async () => {
  const dir = tempDir("thongbao-usb-");
  fs.copyFileSync(path.join(DIST, "thongbao.html"), path.join(dir, "thongbao.html"));
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  const workers = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.goto(`file://${dir}/thongbao.html`);
  await page.getByTestId("total-scans").waitFor({ timeout: 20000 });
  assert.equal(await text(page, "total-locations"), "584");
  await chooseFiles(page, F("seed-title-total.xlsx"));
  await waitText(page, "source-name", (t) => t === "seed-title-total.xlsx");
  assert.equal(await text(page, "total-scans"), "4.336");
  // A large file is read by a worker started from a blob: URL (no
  // worker.js beside a file on disk).
  let csv = "Ngày,Xã,Số địa điểm,Lượt quét\n";
  for (let d = 1; d <= 30; d++) for (let u = 0; u < 400; u++) csv += `${String(d).padStart(2, "0")}/11/2021,Xã ${u},${u % 7},${u * 3}\n`;
  assert.ok(csv.length > 256 * 1024);
  await chooseFiles(page, { name: "lon.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await waitText(page, "source-name", (t) => t === "lon.csv", 30000);
  assert.equal(await text(page, "unit-count"), "400");
  assert.equal(await text(page, "total-scans"), (3 * 399 * 400 / 2).toLocaleString("de-DE"));
  assert.ok(workers.length >= 1 && workers.every((u) => u.startsWith("blob:")), `workers: ${workers}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("privacy: a full visit makes no request outside the page's origin", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = await context.newPage();
  await page.goto(srv.url);
  await page.getByTestId("total-scans").waitFor();
  assert.match(await text(page, "privacy"), /không gửi đi đâu/);
  await chooseFiles(page, [F("two-dates.csv")]);
  await waitText(page, "source-name", (t) => t === "two-dates.csv");
  await chooseFiles(page, F("seed-title-total.xlsx"));
  await waitText(page, "source-name", (t) => t === "seed-title-total.xlsx");
  await page.getByTestId("field-doc-number").fill("15");
  await page.getByTestId("field-subject").fill("V/v <img src=x onerror=alert(1)> thử");
  for (const id of ["download-docx", "download-csv", "download-xlsx", "chart-scans-svg", "chart-scans-png", "backup-export"]) {
    if (id === "backup-export") await openPanel(page, "saved-work");
    const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId(id).click()]);
    assert.ok(dl.suggestedFilename().length > 0, id);
  }
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: path.join(tempDir("thongbao-privacy-"), "privacy.pdf") });
  await page.emulateMedia({ media: "screen" });
  await openPanel(page, "embed-panel");
  await page.reload();
  await page.getByTestId("total-scans").waitFor();
  const origin = new URL(srv.url).origin;
  const outside = requests.filter((u) => !u.startsWith("data:") && !u.startsWith("blob:") && new URL(u).origin !== origin);
  assert.deepEqual(outside, []);
  assert.ok(requests.length > 3);
  // The hostile subject stays text.
  assert.equal(await page.locator("img[src=x]").count(), 0);
  assert.match(await text(page, "notice"), /<img src=x onerror=alert\(1\)>/);
  await context.close();
});

test("English UI; the letter stays Vietnamese; the choice is kept", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await page.getByTestId("lang-switch").click();
  await waitText(page, "privacy", (t) => /nothing is sent anywhere/.test(t));
  assert.match(await page.locator("h1").textContent(), /COVID-19 technology report/);
  assert.match(await text(page, "notice"), /Kính gửi/);
  await page.reload();
  await page.getByTestId("total-scans").waitFor();
  assert.match(await text(page, "privacy"), /nothing is sent anywhere/);
  await context.close();
  const p2 = await browser.newPage();
  await p2.goto(`${srv.url}?lang=en`);
  await waitText(p2, "privacy", (t) => /nothing is sent/.test(t));
  await p2.close();
});

test("keyboard only: choose a file, sort the table, edit, print", async () => {
  const { page, context } = await openApp(browser, srv.url);
  // Tab reaches the file input (inside its label) and the first sort button.
  await page.keyboard.press("Tab");
  let seen = [];
  for (let i = 0; i < 12; i++) {
    seen.push(await page.evaluate(() => document.activeElement?.dataset?.testid || document.activeElement?.tagName));
    await page.keyboard.press("Tab");
  }
  assert.ok(seen.includes("file-input"), `focus order: ${seen}`);
  const scansHeader = page.getByTestId("unit-table").getByRole("button", { name: /lượt quét QR/i });
  await scansHeader.focus();
  await page.keyboard.press("Enter");
  const first = async () => (await page.getByTestId("unit-table").locator("tbody tr").first().textContent());
  assert.match(await first(), /Trung Hạ/);
  await page.keyboard.press("Enter");
  assert.match(await first(), /Sơn Hà|Tam Thanh/);
  await page.getByTestId("field-doc-number").focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("99");
  await waitText(page, "notice", (t) => t.includes("Số: 99/UBND-VHTT"));
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed++; }; });
  await page.getByTestId("print").focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await context.close();
});

test("axe-core: no serious or critical accessibility violations", async () => {
  const axe = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(srv.url);
  await page.getByTestId("total-scans").waitFor();
  for (const s of ["saved-work", "embed-panel"]) await openPanel(page, s);
  await page.addScriptTag({ content: axe });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target).join(" | ")}`), []);
  await context.close();
});
