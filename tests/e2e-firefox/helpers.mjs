// Shared set-up for the Firefox end-to-end tests: serve dist/ on loopback
// and drive Debian's firefox-esr with puppeteer-core over WebDriver BiDi
// (no driver, no browser download; puppeteer gives each launch a fresh,
// temporary profile).
import puppeteer from "puppeteer-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { tempDir } from "../e2e/helpers.mjs";
export { startServer, startPortal, iframeHostPage, tempDir, ROOT, DIST, FIXTURES } from "../e2e/helpers.mjs";

export const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";

/** Firefox, with downloads saved to `downloadDir` without asking. */
export async function launch(downloadDir = tempDir("thongbao-ff-dl-")) {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      "browser.download.dir": downloadDir,
      "browser.download.folderList": 2,
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
      "browser.download.start_downloads_in_tmp_dir": false,
      "browser.helperApps.neverAsk.saveToDisk": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "browser.shell.checkDefaultBrowser": false,
      "app.update.enabled": false,
      "browser.safebrowsing.downloads.enabled": false,
    },
  });
  browser.downloadDir = downloadDir;
  return browser;
}

const sel = (id) => `[data-testid="${id}"]`;

/** Open the app in a fresh browser context and wait for the sample's figures. */
export async function openApp(browser, url) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector(sel("total-scans"), { timeout: 20000 });
  return { context, page, errors };
}

/** A test hook's text ("" when it is not on the page). */
export async function text(page, id) {
  const el = await page.$(sel(id));
  return el ? (await el.evaluate((e) => e.textContent)).trim() : "";
}

/** A figure as the page shows it ("4.336", "30,0%"), as a number. */
export async function num(page, id) {
  const t = (await text(page, id)).replace(/[.\s%+]/g, "").replace(",", ".").replace("−", "-");
  return Number(t);
}

/** Choose a file with the file input, as a person does. */
export async function chooseFile(page, file) {
  const input = await page.waitForSelector(sel("file-input"));
  await input.uploadFile(file);
}

/** Wait until a test hook's text satisfies a predicate (polled from the test). */
export async function waitText(page, id, pred, timeout = 15000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await text(page, id);
    if (pred(last)) return last;
    if (Date.now() > end) throw new Error(`waitText(${id}): last text ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Wait for a file to appear (complete) in a directory. */
export async function waitFile(dir, name, timeout = 15000) {
  const file = path.join(dir, name);
  const end = Date.now() + timeout;
  for (;;) {
    if (fs.existsSync(file) && !fs.existsSync(`${file}.part`) && fs.statSync(file).size > 0) return file;
    if (Date.now() > end) throw new Error(`no download ${name} in ${dir}: ${fs.readdirSync(dir)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export { sel };
