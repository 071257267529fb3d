// After `trunk build`, turn dist/ into the site we ship:
//  1. Trunk's inline start-up script becomes boot-<hash>.js, so the page runs
//     under a CSP without 'unsafe-inline' (script-src 'self' 'wasm-unsafe-eval');
//     it also registers the service worker.
//  2. embed.js: the script embed for portals (mounts widgets in shadow roots);
//     worker.js: the Web Worker that reads large files.
//  3. sw.js: the service worker that caches the app for offline use; its cache
//     name is the hash of the files, so a new version replaces the old cleanly.
//  4. thongbao.html: the whole app in one self-contained file (CSS, JS and
//     wasm inlined) that works when opened from disk (file://).
//  0. first, the WASM is optimised and its import names shortened
//     (wasm-names.mjs), and the glue JS is minified with terser.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { minify } from "terser";
import { dropUnusedExports, nameByLikeness, shortenImports } from "./wasm-names.mjs";

const dist = process.argv[2] || "dist";
const read = (f) => fs.readFileSync(path.join(dist, f), "utf8");
const write = (f, s) => fs.writeFileSync(path.join(dist, f), s);
const hash = (s, n = 16) => crypto.createHash("sha256").update(s).digest("hex").slice(0, n);

let html = read("index.html");
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!inline) { console.error("postbuild: no start-up script in index.html (already processed?)"); process.exit(1); }
const start = inline[1];
const jsFile = start.match(/from '\.\/([^']+\.js)'/)?.[1];
const wasmFile = start.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!jsFile || !wasmFile) { console.error("postbuild: cannot find the module and wasm names"); process.exit(1); }
const cssFiles = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"/g)].map((m) => m[1]);

// 0. The WASM: Trunk leaves it as wasm-bindgen wrote it, with its function
// names (data-wasm-opt="0" data-keep-debug);
// wasm-streams' unused class exports go (wasm-names.mjs), wasm-opt
// optimises it for size (WASM_OPT_FLAGS; why these: ARCHITECTURE.md,
// "Size"), the functions are put in an order where like bodies follow each
// other, so brotli finds the likeness (nameByLikeness, then wasm-opt's
// --reorder-functions-by-name), the names go, and its imports get short
// names, in the glue too.
const FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals"];
const WASM_OPT_FLAGS = ["-O2", "--flatten", "--rereloop", "-O2", "--flatten", "--rereloop", "-O2", "--ignore-implicit-traps", "-g", ...FEATURES];
const REORDER = ["--reorder-functions-by-name", "--strip-debug", "--strip-producers", "--strip-target-features", ...FEATURES];
{
  const wasmPath = path.join(dist, wasmFile);
  const { wasm } = dropUnusedExports(fs.readFileSync(wasmPath));
  fs.writeFileSync(wasmPath, wasm);
  const wasmOpt = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".bin", "wasm-opt");
  const opt = (flags) => execFileSync(wasmOpt, [...flags, wasmPath, "-o", wasmPath], { stdio: "inherit" });
  opt(WASM_OPT_FLAGS);
  fs.writeFileSync(wasmPath, nameByLikeness(fs.readFileSync(wasmPath)));
  opt(REORDER);
  const short = shortenImports(fs.readFileSync(wasmPath), read(jsFile));
  fs.writeFileSync(wasmPath, short.wasm);
  write(jsFile, short.glue);
}

// 0a. Minify the wasm-bindgen glue the site serves (≈ 2 KB brotli; export
// names stay) and give its preload the new integrity hash. The one-file
// copy (4.) is built from the readable glue.
const glueReadable = read(jsFile);
const glueMin = await minify(glueReadable, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
if (!glueMin.code) { console.error("postbuild: terser gave no output"); process.exit(1); }
write(jsFile, glueMin.code);
// A file's integrity attribute in index.html, after its content changed.
const setIntegrity = (file, content) => {
  const sri = "sha384-" + crypto.createHash("sha384").update(content).digest("base64");
  const esc = file.replace(/[.]/g, "\\.");
  const before = html;
  html = html.replace(new RegExp(`(<link[^>]*href="\\./${esc}"[^>]*integrity=")[^"]*"`), `$1${sri}"`);
  if (html === before && html.includes(`"./${file}"`)) { console.error(`postbuild: no integrity to update for ${file}`); process.exit(1); }
};
setIntegrity(jsFile, glueMin.code);
setIntegrity(wasmFile, fs.readFileSync(path.join(dist, wasmFile)));

// 0b. The snippets (crash, storage, printing) and the style sheets are
// served minified too (≈ 3 KB brotli of comments and spaces); the one-file
// copy (4.) inlines the readable snippets, whose `export`s it rewrites.
const terserOptions = { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } };
const snippetsReadable = new Map();
const walkFiles = (d) => fs.readdirSync(path.join(dist, d), { withFileTypes: true })
  .flatMap((e) => e.isDirectory() ? walkFiles(path.join(d, e.name)) : [path.join(d, e.name).split(path.sep).join("/")]);
