// Reports as data, through the page: a Đề án 06 file dropped while the
// COVID report is active switches the report (and back); each built-in
// report's sample gives its letter; a report made in the designer, saved,
// cleared and opened again gives the same letter.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer, launch, openApp, text, waitText, chooseFiles, ROOT, tempDir, openPanel } from "./helpers.mjs";

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const asset = (name) => ({ name, mimeType: "text/csv", buffer: fs.readFileSync(path.join(ROOT, "assets", name)) });
const selected = (page) => page.getByTestId("profile-select").evaluate((s) => s.options[s.selectedIndex].text);

test("a Đề án 06 file dropped on the COVID report switches the report and writes its letter", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  assert.match(await selected(page), /Covid/);
  await chooseFiles(page, asset("de-an-06-gia-lai-2026-11-27.csv"));
  await waitText(page, "total-accounts", (t) => t === "369.077");
  assert.match(await text(page, "report-switched"), /Đề án 06/);
  assert.match(await selected(page), /Đề án 06/);
  // Figures from tools/make-samples.py (Python's Decimal).
  assert.equal(await text(page, "unit-count"), "47");
  assert.equal(await text(page, "total-residents"), "1.043.360");
  assert.equal(await text(page, "total-target"), "634.657");
  assert.equal(await text(page, "total-accounts_residents"), "35,4%");
  assert.equal(await text(page, "total-accounts_target"), "58,2%");
  assert.equal(await text(page, "delta-accounts"), "+8.700");
  const notice = await waitText(page, "notice", (t) => t.includes("369.077 tài khoản"));
  assert.match(notice, /đạt tỷ lệ 35,4% so với tổng số công dân thường trú, đạt 58,2% so với chỉ tiêu đề ra, so với tuần trước tăng 8\.700 tài khoản/);
  assert.match(notice, /Có 5\/46 địa phương hoàn thành chỉ tiêu giao; 41 địa phương còn lại chưa hoàn thành, trong đó thấp nhất là xã Ia Dom với tỷ lệ 5,3% \(mới kích hoạt 109 tài khoản\/2\.068 chỉ tiêu giao\/5\.908 công dân thường trú\)/);
  assert.match(notice, /ỦY BAN NHÂN DÂN\s*TỈNH GIA LAI/);
  // The table is the appendix: the unreported commune is a row with blanks.
  const table = await text(page, "unit-table");
  assert.match(table, /Xã An Lão/);
  assert.equal(await page.getByTestId("class-unreported").locator("li").count(), 1);
  // No COVID card is left on the page.
  assert.equal(await page.getByTestId("total-scans").count(), 0);
  // Back: the COVID report with the same data (it fits none of its columns).
  await page.getByTestId("report-switch-back").click();
  await waitText(page, "notice", (t) => t.includes("Covid-19"));
  assert.match(await selected(page), /Covid/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("each built-in report shows its own sample letter", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await page.getByTestId("profile-select").selectOption("chi-so-766");
  await waitText(page, "total-total", (t) => t === "87,56");
  const notice = await waitText(page, "notice", (t) => t.includes("Nhóm được xếp loại"));
  assert.match(notice, /Nhóm được xếp loại xuất sắc gồm 16\/36 đơn vị, chiếm tỷ lệ 44,4%; Nhóm được xếp loại tốt gồm 14\/36 đơn vị, chiếm tỷ lệ 38,9%; Nhóm được xếp loại khá gồm 6\/36 đơn vị, chiếm tỷ lệ 16,7% và không có đơn vị xếp loại trung bình và yếu/);
  assert.match(notice, /Điểm số cao nhất là 99,31 điểm \(Sở Công Thương\) và điểm số thấp nhất là 72,58 điểm \(UBND phường An Bình\)/);
  assert.match(await text(page, "delta-total"), /^\+2,23$/);
  assert.match(await text(page, "unit-table"), /tăng 10 bậc/);
  // A báo cáo: the type name and its subject as a title block.
  assert.match(notice, /BÁO CÁO\s*Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 11\/2026/);
  assert.doesNotMatch(notice, /V\/v kết quả đánh giá/);
  // The clerk can make it a công văn again.
  await page.getByTestId("field-doc-type").selectOption("");
  await waitText(page, "notice", (t) => !t.includes("BÁO CÁO"));
  await page.getByTestId("profile-select").selectOption("de-an-06");
  await waitText(page, "total-accounts", (t) => t === "369.077");
  await page.getByTestId("profile-select").selectOption("covid-qr-pccovid");
  await waitText(page, "total-scans", (t) => t === "4.336");
  assert.match(await text(page, "notice"), /2092\/UBND-VHTT/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a report made in the designer, saved, cleared and opened again gives the same letter", async () => {
  const tmp = tempDir("tb-designer-");
  const { page, context, errors } = await openApp(browser, srv.url);
  const file = {
    name: "ho-so-thang-11.csv", mimeType: "text/csv",
    buffer: Buffer.from("STT,Đơn vị,Hồ sơ tiếp nhận,Hồ sơ đúng hạn\n1,Xã Ia Grai,120,90\n2,Xã Ia Hrung,80,20\n3,Phường Pleiku,200,190\n"),
  };
  await chooseFiles(page, file);
  // No report knows these columns: the page asks, and the designer starts from them.
  await page.getByTestId("column-mapping").waitFor();
  await openPanel(page, "designer");
  await page.getByTestId("designer-from-columns").click();
  await waitText(page, "total-ho_so_tiep_nhan", (t) => t === "400");
  assert.equal(await text(page, "total-ho_so_dung_han"), "300");
  // Tab from one field to the next keeps the focus there (rows are not
  // rebuilt on an edit): what is typed next lands in the next field.
  await page.getByTestId("indicator-name-0").fill("Hồ sơ nhận");
  await page.getByTestId("indicator-name-0").press("Tab");
  await page.keyboard.press("End");
  await page.keyboard.type("; tiếp nhận");
  await page.keyboard.press("Tab");
  assert.equal(await page.getByTestId("indicator-headers-0").inputValue(), "Hồ sơ tiếp nhận; tiếp nhận");
  assert.equal(await page.getByTestId("indicator-name-0").inputValue(), "Hồ sơ nhận");
  // A ratio: đúng hạn / tiếp nhận = 300/400 = 75,0 %.
  await page.getByTestId("designer-add-measure").click();
  await page.getByTestId("measure-num-0").selectOption("ho_so_dung_han");
  await page.getByTestId("measure-den-0").selectOption("ho_so_tiep_nhan");
  await waitText(page, "total-ty_le_1", (t) => t === "75,0%");
  // A class: below 50 % (Xã Ia Hrung: 20/80 = 25 %).
  await page.getByTestId("designer-add-class").click();
  await waitText(page, "class-nhom_1", (t) => t.includes("Xã Ia Hrung"));
  // The sentences, with a live preview.
  const s = page.getByTestId("designer-sentences");
  await s.fill("Tổng số hồ sơ tiếp nhận {ho_so_tiep_nhan}, đúng hạn {ho_so_dung_han}, đạt {ty_le_1}.\nCác đơn vị dưới 50%: {list:nhom_1}.");
  await s.press("Tab");
  const letter = await waitText(page, "notice", (t) => t.includes("đạt 75,0%"));
  assert.match(letter, /Tổng số hồ sơ tiếp nhận 400, đúng hạn 300, đạt 75,0%\./);
  assert.match(letter, /Các đơn vị dưới 50%: xã Ia Hrung\./);
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("profile-save").click()]);
  const saved = path.join(tmp, "bao-cao.json");
  await dl.saveAs(saved);
  const json = JSON.parse(fs.readFileSync(saved, "utf8"));
  assert.equal(json.version, 2);
  assert.equal(json.report.indicators.length, 2);
  // Clear everything (storage too), then open the saved report and the file again.
  await page.evaluate(() => { localStorage.clear(); indexedDB.deleteDatabase("thongbao"); });
  const fresh = await browser.newContext({ acceptDownloads: true });
  const p2 = await fresh.newPage();
  await p2.goto(srv.url);
  await p2.getByTestId("total-scans").waitFor();
  await p2.getByTestId("profile-open").setInputFiles(saved);
  await waitText(p2, "profile-select", () => true);
  assert.match(await selected(p2), /Báo cáo mới/);
  await chooseFiles(p2, file);
  const again = await waitText(p2, "notice", (t) => t.includes("đạt 75,0%"));
  const body = (t) => t.slice(t.indexOf("Tổng số hồ sơ"), t.indexOf("2. "));
  assert.equal(body(again), body(letter));
  assert.equal(await text(p2, "total-ty_le_1"), "75,0%");
  // A broken profile is refused with a reason and changes nothing.
  await p2.getByTestId("profile-open").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from('{"version":2}') });
  await waitText(p2, "profile-message", (t) => /không hợp lệ/.test(t));
  assert.equal(await text(p2, "total-ty_le_1"), "75,0%");
  assert.deepEqual(errors, []);
  await fresh.close();
  await context.close();
});

