// After `trunk build`: move Trunk's inline start-up script into a file so the
// page runs under a Content-Security-Policy without 'unsafe-inline'
// (script-src 'self' 'wasm-unsafe-eval').
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

const dist = process.argv[2] || "dist";
const indexPath = path.join(dist, "index.html");
let html = fs.readFileSync(indexPath, "utf8");
const re = /<script type="module">([\s\S]*?)<\/script>/;
const m = html.match(re);
if (m) {
  const code = m[1].trim() + "\n";
  const hash = crypto.createHash("sha256").update(code).digest("hex").slice(0, 16);
  const name = `boot-${hash}.js`;
  fs.writeFileSync(path.join(dist, name), code);
  html = html.replace(re, `<script type="module" src="./${name}"></script>`);
  fs.writeFileSync(indexPath, html);
  console.log(`postbuild: start-up script moved to ${name}`);
} else if (!/boot-[0-9a-f]+\.js/.test(html)) {
  console.error("postbuild: no start-up script found in index.html");
  process.exit(1);
}
