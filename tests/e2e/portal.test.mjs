// Portals and small screens (issue #15): every view fits a 360-px portal
// column (wide tables scroll in their own labelled box); embedded views carry
// a credit line (source, data date, area); in a sandboxed iframe the widget
// works with the snippet's sandbox and says so when the host blocks a
// download or printing; the CSV for Vietnamese Excel.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startPortal, launch, openApp, chooseFiles, waitText, FIXTURES, ROOT, openPanel } from "./helpers.mjs";

// The iframe snippet's sandbox (crates/write/src/embed.rs, SANDBOX).
const SANDBOX = "allow-scripts allow-same-origin allow-downloads allow-modals allow-popups allow-popups-to-escape-sandbox";
const F = (n) => path.join(FIXTURES, n);
let portal, app, host, browser, hostDir;
before(async () => {
  portal = await startPortal("thongbao-portal", { "so-lieu.xlsx": "seed-title-total.xlsx" });
  ({ app, host, hostDir } = portal);
  browser = await launch();
});
after(async () => { await browser?.close(); await portal?.close(); });

/** What sticks out of a 360-px page: the document's width, and every
 * element wider than the viewport or past its edges that is not inside a
 * scroll box; and the scroll boxes that do scroll, with whether a keyboard
 * can reach them and whether they have a name. */
