// Take the README's screenshot of the running app: node tools/screenshot.mjs
import { startServer, launch, openApp } from "../tests/e2e/helpers.mjs";
const srv = await startServer();
const browser = await launch();
const { page } = await openApp(browser, srv.url, { viewport: { width: 1280, height: 1400 } });
await page.screenshot({ path: "docs/screenshot.png" });
await browser.close();
await srv.close();
console.log("docs/screenshot.png written");
