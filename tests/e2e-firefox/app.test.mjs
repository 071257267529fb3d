// The clerk's flows in Firefox (Debian's firefox-esr, WebDriver BiDi):
// open the page, choose a Windows-1258 CSV and an .xlsx with title and
// total rows, edit the letter and reload, print it to PDF (A4, the decree's
// margins, page numbers from page 2), download the .docx.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { startServer, launch, openApp, text, num, chooseFile, waitText, waitFile, sel, FIXTURES, tempDir } from "./helpers.mjs";
import { checkLetterPdf, pdfText } from "../e2e/pdf.mjs";

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });
const F = (n) => path.join(FIXTURES, n);
const tmp = tempDir("thongbao-ff-");

async function expectSeed(page, name) {
  await waitText(page, "source-name", (t) => t === name);
  assert.equal(await text(page, "unit-count"), "12");
  assert.equal(await text(page, "total-locations"), "584");
  assert.equal(await text(page, "total-scans"), "4.336");
}

test("Firefox: the page opens with the sample's figures and no error", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  assert.match(await text(page, "source-name"), /^Mẫu/);
  assert.equal(await text(page, "unit-count"), "12");
  assert.equal(await text(page, "total-scans"), "4.336");
  assert.equal(await text(page, "install-rate"), "30,0%");
  assert.match(await text(page, "notice"), /Số: 2092\/UBND-VHTT/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Firefox: a Windows-1258 CSV with a title line and a total row", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await chooseFile(page, F("seed-cp1258.csv"));
  await expectSeed(page, "seed-cp1258.csv");
  assert.match(await text(page, "source-detected"), /Windows-1258/);
  assert.match(await text(page, "unit-table"), /Thị trấn Sơn Lư/);
  assert.match(await text(page, "high-units"), /\S/);
  assert.equal(await num(page, "total-scans"), 4336);
  assert.equal((await page.$$(sel("row-issue"))).length, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Firefox: an .xlsx with title rows and a total row", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await chooseFile(page, F("seed-title-total.xlsx"));
  await expectSeed(page, "seed-title-total.xlsx");
  assert.match(await text(page, "source-detected"), /Số liệu/);
  assert.match(await text(page, "unit-table"), /Xã Mường Mìn/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Firefox: a letter edit survives a reload", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await page.locator(sel("field-doc-number")).fill("2100");
  await page.locator(sel("field-signer")).fill("Lò Văn Bình");
  await waitText(page, "notice", (t) => t.includes("Số: 2100/UBND-VHTT") && t.includes("Lò Văn Bình"));
  await page.reload();
  await page.waitForSelector(sel("total-scans"));
  assert.equal(await page.$eval(sel("field-doc-number"), (e) => e.value), "2100");
  const n = await waitText(page, "notice", (t) => t.includes("Lò Văn Bình"));
  assert.ok(n.includes("Số: 2100/UBND-VHTT"), n.slice(0, 200));
  await context.close();
});

test("Firefox: print — the print control prints; the PDF is A4 with the decree's margins and page numbers", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed++; }; });
  await page.click(sel("print"));
  assert.equal(await page.evaluate(() => window.__printed), 1);
  const before = await text(page, "notice");
  const pdf = path.join(tmp, "print.pdf");
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
  const pages = checkLetterPdf(pdf);
  const txt = pdfText(pdf);
  for (const s of ["4.336", "5.554/18.510", "30,0%", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Phụ lục", "Lưu: VT, VHTT."]) assert.ok(txt.includes(s), s);
  assert.ok(!txt.includes("Chọn tệp số liệu"), "only the letter is printed");
  assert.match(pdfText(pdf, 2).trim().split("\n")[0].trim(), /^2$/);
  // After printing the letter on the page is as it was.
  await waitText(page, "notice", (t) => t === before);
  assert.equal((await page.$$(".nd-sheet")).length, 0);
  console.log(`# Firefox printed the sample letter on ${pages} A4 pages`);
  await context.close();
});

test("Firefox: a province's letter (559 communes) prints every page numbered, the table's head repeated", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await chooseFile(page, F("province-559.csv"));
  await waitText(page, "source-name", (t) => t === "province-559.csv");
  assert.equal(await text(page, "unit-count"), "559");
  // "Phụ lục" is in the sample's letter too: wait for the province's.
  await waitText(page, "notice", (t) => t.includes("Phụ lục") && t.includes("Xã Đông Khê"));
  const pdf = path.join(tmp, "province.pdf");
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
  const pages = checkLetterPdf(pdf, { minPages: 10 });
  assert.match(pdfText(pdf, pages), /Tổng cộng/);
  // The appendix's last page has the table's head again ("STT" is only in it).
  assert.match(pdfText(pdf, pages), /STT/);
  console.log(`# Firefox printed the province's letter on ${pages} A4 pages`);
  await context.close();
});

test("Firefox: download-docx saves a .docx (a zip with word/document.xml)", async () => {
  const { page, context } = await openApp(browser, srv.url);
  const name = "cong-van-2092-UBND-VHTT-2021-11-16.docx";
  fs.rmSync(path.join(browser.downloadDir, name), { force: true });
  await page.click(sel("download-docx"));
  const file = await waitFile(browser.downloadDir, name);
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(0, 4).toString("latin1"), "PK\x03\x04", "a zip");
  const list = execFileSync("unzip", ["-l", file], { encoding: "utf8" });
  assert.match(list, /word\/document\.xml/);
  const xml = execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8" });
  assert.match(xml, /2092\/UBND-VHTT/);
  assert.match(xml, /w:pgSz w:w="11906" w:h="16838"/);
  await context.close();
});
