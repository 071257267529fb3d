// Take the README's screenshot of the running app: node tools/screenshot.mjs
import { startServer, launch, openApp } from "../tests/e2e/helpers.mjs";
const srv = await startServer();
const browser = await launch();
const { page } = await openApp(browser, srv.url, { viewport: { width: 1360, height: 1500 } });
await page.screenshot({ path: "docs/screenshot.png" });
await page.locator(".tb-letter-area").scrollIntoViewIfNeeded();
const box = await page.locator(".tb-letter-area").evaluate((e) => {
  const r = e.getBoundingClientRect();
  return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
});
await page.screenshot({ path: "docs/screenshot-letter.png", fullPage: true, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1500) } });
await browser.close();
await srv.close();
console.log("docs/screenshot.png and docs/screenshot-letter.png written");