for (const f of fs.existsSync(path.join(dist, "snippets")) ? walkFiles("snippets").filter((f) => f.endsWith(".js")) : []) {
  const readable = read(f);
  const min = await minify(readable, terserOptions);
  if (!min.code) { console.error(`postbuild: terser gave no output for ${f}`); process.exit(1); }
  snippetsReadable.set(f, readable);
  write(f, min.code);
  setIntegrity(f, min.code);
}
// CSS without comments and with one space where the source has several,
// none beside { } ; , and no ";" before "}"; strings are kept as written.
const minifyCss = (s) => {
  let out = "";
  let spaced = true; // whether a space here would be one of ours to drop
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === "/" && s[i + 1] === "*") {
      const end = s.indexOf("*/", i + 2);
      i = end < 0 ? s.length : end + 2;
      if (!spaced) { out += " "; spaced = true; }
    } else if (/\s/.test(c)) {
      i++;
      if (!spaced) { out += " "; spaced = true; }
    } else if ("{};,".includes(c)) {
      if (spaced && out.endsWith(" ")) out = out.slice(0, -1);
      if (c === "}" && out.endsWith(";")) out = out.slice(0, -1);
      out += c;
      spaced = true;
      i++;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < s.length && s[j] !== c) j += s[j] === "\\" ? 2 : 1;
      out += s.slice(i, j + 1);
      spaced = false;
      i = j + 1;
    } else {
      out += c;
      spaced = false;
      i++;
    }
  }
  return out.trim() + "\n";
};
for (const c of cssFiles) {
  const min = minifyCss(read(c));
  write(c, min);
  setIntegrity(c, min);
}

// 1. boot script.
const boot = `${start.trim()}
if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  navigator.serviceWorker.register("./sw.js").catch((e) => console.warn("service worker:", e));
}
`;
const bootFile = `boot-${hash(boot)}.js`;
write(bootFile, boot);
html = html.replace(inline[0], `<script type="module" src="./${bootFile}"></script>`);
write("index.html", html);

// 2. embed.js.
const embed = `// thongbao script embed. Use:
// <div id="tb"></div>
// <script type="module" src=".../embed.js" data-target="#tb" data-src="so-lieu.xlsx" data-view="dashboard" data-lang="vi" data-source="UBND huyện …"></script>
// data-source (or data-issuer): the "Nguồn" of the line under the widget, as text.
// Each widget lives in a shadow root: the host's styles and the widget's stay apart.
const base = new URL(".", import.meta.url);
const CSS = ${JSON.stringify(cssFiles)};
const mod = await import(new URL(${JSON.stringify(jsFile)}, base).href);
await mod.default({ module_or_path: new URL(${JSON.stringify(wasmFile)}, base) });
const me = new URL(import.meta.url).href;
for (const s of document.querySelectorAll('script[type="module"][src]')) {
  if (new URL(s.getAttribute("src"), document.baseURI).href !== me || s.dataset.thongbaoMounted) continue;
  s.dataset.thongbaoMounted = "1";
  const host = document.querySelector(s.dataset.target || "");
  if (!host) { console.error("thongbao: no element matches data-target", s.dataset.target); continue; }
  const root = host.shadowRoot || host.attachShadow({ mode: "open" });
  for (const c of CSS) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL(c, base).href;
    root.appendChild(link);
  }
  const mount = document.createElement("div");
  root.appendChild(mount);
  mod.mount_embed(mount, host, s.dataset.src || null, s.dataset.view || null, s.dataset.lang || null, s.dataset.source || s.dataset.issuer || null);
}
`;
// Served minified below its usage lines.
const embedUsage = embed.split("\n").filter((l) => l.startsWith("//")).join("\n");
write("embed.js", `${embedUsage}\n${(await minify(embed, terserOptions)).code}\n`);

// 2b. worker.js: reads large files off the page's thread (same module).
// The job handler, shared with the one-file copy's blob worker (4.).
const onJob = `  await ready;
  const { names, options } = e.data;
  let buffers;
  try {
    // Files come as handles (read here, off the page) or as moved ArrayBuffers.
    buffers = await Promise.all(e.data.buffers.map((b) => (b instanceof Blob ? b.arrayBuffer() : b)));
  } catch (err) {
    // Unreadable (moved, locked): the page reads its own copy instead.
    self.postMessage({ failed: String(err) });
    return;
  }
  const result = worker_run(names, buffers, options, (p) => self.postMessage({ progress: p }));
  self.postMessage({ result });`;
