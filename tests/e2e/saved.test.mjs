// Saved work: the history of periods (IndexedDB) gives the previous report
// without the old file; a backup file carries everything to another browser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer, launch, openApp, text, waitText, chooseFiles, tempDir, openPanel } from "./helpers.mjs";

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });
const tmp = tempDir("thongbao-saved-");
const week = (date, scans) => ({ name: `tuan-${date.replaceAll("/", "-")}.csv`, mimeType: "text/csv",
  buffer: Buffer.from(`DANH SÁCH NGÀY ${date}\nXã,Số địa điểm,Lượt quét\nXã A,10,${scans[0]}\nXã B,20,${scans[1]}\n`) });

test("last week's file is kept; this week compares with it; entries can be deleted", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await chooseFiles(page, week("05/11/2021", [100, 50]));
  await waitText(page, "source-name", (t) => t.startsWith("tuan-05"));
  await chooseFiles(page, week("12/11/2021", [130, 40]));
  await waitText(page, "source-name", (t) => t.startsWith("tuan-12"));
  assert.equal(await page.getByTestId("delta-scans").count(), 0, "no previous period yet");
  await openPanel(page, "saved-work");
  await page.getByTestId("history-entry").nth(1).waitFor();
  assert.equal(await page.getByTestId("history-entry").count(), 2);
  await page.getByTestId("history-entry").first().getByTestId("history-use").click();
  await waitText(page, "delta-scans", (t) => t === "+20");
  await waitText(page, "notice", (t) => /tăng lượt quét 20 so với ngày 05\/11/.test(t));
  await page.getByTestId("history-entry").first().getByTestId("history-delete").click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-entry"]').length === 1);
  await context.close();
});

test("a backup file restores the letter fields and the history in another browser", async () => {
  const { page, context } = await openApp(browser, srv.url);
  await page.getByTestId("field-signer").fill("Người Sao Lưu");
  await chooseFiles(page, week("19/11/2021", [1, 2]));
  await waitText(page, "source-name", (t) => t.startsWith("tuan-19"));
  await openPanel(page, "saved-work");
  await page.getByTestId("history-entry").first().waitFor();
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("backup-export").click()]);
  const file = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  assert.match(dl.suggestedFilename(), /^thongbao-sao-luu-\d{4}-\d{2}-\d{2}\.json$/);
  await context.close();
  const other = await openApp(browser, srv.url);
  await openPanel(other.page, "saved-work");
  await other.page.getByTestId("backup-import").setInputFiles(file);
  await waitText(other.page, "notice", (t) => t.includes("Người Sao Lưu"));
  assert.equal(await text(other.page, "source-name"), "tuan-19-11-2021.csv");
  await other.page.getByTestId("history-entry").first().waitFor();
  await other.context.close();
});
