// Shared set-up for the end-to-end tests: serve dist/ on loopback and drive
// Debian's Chromium with playwright-core (no browser download).
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { serve } from "../../tools/serve.mjs";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const DIST = path.join(ROOT, "dist");
export const FIXTURES = path.join(ROOT, "target", "fixtures");

/** A new directory under the system's temp dir, removed when the test
 * process ends (the tests leave nothing behind in /tmp). */
const made = [];
process.on("exit", () => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });
export function tempDir(prefix) {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}

export async function startServer(dir = DIST, headers = {}) {
  const server = await serve(dir, 0, "127.0.0.1", headers);
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { server, url, close: () => new Promise((r) => server.close(r)) };
}

/** A portal on another origin (also for tests/e2e-firefox): `host` serves
 * `hostDir` (the portal's pages and data files, readable from any origin);
 * `app` the site as deployed for that portal (`make dist
 * CONNECT_SRC=<portal>`), its files loadable from other origins (the script
 * embed). `files` maps names on the portal to fixtures copied there. */
export async function startPortal(prefix, files = {}) {
  const hostDir = tempDir(`${prefix}-host-`);
  const host = await startServer(hostDir, { "access-control-allow-origin": "*" });
  const site = tempDir(`${prefix}-site-`);
  fs.cpSync(DIST, site, { recursive: true });
  execFileSync("node", [path.join(ROOT, "tools", "set-connect-src.mjs"), site, host.url.replace(/\/$/, "")]);
  const app = await startServer(site, { "access-control-allow-origin": "*" });
  for (const [name, fixture] of Object.entries(files)) {
    fs.copyFileSync(path.join(FIXTURES, fixture), path.join(hostDir, name));
  }
  return { host, hostDir, app, close: async () => { await app.close(); await host.close(); } };
}

/** A portal page with the iframe embed of `frameUrl`: it keeps every message
 * in `window.msgs` and sizes the frame by its `thongbao:height`. */
export function iframeHostPage(frameUrl) {
  return `<!doctype html><meta charset="utf-8"><title>Cổng</title>
<h1>Cổng thông tin</h1>
<iframe id="thongbao" src="${frameUrl}" style="width:100%;border:0" height="100"></iframe>
<script>
window.msgs = [];
addEventListener("message", function (e) {
  window.msgs.push(e.data);
  if (e.data && e.data.type === "thongbao:height") document.getElementById("thongbao").height = e.data.height;
});
</script>`;
}

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    // playwright gives every launch a fresh, empty profile directory.
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  return browser;
}

/// Open the app and wait for the sample's figures.
export async function openApp(browser, url, opts = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...opts });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url);
  await page.getByTestId("total-scans").waitFor({ timeout: 20000 });
  return { context, page, errors };
}

export const byId = (page, id) => page.getByTestId(id);
export const text = async (page, id) => (await page.getByTestId(id).first().textContent()).trim();
/** A figure as the page shows it ("4.336", "30,0%"), as a number. */
export const num = async (page, id) => {
  const t = (await text(page, id)).replace(/[.\s%+]/g, "").replace(",", ".").replace("−", "-");
  return Number(t);
};

/** Choose files with the file input, as a person does. */
// Open a <details> panel by a click on its summary, as a person does. A
// click can land while the page still lays itself out (the letter and the
// charts follow the figures by a frame and move what is below them): then
// the panel stays shut and, as a person would, the summary is clicked again.
export async function openPanel(page, id) {
  const panel = page.getByTestId(id);
  for (let i = 0; i < 5; i++) {
    await panel.locator(":scope > summary").click();
    if (await panel.evaluate((d) => d.open)) return;
    await page.waitForTimeout(100 * (i + 1));
    if (await panel.evaluate((d) => d.open)) return;
  }
  throw new Error(`the panel ${id} does not open`);
}

export async function chooseFiles(page, files) {
  await page.getByTestId("file-input").setInputFiles(files);
}

/** Wait until a test hook's text satisfies a predicate (polled from the
 * test, since the page's CSP forbids evaluating strings). */
export async function waitText(page, id, pred, timeout = 15000) {
  const f = typeof pred === "function" ? pred : new Function("t", `return (${pred})(t)`);
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    const el = page.getByTestId(id).first();
    last = (await el.count()) ? (await el.textContent()).trim() : undefined;
    if (last !== undefined && f(last)) return last;
    if (Date.now() > end) throw new Error(`waitText(${id}): last text ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