const worker = `// thongbao: reads files in the background so the page never freezes.
import init, { worker_run, worker_warm } from "./${jsFile}";
// Warm up once the module is ready (compiles the reading code's fast tier).
const ready = init({ module_or_path: new URL("./${wasmFile}", import.meta.url) }).then(() => worker_warm());
self.onmessage = async (e) => {
${onJob}
};
`;
write("worker.js", (await minify(worker, { ...terserOptions, format: { preamble: "// thongbao: reads files in the background so the page never freezes." } })).code);

// 3. service worker.
const files = fs.readdirSync(dist).filter((f) => /\.(html|js|wasm|css)$/.test(f) && f !== "sw.js" && f !== "thongbao.html");
const snippetFiles = [];
const walk = (d) => { for (const e of fs.readdirSync(path.join(dist, d), { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else snippetFiles.push(p.split(path.sep).join("/")); } };
if (fs.existsSync(path.join(dist, "snippets"))) walk("snippets");
const all = [...files, ...snippetFiles].sort();
const version = hash(all.map((f) => f + ":" + hash(fs.readFileSync(path.join(dist, f)))).join("\n"));
const sw = `// thongbao service worker: the app works offline after the first visit.
const CACHE = "thongbao-${version}";
const FILES = ${JSON.stringify(["./", ...all.map((f) => "./" + f)])};
self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("thongbao-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
self.addEventListener("fetch", (e) => {
  const req = e.request;
  if (req.method !== "GET" || new URL(req.url).origin !== location.origin) return;
  if (req.mode === "navigate") {
    // The page: fresh when online, cached when not.
    e.respondWith(fetch(req).catch(() => caches.match(req, { ignoreSearch: true }).then((r) => r || caches.match("./"))));
    return;
  }
  e.respondWith(caches.match(req).then((r) => r || fetch(req)));
});
`;
write("sw.js", (await minify(sw, { ...terserOptions, module: false, format: { preamble: "// thongbao service worker: the app works offline after the first visit." } })).code);

// 4. thongbao.html: one file.
let glue = glueReadable;
glue = glue.replace(/import \{([^}]*)\} from '(\.\/snippets\/[^']+)';\n?/g, (_, names, p) => {
  const code = snippetsReadable.get(p.slice(2)).replace(/^export /gm, "");
  return `// inlined ${p}\n${code}\n`;
});
// wasm-bindgen imports some snippets as namespaces (`import * as import1 from "…"`).
glue = glue.replace(/import \* as (\w+) from ["'](\.\/snippets\/[^"']+)["'];?\n?/g, (_, ns, p) => {
  const src = snippetsReadable.get(p.slice(2));
  const names = [...src.matchAll(/^export (?:async )?(?:function|const|let|class) (\w+)/gm)].map((m) => m[1]);
  const code = src.replace(/^export /gm, "");
  return `// inlined ${p}\nconst ${ns} = (() => {\n${code}\nreturn { ${names.join(", ")} };\n})();\n`;
});
glue = glue.replace(/^export default __wbg_init;?$/m, "").replace(/^export \{[^}]*\};?$/gm, "").replace(/^export (function|class|const|let|async function) /gm, "$1 ");
const wasm64 = fs.readFileSync(path.join(dist, wasmFile)).toString("base64");
// The reading worker, started from a blob: URL (no worker.js beside a file
// opened from disk): the same glue, and the module's bytes by message.
const workerSrc = `${glue}
let ready;
self.onmessage = async (e) => {
  if (e.data.wasm) { ready = __wbg_init({ module_or_path: e.data.wasm }).then(() => worker_warm()); return; }
${onJob}
};
`;
const single = `${glue}
const wasmBytes = Uint8Array.from(atob("${wasm64}"), (c) => c.charCodeAt(0));
const workerUrl = URL.createObjectURL(new Blob([${JSON.stringify(workerSrc)}], { type: "text/javascript" }));
window.thongbaoWorker = () => {
  const w = new Worker(workerUrl, { type: "module" });
  w.postMessage({ wasm: wasmBytes });
  return w;
};
await __wbg_init({ module_or_path: wasmBytes });
`;
const scriptHash = crypto.createHash("sha256").update(single).digest("base64");
const css = cssFiles.map((c) => read(c)).join("\n");
let one = html
  .replace(/<script type="module" src="[^"]+"><\/script>/, "")
  .replace(/<link rel="stylesheet"[^>]*>/g, "")
  .replace(/<link rel="modulepreload"[^>]*>/g, "")
  .replace(/<link rel="preload"[^>]*>/g, "")
  .replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-${scriptHash}' 'wasm-unsafe-eval'; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; base-uri 'none'; form-action 'none'">`)
  .replace("</head>", `<style>\n${css}\n</style>\n<script type="module">${single}</script>\n</head>`);
write("thongbao.html", one);
console.log(`postbuild: ${bootFile}, embed.js, sw.js (${version}), thongbao.html (${(one.length / 1024) | 0} KB)`);
