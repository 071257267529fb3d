// "Hồ sơ lưu" (issue #16): the archive holds the chosen files byte for byte,
// every file hashes to its manifest line (node's crypto is the oracle, the
// zip is read by Python's zipfile), and opening it in a fresh browser brings
// the same figures and letter back; a changed file is refused by name.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { startServer, launch, openApp, text, waitText, chooseFiles, FIXTURES, ROOT, tempDir } from "./helpers.mjs";

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });
const tmp = tempDir("thongbao-archive-");
const TZ = { timezoneId: "Asia/Ho_Chi_Minh" };
const FIGURES = ["unit-count", "total-locations", "total-scans", "total-installs", "total-smartphones", "install-rate"];
const sha256 = (b) => crypto.createHash("sha256").update(b).digest("hex");
const VERSION = fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8").match(/^version = "(.*)"/m)[1];

/** Every entry of a zip, read by Python's zipfile: { name: Buffer }. */
function unzip(file) {
  const out = execFileSync("python3", ["-c", `
import base64, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps({i.filename: base64.b64encode(z.read(i)).decode() for i in z.infolist()}))
`, file], { maxBuffer: 64 << 20 });
  return Object.fromEntries(Object.entries(JSON.parse(out)).map(([k, v]) => [k, Buffer.from(v, "base64")]));
}

/** The zip again with `entry` changed by `edit` (a valid zip: new CRC). */
function tamper(src, dst, entry, edit) {
  execFileSync("python3", ["-c", `
import sys, zipfile
src, dst, entry, edit = sys.argv[1:5]
with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as b:
    for i in a.infolist():
        data = a.read(i)
        if i.filename == entry:
            data = data.replace(edit.split("=>")[0].encode("latin-1"), edit.split("=>")[1].encode("latin-1"), 1)
        b.writestr(i.filename, data)
`, src, dst, entry, edit]);
}

async function figures(page) {
  const out = {};
  for (const id of FIGURES) out[id] = await text(page, id);
  return out;
}

async function downloadArchive(page, name) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-archive").click()]);
  assert.match(dl.suggestedFilename(), /-ho-so-luu\.zip$/);
  const file = path.join(tmp, name);
  await dl.saveAs(file);
  return file;
}

/** The manifest's checks against the unzipped entries. */
function checkManifest(entries) {
  const m = JSON.parse(entries["manifest.json"].toString("utf8"));
  assert.equal(m.kind, "thongbao-archive");
  assert.equal(m.app_version, VERSION);
  // Listed: every entry but the two manifests, each with its size and hash.
  assert.deepEqual(
    m.files.map((f) => f.path).sort(),
    Object.keys(entries).filter((n) => !n.startsWith("manifest.")).sort(),
  );
  for (const f of m.files) {
    assert.equal(f.size, entries[f.path].length, f.path);
    assert.equal(f.sha256, sha256(entries[f.path]), f.path);
  }
  const txt = entries["manifest.txt"].toString("utf8");
  for (const f of m.files) assert.ok(txt.includes(`${f.sha256}  ${f.path}\n`), f.path);
  return m;
}

let archiveFile, before_;