function overflowReport(page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    const inBox = (el) => { for (let p = el.parentElement; p; p = p.parentElement) if (scrolls(p)) return true; return false; };
    const name = (el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ""}.${[...el.classList].join(".")}`;
    const wide = [];
    const boxes = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if ((r.right > vw + 0.5 || r.left < -0.5) && !inBox(el)) wide.push(`${name(el)} ${Math.round(r.left)}..${Math.round(r.right)}`);
      if (scrolls(el) && el.scrollWidth > el.clientWidth + 1) {
        boxes.push({ el: name(el), focusable: el.tabIndex >= 0, label: !!(el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")) });
      }
    }
    return { vw, scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 8), boxes };
  });
}

async function fits(page, what) {
  const r = await overflowReport(page);
  assert.equal(r.vw, 360, what);
  assert.ok(r.scrollWidth <= 360, `${what}: the page is ${r.scrollWidth} px wide; ${r.wide.join(", ")}`);
  assert.deepEqual(r.wide, [], `${what}: elements past the 360-px column`);
  for (const b of r.boxes) assert.ok(b.focusable && b.label, `${what}: scroll box ${b.el} must be focusable and named`);
  return r;
}

const small = { viewport: { width: 360, height: 740 } };

test("360 px: the full app fits, with a file with row issues, the history and the letter", async () => {
  const { page, context, errors } = await openApp(browser, app.url, small);
  const week = (date, scans) => ({ name: `tuan-${date.replaceAll("/", "-")}.csv`, mimeType: "text/csv",
    buffer: Buffer.from(`DANH SÁCH NGÀY ${date}\nXã,Số địa điểm,Lượt quét\nXã A,10,${scans[0]}\nXã B,20,${scans[1]}\n`) });
  await chooseFiles(page, week("05/11/2021", [100, 50]));
  await waitText(page, "source-name", (t) => t.startsWith("tuan-05"));
  await chooseFiles(page, F("bad-rows.csv"));
  await waitText(page, "source-name", (t) => t === "bad-rows.csv");
  await page.getByTestId("row-issues").waitFor();
  for (const s of ["saved-work", "embed-panel"]) await openPanel(page, s);
  await page.getByTestId("history-entry").first().waitFor();
  await page.getByTestId("chart-scans").waitFor();
  await waitText(page, "notice", (t) => t.includes("Kính gửi"));
  const r = await fits(page, "full app");
  // The table of units, the letter's A4 page scroll in their own box.
  const boxes = r.boxes.map((b) => b.el).join(" ");
  assert.match(boxes, /tb-table-wrap/);
  assert.match(boxes, /notice/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("360 px: a long unbroken value in the row issues and a wide table stay inside their boxes", async () => {
  const long = "x".repeat(160);
  const { page, context } = await openApp(browser, app.url, small);
  await chooseFiles(page, { name: "dai.csv", mimeType: "text/csv",
    buffer: Buffer.from(`Xã,Số địa điểm,Lượt quét,Số máy cài PC-Covid,Số điện thoại thông minh\nXã A,10,100,50,100\nXã ${long},10,${long},5,10\n`) });
  await waitText(page, "source-name", (t) => t === "dai.csv");
  await page.getByTestId("row-issues").waitFor();
  await fits(page, "row issues");
  await context.close();
});

for (const view of ["dashboard", "table", "chart", "notice"]) {
  test(`360 px: the embedded ${view} view fits a 360-px portal column`, async () => {
    const context = await browser.newContext(small);
    const page = await context.newPage();
    await page.goto(`${app.url}index.html?embed=1&view=${view}&src=${encodeURIComponent(`${host.url}so-lieu.xlsx`)}`);
    // The figures of src= (the names of its units), then charts and letter.
    const id = { dashboard: "high-units", table: "unit-table", chart: "chart-scans", notice: "notice" }[view];
    await waitText(page, id, (t) => /Trung Hạ|Quan Sơn/.test(t), 20000);
    await page.waitForTimeout(1000);
    await fits(page, `embed ${view}`);
    await context.close();
  });
}

test("embedded views: the credit line names the source file, the data date and the area", async () => {
  const page = await browser.newPage();
  for (const view of ["dashboard", "table", "chart", "notice"]) {
    await page.goto(`${app.url}index.html?embed=1&view=${view}&src=${encodeURIComponent(`${host.url}so-lieu.xlsx`)}`);
    const t = await waitText(page, "embed-credit", (s) => s.includes("so-lieu.xlsx"), 20000);
    assert.equal(t, "Nguồn: so-lieu.xlsx · Số liệu ngày 12/11/2021 · Huyện Quan Sơn", view);
    assert.equal(await page.getByTestId("embed-credit").count(), 1);
  }
  // English UI; the full app has no credit line (it shows the source itself).
  await page.goto(`${app.url}index.html?embed=1&view=dashboard&lang=en`);
  assert.match(await waitText(page, "embed-credit", (s) => s.startsWith("Source:")), /^Source: Sample \(.+\) · Figures of \d\d\/\d\d\/\d{4} · Huyện Quan Sơn$/);
  await page.goto(app.url);
  await page.getByTestId("total-scans").waitFor();
  assert.equal(await page.getByTestId("embed-credit").count(), 0);
  await page.close();
});

test("embedded views: &source= and data-source= set the credit's source, as text never HTML", async () => {
  const page = await browser.newPage();
  const evil = `UBND huyện <img src=x onerror="window.__pwned=1"> & "Quan Sơn"`;
  await page.goto(`${app.url}index.html?embed=1&view=chart&source=${encodeURIComponent(evil)}`);
  const t = await waitText(page, "embed-credit", (s) => s.startsWith("Nguồn: UBND"), 20000);
  assert.equal(t.split(" · ")[0], `Nguồn: ${evil}`);
  assert.equal(await page.getByTestId("embed-credit").locator("img").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.goto(`${app.url}index.html?embed=1&view=table&issuer=${encodeURIComponent("Phòng VHTT")}`);
  assert.match(await waitText(page, "embed-credit", (s) => s.includes("Phòng VHTT"), 20000), /^Nguồn: Phòng VHTT · /);
  await page.close();
  fs.writeFileSync(path.join(hostDir, "credit.html"), `<!doctype html><meta charset="utf-8"><title>Cổng</title>
<div id="w1"></div>
<script type="module" src="${app.url}embed.js" data-target="#w1" data-view="dashboard" data-src="${host.url}so-lieu.xlsx" data-source="Sở &lt;b&gt;TT&amp;TT&lt;/b&gt;"></script>`);
  const p2 = await browser.newPage();
  await p2.goto(`${host.url}credit.html`);
  const credit = p2.locator("#w1").getByTestId("embed-credit");
  await credit.waitFor({ timeout: 20000 });
  await p2.waitForFunction(() => /Huyện Quan Sơn/.test(document.querySelector("#w1").shadowRoot.querySelector('[data-testid="embed-credit"]').textContent));
  assert.match(await credit.textContent(), /^Nguồn: Sở <b>TT&TT<\/b> · Số liệu ngày 12\/11\/2021 · Huyện Quan Sơn$/);
  assert.equal(await credit.locator("b").count(), 0);
  await p2.close();
});

test("embed panel: the iframe snippet is sandboxed and carries the source; the script one data-source", async () => {
  const { page, context } = await openApp(browser, app.url);
  await openPanel(page, "embed-panel");
  await page.getByTestId("embed-source").fill("UBND huyện Quan Sơn");
  await page.waitForFunction(() => document.querySelector('[data-testid="embed-script"]').value.includes("data-source"));
  const iframe = await page.getByTestId("embed-iframe").inputValue();
  const script = await page.getByTestId("embed-script").inputValue();
  assert.ok(iframe.includes(`sandbox="${SANDBOX}"`), iframe);
  assert.ok(iframe.includes("&amp;source=UBND%20huy%E1%BB%87n%20Quan%20S%C6%A1n"), iframe);
  assert.ok(script.includes(`data-source="UBND huyện Quan Sơn"`), script);
  await context.close();
});

/** A portal page on another origin with the widget in an iframe. `answer`:
 * the host runs the snippet's script (sizes the frame, tells the widget its
 * sandbox); `sandbox`: the iframe's attribute (null: none). */
function portalPage(name, { view, sandbox, answer = true }) {
  const src = `${app.url}index.html?embed=1&view=${view}&lang=vi&src=${encodeURIComponent(`${host.url}so-lieu.xlsx`)}`;
  fs.writeFileSync(path.join(hostDir, name), `<!doctype html><meta charset="utf-8"><title>Cổng</title>
<h1>Cổng thông tin</h1>
<iframe id="thongbao" src="${src}" style="width:100%;border:0" height="100"${sandbox === null ? "" : ` sandbox="${sandbox}"`}></iframe>
<script>
window.msgs = [];
addEventListener("message", function (e) {
  var f = document.getElementById("thongbao");
  if (!f || !e.data || e.source !== f.contentWindow) return;
  window.msgs.push(e.data);
  if (e.data.type === "thongbao:height") f.height = e.data.height;
  ${answer ? `if (e.data.type === "thongbao:hello") f.contentWindow.postMessage({type: "thongbao:host", sandbox: f.getAttribute("sandbox")}, "*");` : ""}
});
</script>`);
  return `${host.url}${name}`;
}

async function openPortal(url) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.msgs.some((m) => m.type === "thongbao:report" && m.detail.source === "so-lieu.xlsx"), null, { timeout: 20000 });
  const frame = page.frames().find((f) => f.url().includes("embed=1"));
  return { context, page, frame, errors, fl: page.frameLocator("#thongbao") };
}

/** Click the print control in the frame; true if the browser began to print. */
async function printIn(frame, fl) {
  await frame.evaluate(() => { window.__beforeprint = 0; addEventListener("beforeprint", () => { window.__beforeprint++; }); });
  await fl.getByTestId("print").click();
  await new Promise((r) => setTimeout(r, 1500));
  return (await frame.evaluate(() => window.__beforeprint)) > 0;
}

test("sandboxed iframe with the snippet's sandbox: figures, height, downloads and printing work, no warning", async () => {
  for (const view of ["notice", "table"]) {
    const { context, page, frame, fl, errors } = await openPortal(portalPage(`sb-ok-${view}.html`, { view, sandbox: SANDBOX }));
    await page.waitForFunction(() => window.msgs.some((m) => m.type === "thongbao:height" && m.height > 200));
    assert.ok(Number(await page.locator("#thongbao").getAttribute("height")) > 200);
    const report = await page.evaluate(() => window.msgs.filter((m) => m.type === "thongbao:report").pop().detail);
    assert.equal(report.totals.scans, 4336);
    const ids = view === "notice" ? ["download-docx"] : ["download-csv", "download-csv-excel", "download-xlsx"];
    for (const id of ids) {
      const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 5000 }), fl.getByTestId(id).click()]);
      assert.ok(dl.suggestedFilename().length > 0, id);
    }
    if (view === "notice") {
      assert.match(await fl.getByTestId("notice").textContent(), /4\.336/);
      assert.equal(await printIn(frame, fl), true, "the frame prints");
    }
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await fl.getByTestId("embed-blocked").count(), 0, `no warning in ${view}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("sandboxed iframe without allow-downloads / allow-modals: the widget says so, with a link to a new tab", async () => {
  const sandbox = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";
  const { context, page, frame, fl } = await openPortal(portalPage("sb-blocked.html", { view: "notice", sandbox }));
  assert.equal(await fl.getByTestId("embed-blocked").count(), 0);
  // A download that the browser drops silently.
  let downloads = 0;
  page.on("download", () => downloads++);
  await fl.getByTestId("download-docx").click();
  const msg = fl.getByTestId("embed-blocked");
  await msg.waitFor({ timeout: 5000 });
  assert.match(await msg.textContent(), /Trang chủ chặn tải tệp.*allow-downloads.*thẻ mới/);
  assert.equal(downloads, 0);
  const link = fl.getByTestId("embed-open-tab");
  assert.equal(await link.getAttribute("href"), frame.url());
  assert.equal(await link.getAttribute("target"), "_blank");
  // The link opens the view outside the sandbox, where it downloads.
  const [tab] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await tab.getByTestId("download-docx").waitFor({ timeout: 20000 });
  const [dl] = await Promise.all([tab.waitForEvent("download", { timeout: 5000 }), tab.getByTestId("download-docx").click()]);
  assert.match(dl.suggestedFilename(), /\.docx$/);
  await tab.close();
  // Printing that the browser ignores.
  assert.equal(await printIn(frame, fl), false, "the sandbox ignores print()");
  await waitText(fl, "embed-blocked", (t) => /Trang chủ chặn lệnh in.*allow-modals/.test(t), 5000);
  await context.close();
});

test("sandboxed iframe whose host does not answer: a download may be blocked, the widget says what to do", async () => {
  const { context, fl } = await openPortal(portalPage("sb-silent.html", { view: "table", sandbox: "allow-scripts allow-same-origin", answer: false }));
  await fl.getByTestId("download-csv").click();
  await waitText(fl, "embed-blocked", (t) => /Nếu tệp không được tải về.*thẻ mới/.test(t), 5000);
  await context.close();
  // An iframe without a sandbox: downloads work and nothing is said.
  const plain = await openPortal(portalPage("no-sb.html", { view: "table", sandbox: null, answer: false }));
  const [dl] = await Promise.all([plain.page.waitForEvent("download", { timeout: 5000 }), plain.fl.getByTestId("download-csv").click()]);
  assert.ok(dl.suggestedFilename().endsWith(".csv"));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await plain.fl.getByTestId("embed-blocked").count(), 0);
  await plain.context.close();
});

