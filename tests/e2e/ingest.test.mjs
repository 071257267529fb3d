// Reading the files clerks really have, through the page: encodings, a
// workbook with title and total rows, bad rows, unknown headers, paste.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import fs from "node:fs";
import { startServer, launch, openApp, text, num, chooseFiles, waitText, FIXTURES } from "./helpers.mjs";

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const F = (n) => path.join(FIXTURES, n);

async function expectSeed(page, name) {
  await waitText(page, "source-name", `(t) => t === ${JSON.stringify(name)}`);
  assert.equal(await text(page, "unit-count"), "12");
  assert.equal(await text(page, "total-locations"), "584");
  assert.equal(await text(page, "total-scans"), "4.336");
}

test("a Windows-1258 CSV with a title line and a total row", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await chooseFiles(page, F("seed-cp1258.csv"));
  await expectSeed(page, "seed-cp1258.csv");
  assert.match(await text(page, "source-detected"), /Windows-1258/);
  assert.match(await text(page, "unit-table"), /Thị trấn Sơn Lư/);
  assert.equal(await page.getByTestId("row-issue").count(), 0);
  await context.close();
});

test("TCVN3, VNI and UTF-16 files are converted and say so", async () => {
  const { page, context } = await openApp(browser, srv.url);
  for (const [f, label] of [["seed-tcvn3.csv", /TCVN3/], ["seed-vni.csv", /VNI/], ["seed-utf16.txt", /UTF-16/]]) {
    await chooseFiles(page, F(f));
    await expectSeed(page, f);
    assert.match(await text(page, "source-detected"), label);
    assert.match(await text(page, "unit-table"), /Xã Mường Mìn/);
  }
  await context.close();
});

test("an .xlsx with a notes sheet, title rows and a total row", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await chooseFiles(page, F("seed-title-total.xlsx"));
  await expectSeed(page, "seed-title-total.xlsx");
  assert.match(await text(page, "source-detected"), /Số liệu/);
  // The user can pick the other sheet; it has no table, so the data stays.
  await page.getByTestId("sheet-select").selectOption("0");
  await page.getByTestId("input-error").waitFor();
  assert.equal(await text(page, "total-scans"), "4.336");
  await context.close();
});

test("bad rows are listed with their line and left out of the totals", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await chooseFiles(page, F("bad-rows.csv"));
  await waitText(page, "source-name", "(t) => t === 'bad-rows.csv'");
  assert.equal(await text(page, "unit-count"), "2");
  assert.equal(await num(page, "total-scans"), 200);
  const issues = page.getByTestId("row-issue");
  const lines = await issues.evaluateAll((els) => els.map((e) => Number(e.dataset.line)));
  for (const l of [3, 4, 5, 6, 7, 8, 9, 10]) assert.ok(lines.includes(l), `line ${l} flagged: ${lines}`);
  const l3 = await page.locator('[data-testid="row-issue"][data-line="3"]').textContent();
  assert.match(l3, /Dòng 3, cột «Lượt quét», giá trị «-5»: số lượng không được âm/);
  assert.match(await text(page, "row-issues"), /Tổng cộng|dòng tổng/);
  assert.match(await text(page, "line-account"), /2 đơn vị, 1 dòng tổng, 1 dòng tiêu đề\/trống\/ghi chú, 6 dòng lỗi/);
  // The whole list downloads as CSV (for Excel: BOM, one row per issue).
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-issues").click()]);
  assert.equal(dl.suggestedFilename(), "dong-loi.csv");
  const csv = fs.readFileSync(await dl.path(), "utf8");
  assert.ok(csv.startsWith("\uFEFFTệp,Dòng,Cột,Giá trị,Mức,Lý do"));
  assert.equal(csv.trim().split("\n").length, 1 + (await issues.count()));
  assert.match(csv, /bad-rows\.csv,3,Lượt quét,'-5,Lỗi \(dòng bị loại\),/);
  // In English too.
  await page.getByTestId("lang-switch").click();
  assert.match(await page.locator('[data-testid="row-issue"][data-line="3"]').textContent(), /Line 3, column “Lượt quét”, value “-5”: a count cannot be negative/);
  await context.close();
});

test("an unknown header opens the column mapping; the choice is remembered", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await chooseFiles(page, F("unknown-header.csv"));
  await page.getByTestId("column-mapping").waitFor();
  assert.match(await text(page, "input-error"), /unknown-header\.csv/);
  assert.equal(await text(page, "total-scans"), "4.336", "the sample stays");
  const sel = page.getByTestId("mapping-select");
  await sel.nth(0).selectOption("unit");
  await sel.nth(1).selectOption("locations");
  await sel.nth(2).selectOption("scans");
  await page.getByTestId("apply-mapping").click();
  await waitText(page, "total-scans", "(t) => t === '120'");
  assert.equal(await page.getByTestId("input-error").count(), 0);
  // Next time the same header is read without asking.
  await chooseFiles(page, path.join(FIXTURES, "bad-rows.csv"));
  await waitText(page, "source-name", "(t) => t === 'bad-rows.csv'");
  await chooseFiles(page, F("unknown-header.csv"));
  await waitText(page, "total-scans", "(t) => t === '120'");
  await context.close();
});

