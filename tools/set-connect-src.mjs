// Allow the page to fetch data files (?src=, data-src) from other hosts:
// adds sources to connect-src of the CSP in DIR/index.html.
//   node tools/set-connect-src.mjs dist "https://portal.example https://data.example"
// (make dist CONNECT_SRC="…" does this.) Everything else stays 'self'.
import fs from "node:fs";
import path from "node:path";

const [dir = "dist", sources = ""] = process.argv.slice(2);
const extra = sources.split(/\s+/).filter(Boolean);
for (const s of extra) {
  if (!/^(https?:\/\/[^\s;'"]+|'self')$/.test(s)) { console.error(`set-connect-src: not a source: ${s}`); process.exit(2); }
}
const file = path.join(dir, "index.html");
const html = fs.readFileSync(file, "utf8");
const out = html.replace(/connect-src [^;"]*/, `connect-src 'self'${extra.length ? " " + extra.join(" ") : ""}`);
fs.writeFileSync(file, out);
console.log(`set-connect-src: connect-src 'self' ${extra.join(" ")}`);