test("the designer makes a sum of criteria and a rank within the district", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await chooseFiles(page, {
    name: "cham-diem.csv", mimeType: "text/csv",
    buffer: Buffer.from("STT,Huyện,Đơn vị,Tiêu chí công khai,Tiêu chí tiến độ\n1,Ia Grai,Xã Ia Grai,10,5\n2,Ia Grai,Xã Ia Hrung,8,9\n3,Chư Păh,Xã Ia Ly,4,3\n"),
  });
  await openPanel(page, "designer");
  await page.getByTestId("designer-from-columns").click();
  await waitText(page, "total-tieu_chi_cong_khai", (t) => t === "22");
  // A sum of the two criteria: 15 + 17 + 7 = 39.
  await page.getByTestId("designer-add-measure").click();
  await page.getByTestId("measure-kind-0").selectOption("sum");
  assert.equal(await page.getByTestId("measure-of-0").inputValue(), "tieu_chi_cong_khai; tieu_chi_tien_do");
  await waitText(page, "total-ty_le_1", (t) => t === "39");
  // A rank by that sum within each district: Ia Hrung 1, Ia Grai 2; Ia Ly 1.
  await page.getByTestId("designer-add-measure").click();
  await page.getByTestId("measure-kind-1").selectOption("rank");
  await page.getByTestId("measure-rank-of-1").selectOption("ty_le_1");
  const last = async (unit) => (await page.getByTestId("unit-table").locator("tr", { hasText: unit }).locator("td").allInnerTexts()).at(-1);
  await page.waitForFunction(() => document.querySelector('[data-testid="unit-table"]')?.innerText.includes("Xã Ia Ly"));
  assert.deepEqual([await last("Xã Ia Grai"), await last("Xã Ia Hrung"), await last("Xã Ia Ly")], ["2", "1", "3"]);
  await page.getByTestId("measure-within-group-1").check();
  for (let i = 0; i < 50 && (await last("Xã Ia Ly")) !== "1"; i++) await page.waitForTimeout(100);
  assert.deepEqual([await last("Xã Ia Grai"), await last("Xã Ia Hrung"), await last("Xã Ia Ly")], ["2", "1", "1"]);
  // The sentences name them.
  const s = page.getByTestId("designer-sentences");
  await s.fill("Tổng điểm {ty_le_1}; cao nhất là {max:ty_le_1:name} với {max:ty_le_1:value} điểm.");
  await s.press("Tab");
  const letter = await waitText(page, "notice", (t) => t.includes("Tổng điểm 39"));
  assert.match(letter, /Tổng điểm 39; cao nhất là Xã Ia Hrung với 17 điểm\./);
  // An indicator's decimals: its figures print with them.
  await page.getByTestId("indicator-decimals-0").fill("2");
  await page.getByTestId("indicator-decimals-0").press("Tab");
  await waitText(page, "total-tieu_chi_cong_khai", (t) => t === "22,00");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a report of 3.321 communes puts only the rows in view in its table, and scrolls to the rest", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  let csv = "STT,Đơn vị,Công dân thường trú,Chỉ tiêu giao,Số tài khoản đã kích hoạt mức 2\n";
  let accounts = 0;
  for (let i = 1; i <= 3321; i++) { csv += `${i},Xã Số ${i},${1000 + i},${500 + i},${i}\n`; accounts += i; }
  await chooseFiles(page, { name: "de-an-06-ca-nuoc.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await waitText(page, "total-accounts", (t) => t === accounts.toLocaleString("de-DE"));
  const table = page.getByTestId("unit-table");
  const rows = () => table.locator("tbody tr:not(.tb-spacer)").count();
  assert.ok((await rows()) < 200, `only a window of rows: ${await rows()}`);
  assert.equal(await table.locator("td", { hasText: /^Xã Số 3321$/ }).count(), 0);
  // The total row is there from the start; the last commune after a scroll.
  assert.match(await table.locator("tfoot").innerText(), new RegExp(accounts.toLocaleString("de-DE").replace(/\./g, "\\.")));
  await page.locator(".tb-table-wrap:has([data-testid='unit-table'])").evaluate((el) => { el.scrollTop = el.scrollHeight; el.dispatchEvent(new Event("scroll")); });
  await table.locator("td", { hasText: /^Xã Số 3321$/ }).waitFor();
  assert.ok((await rows()) < 200);
  assert.deepEqual(errors, []);
  await context.close();
});

test("360 px: a report's dashboard, table and the open designer fit", async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { viewport: { width: 360, height: 740 } });
  await chooseFiles(page, asset("chi-so-766-gia-lai-2026-11.csv"));
  await waitText(page, "total-total", (t) => t === "87,56");
  await openPanel(page, "designer");
  await page.getByTestId("designer-indicator").first().waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page is ${width} px wide`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a report's table downloads as .xlsx and CSV, its chart draws, and the .docx is its letter", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await page.getByTestId("profile-select").selectOption("de-an-06");
  await waitText(page, "total-accounts", (t) => t === "369.077");
  await page.getByTestId("chart-report").locator("svg").waitFor();
  // One bar per reporting commune, each named.
  assert.match(await page.getByTestId("chart-report").innerHTML(), /Xã Ia Dom/);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  const csvText = fs.readFileSync(await csv.path(), "utf8");
  assert.match(csvText, /Phường Quy Nhơn,7875,4349,2198,27\.9,50\.5,75/);
  const [x] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-xlsx").click()]);
  assert.match(x.suggestedFilename(), /\.xlsx$/);
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-docx").click()]);
  const docx = fs.readFileSync(await d.path());
  assert.equal(docx.subarray(0, 2).toString(), "PK");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the office's own letterhead stays when a file switches the report", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await page.getByTestId("field-issuer").fill("ỦY BAN NHÂN DÂN\nXÃ IA GRAI");
  await page.getByTestId("field-signer").fill("Rơ Châm Bin");
  await waitText(page, "notice", (t) => t.includes("XÃ IA GRAI"));
  await chooseFiles(page, asset("de-an-06-gia-lai-2026-11-27.csv"));
  await waitText(page, "total-accounts", (t) => t === "369.077");
  const notice = await waitText(page, "notice", (t) => t.includes("369.077 tài khoản"));
  assert.match(notice, /XÃ IA GRAI/);
  assert.match(notice, /Rơ Châm Bin/);
  assert.doesNotMatch(notice, /TỈNH GIA LAI/);
  // Back: the COVID report with the clerk's letterhead, as before.
  await page.getByTestId("report-switch-back").click();
  await waitText(page, "notice", (t) => t.includes("Covid-19") && t.includes("XÃ IA GRAI"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a report definition's table sorts by any column and filters by name, as the COVID table does", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await chooseFiles(page, asset("de-an-06-gia-lai-2026-11-27.csv"));
  await waitText(page, "total-accounts", (t) => t === "369.077");
  const table = page.getByTestId("unit-table");
  const firstUnit = () => table.locator("tbody tr:not(.tb-spacer)").first().innerText();
  const header = (name) => table.locator("thead button", { hasText: name });
  assert.equal(await text(page, "table-count"), "47 / 47");
  // The rate of the target: highest first on the first click, the
  // letter's lowest unit first on the second; aria-sort says which.
  await header("so với chỉ tiêu").click();
  assert.equal(await table.locator('th[aria-sort="descending"]').count(), 1);
  await header("so với chỉ tiêu").click();
  assert.match(await firstUnit(), /Ia Dom/);
  assert.equal(await table.locator('th[aria-sort="ascending"]').count(), 1);
  // A filter without diacritics, then back to every unit.
  await page.getByTestId("unit-filter").fill("ia dom");
  await waitText(page, "table-count", (t) => t === "1 / 47");
  assert.match(await firstUnit(), /Ia Dom/);
  await page.getByTestId("unit-filter").fill("");
  await waitText(page, "table-count", (t) => t === "47 / 47");
  // The STT column: the file's order again.
  await header("STT").click();
  assert.equal(await table.locator("tbody tr:not(.tb-spacer)").first().locator("td").first().innerText(), "1");
  assert.deepEqual(errors, []);
  await context.close();
});
