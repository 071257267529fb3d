// The static site's size, brotli (as `make bench` counts it): every file
// of dist/ but the one-file copy. `node tools/site-size.mjs [dist]`
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
const dist = process.argv[2] || "dist";
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
let br = 0;
for (const f of walk(dist).filter((f) => !f.endsWith(".built") && path.basename(f) !== "thongbao.html")) {
  const n = zlib.brotliCompressSync(fs.readFileSync(f), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  if (process.argv.includes("-v")) console.log(String(n).padStart(8), path.relative(dist, f));
  br += n;
}
console.log(`site: ${br} bytes brotli = ${(br / 1024).toFixed(1)} KB (target ≤ 320 KB)`);
