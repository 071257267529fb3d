// The dashboard's exports and table, through the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { startServer, launch, openApp, text, chooseFiles, waitText, tempDir } from "./helpers.mjs";

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });
const tmp = tempDir("thongbao-dash-");

async function download(page, id) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId(id).click()]);
  const file = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  return file;
}

test(".xlsx export holds the figures as numbers; CSV is UTF-8 with BOM; formulas neutralised", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await chooseFiles(page, { name: "hostile.csv", mimeType: "text/csv", buffer: Buffer.from(
    "Xã,Số địa điểm,Lượt quét\n=HYPERLINK(\"http://x\"),1,2\n@SUM(A1),3,4\nXã Sơn Hà,5,6\n") });
  await waitText(page, "source-name", (t) => t === "hostile.csv");
  const xlsx = await download(page, "download-xlsx");
  assert.match(path.basename(xlsx), /\.xlsx$/);
  // Read the sheet XML: counts are numeric cells, names are text.
  const sheet = execFileSync("python3", ["-c", `
import zipfile,sys,re
z=zipfile.ZipFile(sys.argv[1])
name=[n for n in z.namelist() if n.startswith('xl/worksheets/sheet')][0]
print(z.read(name).decode())`, xlsx], { encoding: "utf8" });
  assert.match(sheet, /<c r="C\d+"[^>]*><v>12<\/v><\/c>|<v>12<\/v>/, "the total of scans as a number");
  assert.doesNotMatch(sheet, /<f>/, "no formulas");
  assert.match(sheet, /'=HYPERLINK/);
  assert.match(sheet, /'@SUM/);
  const csv = fs.readFileSync(await download(page, "download-csv"));
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const s = csv.toString("utf8");
  assert.match(s, /Xã Sơn Hà/);
  assert.match(s, /'=HYPERLINK/);
  assert.doesNotMatch(s, /(^|,)=HYPERLINK/m);
  await context.close();
});

test("the table sorts by any column and filters by name", async () => {
  const { page, context } = await openApp(browser, srv.url);
  const table = page.getByTestId("unit-table");
  const firstName = async () => (await table.locator("tbody tr").first().locator("td").nth(2).textContent()).trim();
  await table.getByRole("button", { name: /lượt quét QR/i }).click();
  assert.equal(await firstName(), "Xã Trung Hạ");
  assert.equal(await table.locator("th[aria-sort=descending]").count(), 1);
  await table.getByRole("button", { name: /lượt quét QR/i }).click();
  assert.equal(await firstName(), "Xã Sơn Hà");
  await table.getByRole("button", { name: /Thị trấn\/xã/ }).click();
  assert.equal(await firstName(), "Xã Mường Mìn");
  // Case and diacritics do not matter ("tam lu" finds "Tam Lư").
  await page.getByTestId("unit-filter").fill("TAM");
  await waitText(page, "unit-table", (t) => !t.includes("Trung Xuân"));
  const names = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.children[2].textContent.trim()));
  assert.deepEqual(names, ["Xã Tam Lư", "Xã Tam Thanh"]);
  await page.getByTestId("unit-filter").fill("tam lu");
  await waitText(page, "unit-table", (t) => !t.includes("Tam Thanh"));
  await context.close();
});

test("thresholds are adjustable and move units between classes", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await page.locator("summary", { hasText: "Ngưỡng phân loại" }).click();
  await page.getByTestId("setting-high").fill("100");
  await page.getByTestId("setting-high").dispatchEvent("change");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="high-units"] [data-testid="unit-name"]').length === 6);
  assert.equal(await page.getByTestId("low-units").getByTestId("unit-name").count(), 3);
  await context.close();
});
