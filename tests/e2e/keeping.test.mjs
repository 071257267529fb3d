// Keeping the work: a large dataset survives a reload (IndexedDB), a
// second tab never replaces the data the clerk loaded, and an edit is
// written at once (a reload right after it keeps it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, text, waitText, chooseFiles } from "./helpers.mjs";

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** A province-shaped file of `n` communes (above the 20.000 units that fit
 * in localStorage), every name distinct. */
function communes(n, scans = 3, name = "tinh.csv") {
  const rows = ["Huyện,Xã,Số địa điểm,Lượt quét"];
  for (let i = 0; i < n; i++) rows.push(`Huyện ${i % 97},Xã Số ${i},${1 + (i % 5)},${scans}`);
  return { name, mimeType: "text/csv", buffer: Buffer.from(rows.join("\n") + "\n") };
}

async function open(context) {
  const page = await context.newPage();
  await page.goto(srv.url);
  await page.getByTestId("total-scans").waitFor({ timeout: 30000 });
  return page;
}

test("a large file in tab A survives an edit in tab B and a reload of A", async () => {
  const context = await browser.newContext();
  const a = await open(context);
  await chooseFiles(a, communes(25000));
  await waitText(a, "unit-count", (t) => t === "25.000", 60000);
  await waitText(a, "data-kept", (t) => /Đã lưu/.test(t), 60000);
  const b = await open(context);
  // B shows the kept data, not the sample.
  await waitText(b, "unit-count", (t) => t === "25.000", 60000);
  await b.getByTestId("field-doc-number").fill("55");
  await waitText(a, "notice", (t) => t.includes("Số: 55/"));
  assert.equal(await text(a, "unit-count"), "25.000", "A keeps its figures");
  await a.reload();
  await waitText(a, "unit-count", (t) => t === "25.000", 60000);
  assert.equal(await text(a, "source-name"), "tinh.csv");
  assert.match(await text(a, "notice"), /Số: 55\//);
  await context.close();
});

test("a tab showing the sample cannot wipe a large file another tab loaded", async () => {
  const context = await browser.newContext();
  const b = await open(context); // opened first: the sample
  const a = await open(context);
  await chooseFiles(a, communes(25000));
  await waitText(a, "data-kept", (t) => /Đã lưu/.test(t), 60000);
  // B had nothing of the clerk's: it follows A's data.
  await waitText(b, "unit-count", (t) => t === "25.000", 60000);
  await b.getByTestId("field-signer").fill("Người Ký B");
  await waitText(a, "notice", (t) => t.includes("Người Ký B"));
  assert.equal(await text(a, "unit-count"), "25.000");
  await a.reload();
  await waitText(a, "unit-count", (t) => t === "25.000", 60000);
  await context.close();
});

test("another tab's new data is offered, not taken; the clerk chooses", async () => {
  const context = await browser.newContext();
  const a = await open(context);
  await chooseFiles(a, { name: "mot.csv", mimeType: "text/csv", buffer: Buffer.from("Xã,Lượt quét\nXã A,5\nXã B,6\n") });
  await waitText(a, "total-scans", (t) => t === "11");
  const b = await open(context);
  await waitText(b, "total-scans", (t) => t === "11");
  await chooseFiles(b, { name: "hai.csv", mimeType: "text/csv", buffer: Buffer.from("Xã,Lượt quét\nXã C,70\n") });
  await waitText(b, "total-scans", (t) => t === "70");
  await waitText(a, "other-tab-data", (t) => t.includes("hai.csv"));
  assert.equal(await text(a, "total-scans"), "11", "A still shows its own data");
  assert.match(await text(a, "data-kept"), /Chưa được lưu/);
  // Keep A's: it is kept again, and B is offered A's in turn.
  await a.getByTestId("other-tab-keep").click();
  await waitText(a, "data-kept", (t) => /Đã lưu/.test(t));
  await waitText(b, "other-tab-data", (t) => t.includes("mot.csv"));
  await b.getByTestId("other-tab-use").click();
  await waitText(b, "total-scans", (t) => t === "11");
  await context.close();
});

test("a reload right after an edit keeps the edit", async () => {
  const context = await browser.newContext();
  const page = await open(context);
  for (const n of ["101", "102", "103"]) {
    await page.getByTestId("field-doc-number").fill(n);
    await page.reload();
    await page.getByTestId("total-scans").waitFor();
    await waitText(page, "notice", (t) => t.includes(`Số: ${n}/`));
  }
  await context.close();
});
