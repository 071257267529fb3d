// The letter: edits survive a reload, print is A4 with the decree's margins,
// the .docx opens in LibreOffice with the decree's page setup.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { startServer, launch, openApp, text, waitText, ROOT, FIXTURES, tempDir, openPanel } from "./helpers.mjs";
import { checkLetterPdf, pdfText } from "./pdf.mjs";

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });
const tmp = tempDir("thongbao-letter-");

test("the sample letter is the seed letter", async () => {
  const { page, context } = await openApp(browser, srv.url);
  const n = await text(page, "notice");
  for (const s of [
    "ỦY BAN NHÂN DÂN", "HUYỆN QUAN SƠN", "Số: 2092/UBND-VHTT", "Quan Sơn, ngày 16 tháng 11 năm 2021",
    "tăng 58 địa điểm quét mã QR so với ngày 05/11", "tăng lượt quét 1.150 so với ngày 05/11",
    "Trung Hạ, Trung Tiến, thị trấn Sơn Lư, Na Mèo, Trung Thượng, Sơn Thủy, Sơn Điện, Mường Mìn",
    "xã Sơn Hà, xã Tam Thanh, xã Tam Lư", "5.554/18.510", "chiếm 30,0%", "tăng 168 máy so với ngày 05/11",
    "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nơi nhận:", "- Lưu: VT, VHTT.", "Phụ lục",
    "(Kèm theo Công văn số 2092/UBND-VHTT ngày 16/11/2021 của UBND huyện Quan Sơn)",
  ]) assert.ok(n.includes(s), `letter has ${s}`);
  assert.match(n, /Covid-19\.\/\./);
  // The seed typed 30,1%: the page says the computed figure is 30,0%.
  assert.match(await text(page, "discrepancies"), /30,1%.*30,0%/);
  await context.close();
});

test("edits change the letter and survive a reload; section 1 resets", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await page.getByTestId("field-doc-number").fill("2100");
  await page.getByTestId("field-signer").fill("Lò Văn Bình");
  await waitText(page, "notice", (t) => t.includes("Số: 2100/UBND-VHTT") && t.includes("Lò Văn Bình"));
  await page.getByTestId("field-section1").fill("Đoạn viết tay.");
  await waitText(page, "notice", (t) => t.includes("Đoạn viết tay."));
  await page.reload();
  await page.getByTestId("total-scans").waitFor();
  assert.equal(await page.getByTestId("field-doc-number").inputValue(), "2100");
  const n = await text(page, "notice");
  assert.ok(n.includes("Số: 2100/UBND-VHTT") && n.includes("Lò Văn Bình") && n.includes("Đoạn viết tay."));
  await page.getByTestId("reset-section1").click();
  await waitText(page, "notice", (t) => t.includes("tăng 58 địa điểm") && !t.includes("Đoạn viết tay."));
  await context.close();
});

