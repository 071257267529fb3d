// Hostile input stays text everywhere; storage off still works; two tabs
// do not overwrite each other's work.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { startServer, launch, openApp, text, waitText, chooseFiles, tempDir } from "./helpers.mjs";

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });
const tmp = tempDir("thongbao-hard-");

const EVIL = `<img src=x onerror="window.__pwned=1">`;

test("a unit named with HTML renders as text in the table, chart, letter, .docx and exports", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await chooseFiles(page, { name: "doc.csv", mimeType: "text/csv", buffer: Buffer.from(
    `Xã,Số địa điểm,Lượt quét\n"${EVIL.replace(/"/g, '""')}",1,900\nXã Hai,2,3\n<script>window.__pwned=2</script>,3,1\n`) });
  await waitText(page, "source-name", (t) => t === "doc.csv");
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("img").count(), 0);
  assert.equal(await page.locator("main script").count(), 0);
  assert.ok((await text(page, "unit-table")).includes(EVIL));
  // The charts and the letter follow the figures by a frame.
  await waitText(page, "chart-scans", (t) => t.includes(EVIL));
  await waitText(page, "notice", (t) => t.includes(EVIL));
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-docx").click()]);
  const docx = path.join(tmp, "x.docx");
  await dl.saveAs(docx);
  const xml = execFileSync("python3", ["-c", "import zipfile,sys;print(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())", docx], { encoding: "utf8" });
  assert.ok(xml.includes("&lt;img src=x onerror="), "escaped in the .docx");
  assert.ok(!xml.includes("<img"));
  const [dl2] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  const csv = path.join(tmp, "x.csv");
  await dl2.saveAs(csv);
  assert.ok(fs.readFileSync(csv, "utf8").includes("<img src=x"), "kept as text in the CSV");
  await context.close();
});

test("storage disabled: a clear warning, and the app still works in memory", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException("QuotaExceededError", "QuotaExceededError"); };
  });
  const page = await context.newPage();
  await page.goto(srv.url);
  await page.getByTestId("total-scans").waitFor();
  await page.getByTestId("field-doc-number").fill("31");
  await page.getByTestId("storage-warning").waitFor();
  assert.match(await text(page, "storage-warning"), /không lưu được|Storage/);
  await waitText(page, "notice", (t) => t.includes("Số: 31/UBND-VHTT"));
  await chooseFiles(page, { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("Xã,Lượt quét\nXã A,5\n") });
  await waitText(page, "total-scans", (t) => t === "5");
  await context.close();
});

test("two tabs: an edit in one reaches the other, and neither overwrites the other", async () => {
  const context = await browser.newContext();
  const a = await context.newPage();
  await a.goto(srv.url);
  await a.getByTestId("total-scans").waitFor();
  const b = await context.newPage();
  await b.goto(srv.url);
  await b.getByTestId("total-scans").waitFor();
  await a.getByTestId("field-signer").fill("Tab Một");
  await waitText(b, "notice", (t) => t.includes("Tab Một"));
  await b.getByTestId("field-doc-number").fill("42");
  await waitText(a, "notice", (t) => t.includes("Số: 42/UBND-VHTT") && t.includes("Tab Một"));
  await a.reload();
  await a.getByTestId("total-scans").waitFor();
  const n = await text(a, "notice");
  assert.ok(n.includes("Tab Một") && n.includes("Số: 42/UBND-VHTT"));
  await context.close();
});