test("the archive holds the chosen file byte for byte, hashed as its manifest says", async () => {
  const { page, context, errors } = await openApp(browser, srv.url, TZ);
  // Windows-1258 bytes: anything re-encoded would show.
  const chosen = path.join(FIXTURES, "seed-cp1258.csv");
  await chooseFiles(page, chosen);
  await waitText(page, "source-name", (t) => t === "seed-cp1258.csv");
  await page.getByTestId("field-doc-number").fill("2345");
  await page.getByTestId("field-signer").fill("Lò Văn Bình");
  await waitText(page, "notice", (t) => t.includes("Lò Văn Bình") && t.includes("2345"));
  before_ = { figures: await figures(page), notice: await text(page, "notice") };
  archiveFile = await downloadArchive(page, "cp1258.zip");

  const entries = unzip(archiveFile);
  const m = checkManifest(entries);
  const inputs = m.files.filter((f) => f.role === "input");
  assert.deepEqual(inputs.map((f) => f.name), ["seed-cp1258.csv"]);
  assert.ok(entries[inputs[0].path].equals(fs.readFileSync(chosen)), "input byte-identical");
  for (const role of ["letter", "table", "profile", "work"]) {
    assert.ok(m.files.some((f) => f.role === role), role);
  }
  assert.ok(entries[m.files.find((f) => f.role === "letter").path].subarray(0, 2).equals(Buffer.from("PK")));
  const work = JSON.parse(entries["cong-viec.json"].toString("utf8"));
  assert.equal(work.fields.signer, "Lò Văn Bình");
  assert.equal(work.dataset, null);
  assert.ok(JSON.parse(entries["ho-so-bao-cao.json"].toString("utf8")).name);
  // The clerk's clock, with the offset of the zone.
  assert.match(m.made, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
  assert.ok(Math.abs(Date.parse(m.made) - Date.now()) < 10 * 60 * 1000, m.made);
  // Totals as the page shows them, and as integers.
  const scans = m.totals.find((t) => t.id === "scans");
  assert.equal(scans.shown, before_.figures["total-scans"]);
  assert.equal(scans.value, Number(scans.shown.replace(/\./g, "")));
  const rate = m.totals.find((t) => t.id === "install-rate");
  if (rate) assert.equal(rate.shown, before_.figures["install-rate"]);
  assert.ok(m.report_date === null || /^\d{4}-\d\d-\d\d$/.test(m.report_date));
  assert.deepEqual(errors, []);
  await context.close();
});

test("opening the archive in a fresh browser brings the same figures and letter back", async () => {
  assert.ok(archiveFile, "made by the test before");
  const { page, context, errors } = await openApp(browser, srv.url, TZ);
  await chooseFiles(page, archiveFile);
  await waitText(page, "archive-restored", (t) => t.includes("hồ sơ lưu"));
  assert.equal(await text(page, "source-name"), "seed-cp1258.csv");
  assert.deepEqual(await figures(page), before_.figures);
  await waitText(page, "notice", (t) => t === before_.notice);
  assert.equal(await page.getByTestId("field-doc-number").inputValue(), "2345");
  assert.equal(await page.getByTestId("input-error").count(), 0);
  // Made again from the restored page: the same inputs, byte for byte.
  const again = unzip(await downloadArchive(page, "again.zip"));
  const first = unzip(archiveFile);
  assert.ok(again["so-lieu/seed-cp1258.csv"].equals(first["so-lieu/seed-cp1258.csv"]));
  assert.ok(again["cong-viec.json"].equals(first["cong-viec.json"]));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a tampered archive is refused by name and changes nothing; dropped, too", async () => {
  assert.ok(archiveFile, "made by the test before");
  const bad = path.join(tmp, "tampered.zip");
  // One figure of the input changed (the zip itself stays valid).
  const csv = unzip(archiveFile)["so-lieu/seed-cp1258.csv"].toString("latin1");
  const figure = csv.match(/;(\d{3,})/)[1];
  tamper(archiveFile, bad, "so-lieu/seed-cp1258.csv", `;${figure}=>;${Number(figure) + 1}`);
  assert.ok(!unzip(bad)["so-lieu/seed-cp1258.csv"].equals(unzip(archiveFile)["so-lieu/seed-cp1258.csv"]));
  const { page, context } = await openApp(browser, srv.url, TZ);
  const was = { figures: await figures(page), source: await text(page, "source-name") };
  await waitText(page, "notice", (t) => t.length > 100);
  const notice = await text(page, "notice");
  await chooseFiles(page, bad);
  const msg = await waitText(page, "input-error", (t) => t.length > 0);
  assert.ok(msg.includes("so-lieu/seed-cp1258.csv"), msg);
  assert.ok(msg.includes("SHA-256"), msg);
  assert.deepEqual(await figures(page), was.figures);
  assert.equal(await text(page, "source-name"), was.source);
  assert.equal(await text(page, "notice"), notice);
  assert.equal(await page.getByTestId("archive-restored").count(), 0);

  // The good archive dropped on the drop zone restores it.
  const bytes = [...fs.readFileSync(archiveFile)];
  const dt = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], "ho-so.zip", { type: "application/zip" }));
    return dt;
  }, bytes);
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer: dt });
  await waitText(page, "archive-restored", (t) => t.length > 0);
  assert.equal(await page.getByTestId("input-error").count(), 0);
  assert.deepEqual(await figures(page), before_.figures);
  await waitText(page, "notice", (t) => t === before_.notice);
  await context.close();
});

test("the sample's archive holds the sample CSV and restores the sample", async () => {
  const { page, context } = await openApp(browser, srv.url, TZ);
  const sampleFigures = await figures(page);
  await waitText(page, "notice", (t) => t.length > 100);
  const notice = await text(page, "notice");
  const file = await downloadArchive(page, "sample.zip");
  const entries = unzip(file);
  const m = checkManifest(entries);
  const inputs = m.files.filter((f) => f.role === "input");
  assert.equal(inputs.length, 1);
  assert.ok(entries[inputs[0].path].toString("utf8").includes("Quan Sơn") || entries[inputs[0].path].length > 100);
  // Another file loaded, then the sample's archive opened again.
  await chooseFiles(page, path.join(FIXTURES, "seed-cp1258.csv"));
  await waitText(page, "source-name", (t) => t === "seed-cp1258.csv");
  await chooseFiles(page, file);
  await waitText(page, "archive-restored", (t) => t.length > 0);
  assert.deepEqual(await figures(page), sampleFigures);
  await waitText(page, "notice", (t) => t === notice);
  await context.close();
});

test("a report definition's archive holds its own table and totals, not the COVID ones", async () => {
  const { page, context, errors } = await openApp(browser, srv.url, TZ);
  await chooseFiles(page, path.join(ROOT, "assets", "de-an-06-gia-lai-2026-11-27.csv"));
  await waitText(page, "total-accounts", (t) => t === "369.077");
  const entries = unzip(await downloadArchive(page, "de-an-06.zip"));
  const m = checkManifest(entries);
  // Every card's figure, as the page shows it, and nothing of the COVID report.
  const shown = Object.fromEntries(m.totals.map((t) => [t.id, t.shown]));
  assert.equal(shown["unit-count"], await text(page, "unit-count"));
  for (const id of ["residents", "target", "accounts", "accounts_residents", "accounts_target"]) {
    assert.equal(shown[id], await text(page, `total-${id}`), id);
  }
  assert.equal(shown.scans, undefined);
  assert.equal(m.totals.find((t) => t.id === "accounts").value, 369077);
  assert.equal(m.report_date, "2026-11-27");
  // The table is the report's: its columns and a unit of the file.
  const table = entries[m.files.find((f) => f.role === "table").path];
  const tablePath = path.join(tmp, "table.xlsx");
  fs.writeFileSync(tablePath, table);
  const xml = Object.entries(unzip(tablePath)).filter(([n]) => n.startsWith("xl/")).map(([, b]) => b.toString("utf8")).join("");
  assert.ok(xml.includes("Tăng so với kỳ trước"), "the report's own column");
  assert.ok(!xml.includes("Lượt quét"), "no COVID column");
  assert.deepEqual(errors, []);
  await context.close();
});