test("print: the print control prints; the PDF is A4 with the decree's margins and the figures", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed++; }; });
  await page.getByTestId("print").click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await page.emulateMedia({ media: "print" });
  const pdf = path.join(tmp, "print.pdf");
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  assert.match(info, /Page size:.*\(A4\)/);
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= 2, `${pages} pages`);
  const txt = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  for (const s of ["4.336", "5.554/18.510", "30,0%", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Phụ lục"]) assert.ok(txt.includes(s), s);
  assert.ok(!txt.includes("Chọn tệp số liệu"), "only the letter is printed");
  // Margins: text starts 30 mm from the left and 20 mm from the top of page 1.
  const bbox = execFileSync("pdftotext", ["-bbox", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" });
  const xs = [...bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"/g)].map((m) => m.slice(1).map(Number));
  const minX = Math.min(...xs.map((b) => b[0])), minY = Math.min(...xs.map((b) => b[1])), maxX = Math.max(...xs.map((b) => b[2]));
  const mm = (pt) => (pt * 25.4) / 72;
  assert.ok(mm(minX) >= 29.5, `left margin ${mm(minX)} mm`);
  assert.ok(mm(595.3 - maxX) >= 14.5, `right margin ${mm(595.3 - maxX)} mm`);
  // (pdftotext boxes include the font ascent, which reaches ~1 mm above the line box)
  assert.ok(mm(minY) >= 18.5, `top margin ${mm(minY)} mm`);
  // No page number on page 1; "2" on page 2.
  const p2 = execFileSync("pdftotext", ["-layout", "-f", "2", "-l", "2", pdf, "-"], { encoding: "utf8" });
  assert.match(p2.trim().split("\n")[0].trim(), /^2$/);
  // Every page: A4, the margins, its number centred in the top margin.
  checkLetterPdf(pdf);
  await context.close();
});

test("print: a province's letter (559 communes) has every page numbered, the table's head repeated", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await page.getByTestId("file-input").setInputFiles(path.join(FIXTURES, "province-559.csv"));
  await waitText(page, "source-name", (t) => t === "province-559.csv");
  assert.equal(await text(page, "unit-count"), "559");
  // The preview is written after the figures are painted: print what the
  // clerk sees once it holds the province (its last commune).
  await waitText(page, "notice", (t) => t.includes("Xã Đông Khê"));
  await page.emulateMedia({ media: "print" });
  const pdf = path.join(tmp, "province.pdf");
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
  const pages = checkLetterPdf(pdf, { minPages: 10 });
  assert.match(pdfText(pdf, pages), /Tổng cộng/);
  assert.match(pdfText(pdf, pages), /STT/);
  await context.close();
});

test("download-docx: named by number and date, opens in LibreOffice as an A4 letter", async () => {
  const { page, context } = await openApp(browser, srv.url);
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-docx").click()]);
  assert.equal(dl.suggestedFilename(), "cong-van-2092-UBND-VHTT-2021-11-16.docx");
  const file = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  execFileSync("sh", [path.join(ROOT, "tools", "check-docx.sh"), file], { stdio: "inherit" });
  await context.close();
});

test("an office profile saved as JSON opens again with its letterhead and thresholds", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await page.getByTestId("field-issuer").fill("ỦY BAN NHÂN DÂN\nHUYỆN MƯỜNG LÁT");
  await page.getByTestId("field-signer").fill("Hà Văn Tư");
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("profile-save").click()]);
  const file = path.join(tmp, "profile.json");
  await dl.saveAs(file);
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  assert.equal(json.fields.signer, "Hà Văn Tư");
  assert.equal(json.thresholds.high_pct, 60);
  // Change things, then open the profile again: they come back.
  await page.getByTestId("field-signer").fill("Người khác");
  await page.getByTestId("profile-open").setInputFiles(file);
  await waitText(page, "notice", (t) => t.includes("HUYỆN MƯỜNG LÁT") && t.includes("Hà Văn Tư"));
  // A broken profile says so and changes nothing.
  await page.getByTestId("profile-open").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from("{oops") });
  await waitText(page, "profile-message", (t) => /không hợp lệ/.test(t));
  assert.match(await text(page, "notice"), /Hà Văn Tư/);
  await context.close();
});

test("a reload keeps the loaded data as well as the edits", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await page.getByTestId("file-input").setInputFiles({ name: "tuan-nay.csv", mimeType: "text/csv",
    buffer: Buffer.from("Xã,Số địa điểm,Lượt quét\nXã Một,7,70\nXã Hai,8,80\n") });
  await waitText(page, "source-name", (t) => t === "tuan-nay.csv");
  await page.getByTestId("field-doc-number").fill("77");
  await page.reload();
  await page.getByTestId("total-scans").waitFor();
  assert.equal(await text(page, "source-name"), "tuan-nay.csv");
  assert.equal(await text(page, "total-scans"), "150");
  assert.match(await text(page, "notice"), /Số: 77\/UBND-VHTT/);
  // "Clear my data" brings back the sample.
  page.once("dialog", (d) => d.accept());
  await openPanel(page, "saved-work");
  await page.getByTestId("clear-data").click();
  await waitText(page, "source-name", (t) => /^Mẫu/.test(t));
  await page.reload();
  await page.getByTestId("total-scans").waitFor();
  assert.equal(await text(page, "total-scans"), "4.336");
  await context.close();
});
