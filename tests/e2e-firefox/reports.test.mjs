// Reports as data in Firefox: a Đề án 06 file switches the COVID report to
// its own and writes its figures and letter; the 766 sample's bands.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { startServer, launch, openApp, text, chooseFile, waitText, sel, ROOT } from "./helpers.mjs";

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test("Firefox: a Đề án 06 file switches the report and writes its letter", async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await chooseFile(page, path.join(ROOT, "assets", "de-an-06-gia-lai-2026-11-27.csv"));
  await waitText(page, "total-accounts", (t) => t === "369.077");
  assert.match(await text(page, "report-switched"), /Đề án 06/);
  assert.equal(await text(page, "total-accounts_target"), "58,2%");
  assert.equal(await text(page, "delta-accounts"), "+8.700");
  const notice = await waitText(page, "notice", (t) => t.includes("hoàn thành chỉ tiêu giao"));
  assert.match(notice, /Có 5\/46 địa phương hoàn thành chỉ tiêu giao; 41 địa phương còn lại/);
  assert.match(notice, /thấp nhất là xã Ia Dom với tỷ lệ 5,3%/);
  await page.select(sel("profile-select"), "chi-so-766");
  // The data is the clerk's file: the 766 report finds none of its columns here.
  await waitText(page, "report-problems", (t) => t.length > 0);
  assert.deepEqual(errors, []);
  await context.close();
});