test("two files: the older report date is the previous period", async () => {
  const { page, context } = await openApp(browser, srv.url);
  const older = fs.readFileSync(F("two-dates.csv"), "utf8").split("\r\n").filter((l) => !l.startsWith("12/")).join("\r\n");
  const newer = fs.readFileSync(F("two-dates.csv"), "utf8").split("\r\n").filter((l) => !l.startsWith("05/")).join("\r\n");
  await chooseFiles(page, [
    { name: "tuan-moi.csv", mimeType: "text/csv", buffer: Buffer.from(newer) },
    { name: "tuan-truoc.csv", mimeType: "text/csv", buffer: Buffer.from(older) },
  ]);
  await waitText(page, "source-name", "(t) => t.includes('tuan-truoc.csv')");
  assert.equal(await num(page, "total-locations"), 201);
  assert.equal(await text(page, "delta-locations"), "+16");
  assert.equal(await text(page, "delta-scans"), "+54");
  const table = await text(page, "unit-table");
  assert.match(table, /\+39/);
  assert.match(table, /-30/);
  await context.close();
});

test("a table pasted from Excel (tab-separated) is read", async () => {
  const { page, context } = await openApp(browser, srv.url);
  const tsv = "Xã\tSố địa điểm\tLượt quét\nXã Dán Một\t3\t30\nXã Dán Hai\t4\t1.234\n";
  await page.evaluate((tsv) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", tsv);
    document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true }));
  }, tsv);
  await waitText(page, "total-scans", "(t) => t === '1.264'");
  assert.match(await text(page, "source-name"), /Dán/);
  await context.close();
});

test("a province file shows 27 districts and drills down", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await chooseFiles(page, F("province-559.csv"));
  await waitText(page, "unit-count", "(t) => t === '559'");
  assert.equal(await text(page, "district-count"), "27");
  await page.getByTestId("group-districts").check();
  // Only the visible rows are rendered (586 rows: 27 groups + 559 communes).
  const rows = page.locator('[data-testid="unit-table"] tbody tr:not(.tb-spacer)');
  assert.ok((await rows.count()) < 200, "virtualised");
  const first = rows.first();
  assert.match(await first.getAttribute("class"), /tb-group/);
  assert.match(await first.textContent(), /Huyện Quan Sơn.*21 đơn vị/);
  assert.doesNotMatch(await rows.nth(1).getAttribute("class") || "", /tb-group/);
  // Fold it: the next row is the next district.
  await first.getByRole("button").click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="unit-table"] tbody tr:not(.tb-spacer)')[1]?.classList.contains("tb-group"));
  assert.match(await rows.nth(1).textContent(), /Huyện Quan Hóa/);
  // Scrolling to the end renders the last district's communes.
  await page.locator(".tb-table-wrap").evaluate((el) => { el.scrollTop = el.scrollHeight; el.dispatchEvent(new Event("scroll")); });
  await page.waitForFunction(() => /Huyện Thanh Hóa/.test(document.querySelector('[data-testid="unit-table"] tbody').textContent));
  await context.close();
});

test("an Excel 97–2003 .xls workbook is read", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await chooseFiles(page, path.join(FIXTURES, "..", "..", "core", "tests", "data", "seed.xls"));
  await expectSeed(page, "seed.xls");
  assert.match(await text(page, "unit-table"), /Xã Trung Thượng/);
  await context.close();
});

test("a large file is read in the background with a progress bar, and can be cancelled", async () => {
  const { page, context } = await openApp(browser, srv.url);
  // About 3 MB: 40.000 rows of 200 communes over 200 days.
  let csv = "Ngày,Huyện,Xã,Số địa điểm,Lượt quét\n";
  for (let d = 0; d < 200; d++) {
    const date = new Date(Date.UTC(2021, 6, 1 + d));
    const dd = `${String(date.getUTCDate()).padStart(2, "0")}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${date.getUTCFullYear()}`;
    for (let u = 0; u < 200; u++) csv += `${dd},Huyện ${u % 9},Xã Số ${u},${5 + (u % 7)},${(u * 37 + d) % 900}\n`;
  }
  const file = { name: "ca-nam.csv", mimeType: "text/csv", buffer: Buffer.from(csv) };
  // Cancel: the sample stays.
  await chooseFiles(page, file);
  await page.getByTestId("cancel-load").click({ timeout: 10000 }).catch(() => {});
  // Then read it to the end.
  await chooseFiles(page, file);
  await page.getByTestId("load-progress").waitFor({ timeout: 10000 }).catch(() => {});
  await waitText(page, "source-name", (t) => t === "ca-nam.csv", 60000);
  assert.equal(await text(page, "unit-count"), "200");
  assert.ok((await page.getByTestId("delta-scans").count()) === 1);
  // The trend chart has the 200 report dates.
  await page.getByTestId("chart-trend").locator("svg").waitFor();
  assert.equal(await page.getByTestId("load-progress").count(), 0);
  await context.close();
});