test("download-csv-excel: UTF-8 with BOM, ';' between cells, decimal commas, for Excel with Vietnamese settings", async () => {
  const { page, context } = await openApp(browser, app.url);
  await chooseFiles(page, F("seed-title-total.xlsx"));
  await waitText(page, "source-name", (t) => t === "seed-title-total.xlsx");
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv-excel").click()]);
  assert.match(dl.suggestedFilename(), /^so-lieu-2021-11-12-excel\.csv$/);
  const bytes = fs.readFileSync(await dl.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  assert.ok(text.startsWith("STT;Huyện;Thị trấn/xã;"), text.slice(0, 80));
  assert.ok(text.includes("\r\n4;Huyện Quan Sơn;Xã Trung Hạ;71;938;13,2;21,6;1;lượt quét cao\r\n"), text);
  // The comma CSV is unchanged.
  const [dl2] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  assert.ok(fs.readFileSync(await dl2.path()).toString("utf8").includes("\r\n4,Huyện Quan Sơn,Xã Trung Hạ,71,938,13.2,21.6,1,lượt quét cao\r\n"));
  await context.close();
});

test("embedded views follow the report of the file: a Đề án 06 file's chart, table and cards", async () => {
  fs.copyFileSync(path.join(ROOT, "assets", "de-an-06-gia-lai-2026-11-27.csv"), path.join(hostDir, "de-an-06.csv"));
  const page = await browser.newPage();
  const src = encodeURIComponent(`${host.url}de-an-06.csv`);
  await page.goto(`${app.url}index.html?embed=1&view=chart&src=${src}`);
  // The report's own chart, one bar per commune; no COVID chart.
  await page.getByTestId("chart-report").waitFor({ timeout: 20000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="chart-report"] rect').length >= 47);
  assert.equal(await page.getByTestId("chart-scans").count(), 0);
  await page.goto(`${app.url}index.html?embed=1&view=dashboard&src=${src}`);
  await waitText(page, "total-accounts", (t) => t === "369.077", 20000);
  assert.equal(await page.getByTestId("total-scans").count(), 0);
  await page.close();
});
