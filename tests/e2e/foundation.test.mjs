// The first path through: the sample shows at once; a dropped CSV replaces
// it; a broken file gets a clear message and keeps the data.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startServer, launch, openApp, text, num, ROOT } from "./helpers.mjs";

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const SEED = path.join(ROOT, "assets", "quan-son-2021-11-12.csv");

test("the sample shows at once: 12 units, 584 locations, 4.336 scans, the letter header", async () => {
  const { page, errors, context } = await openApp(browser, srv.url);
  assert.equal(await text(page, "unit-count"), "12");
  assert.equal(await text(page, "total-locations"), "584");
  assert.equal(await text(page, "total-scans"), "4.336");
  assert.match(await text(page, "source-name"), /Mẫu: quan-son-2021-11-12\.csv/);
  const notice = await text(page, "notice");
  assert.match(notice, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  assert.match(notice, /Độc lập - Tự do - Hạnh phúc/);
  assert.match(notice, /Kính gửi/);
  assert.match(notice, /584 địa điểm/);
  assert.match(notice, /4\.336 lượt quét/);
  assert.equal(await page.getByTestId("unit-table").locator("tbody tr").count(), 12);
  assert.equal(await page.getByTestId("input-error").count(), 0);
  // 8 high and 3 low units, as the seed letter says.
  assert.equal(await page.getByTestId("high-units").getByTestId("unit-name").count(), 8);
  assert.deepEqual(await page.getByTestId("low-units").getByTestId("unit-name").allTextContents(), ["Xã Sơn Hà", "Xã Tam Thanh", "Xã Tam Lư"]);
  // The chart of scans holds the 12 names.
  const svg = page.getByTestId("chart-scans").locator("svg");
  assert.equal(await svg.count(), 1);
  const chartText = await svg.textContent();
  for (const n of ["Trung Xuân", "Trung Hạ", "Sơn Lư", "Mường Mìn", "Tam Lư", "Na Mèo"]) assert.ok(chartText.includes(n), n);
  assert.equal(await svg.locator("rect.high, rect[class~=high]").count() >= 8, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("dropping the seed CSV through the file input reads 584 and 4.336 back", async () => {
  const { page, context } = await openApp(browser, srv.url);
  // Load something else first so the seed really replaces it.
  await page.getByTestId("file-input").setInputFiles({
    name: "other.csv", mimeType: "text/csv",
    buffer: Buffer.from("Xã,Số địa điểm,Lượt quét\nXã A,1,2\nXã B,3,4\n"),
  });
  await page.waitForFunction(() => document.querySelector("[data-testid=unit-count]").textContent.trim() === "2");
  assert.equal(await text(page, "source-name"), "other.csv");
  await page.getByTestId("file-input").setInputFiles(SEED);
  await page.waitForFunction(() => document.querySelector("[data-testid=unit-count]").textContent.trim() === "12");
  assert.equal(await num(page, "total-locations"), 584);
  assert.equal(await num(page, "total-scans"), 4336);
  assert.equal(await text(page, "total-scans"), "4.336");
  assert.equal(await text(page, "source-name"), "quan-son-2021-11-12.csv");
  await context.close();
});

test("a broken file shows input-error naming the file and keeps the data", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await page.getByTestId("file-input").setInputFiles({
    name: "hong.csv", mimeType: "text/csv", buffer: Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 9, 0, 0, 0, 1, 2]),
  });
  const err = page.getByTestId("input-error");
  await err.waitFor();
  assert.match(await err.textContent(), /hong\.csv/);
  assert.equal(await text(page, "total-scans"), "4.336");
  assert.equal(await text(page, "unit-count"), "12");
  // A file without a recognisable header is refused too, with a clear message.
  await page.getByTestId("file-input").setInputFiles({
    name: "ghi-chu.csv", mimeType: "text/csv", buffer: Buffer.from("chỉ là ghi chú\nkhông có bảng\n"),
  });
  await page.waitForFunction(() => /ghi-chu\.csv/.test(document.querySelector("[data-testid=input-error]")?.textContent || ""));
  assert.equal(await text(page, "total-scans"), "4.336");
  // A good file clears the error.
  await page.getByTestId("file-input").setInputFiles(path.join(ROOT, "assets", "quan-son-2021-11-12.csv"));
  await page.getByTestId("input-error").waitFor({ state: "detached" });
  await context.close();
});

test("dropping a file on the drop zone loads it", async () => {
  const { page, context } = await openApp(browser, srv.url);
  const csv = fs.readFileSync(SEED, "utf8").replace("58,189", "60,189");
  const dt = await page.evaluateHandle((csv) => {
    const dt = new DataTransfer();
    dt.items.add(new File([csv], "keo-tha.csv", { type: "text/csv" }));
    return dt;
  }, csv);
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer: dt });
  await page.waitForFunction(() => document.querySelector("[data-testid=total-locations]").textContent.trim() === "586");
  assert.equal(await text(page, "source-name"), "keo-tha.csv");
  await context.close();
});
