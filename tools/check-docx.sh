#!/bin/sh
# Checks a .docx written by thongbao the way a user would see it: converts it
# to PDF with LibreOffice (headless) and inspects the PDF with poppler.
#
#   check-docx.sh FILE.docx [TEXT...]
#
# Checks: page 1 is A4 portrait (595 x 842 pt); at least 2 pages; no page
# number on page 1 and "2" at the top of page 2 (or page 2 is the appendix's
# unnumbered first page); the national title on one
# line; and every TEXT (default: the built-in sample's key strings) in the
# text. Whitespace is ignored when looking for TEXT, because justified lines
# come out of pdftotext with stray spaces. Set KEEP_PDF=dir to keep the PDF.
# Needs: soffice (libreoffice-writer-nogui), pdfinfo and pdftotext
# (poppler-utils). Exit 0 if all checks pass, 1 if one fails, 2 on misuse.
set -u

die() { echo "check-docx: $*" >&2; exit "${code:-1}"; }

[ $# -ge 1 ] || { code=2 die "usage: $0 FILE.docx [TEXT...]"; }
docx=$1
shift
[ -f "$docx" ] || { code=2 die "no such file: $docx"; }
for tool in soffice pdfinfo pdftotext; do
    command -v "$tool" >/dev/null 2>&1 || { code=2 die "$tool not found (apt-get install libreoffice-writer-nogui poppler-utils)"; }
done
[ $# -gt 0 ] || set -- "Số: 2092/UBND-VHTT" "Quan Sơn, ngày 16 tháng 11 năm 2021" \
    "Độc lập - Tự do - Hạnh phúc" "Kính gửi:" "4.336" "5.554/18.510" "30,0%" \
    "Nơi nhận:" "KT. CHỦ TỊCH" "Phụ lục" "Tổng cộng" "Xã Mường Mìn"

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
cp "$docx" "$tmp/in.docx"
# A private profile, so that this works beside a running LibreOffice.
if ! timeout 180 soffice "-env:UserInstallation=file://$tmp/profile" --headless \
    --convert-to pdf --outdir "$tmp" "$tmp/in.docx" >"$tmp/log" 2>&1; then
    cat "$tmp/log" >&2
    die "LibreOffice could not convert $docx"
fi
pdf=$tmp/in.pdf
[ -s "$pdf" ] || { cat "$tmp/log" >&2; die "no PDF from $docx"; }
[ -z "${KEEP_PDF:-}" ] || cp "$pdf" "$KEEP_PDF/"

fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }

info=$(pdfinfo "$pdf") || die "pdfinfo failed"
pages=$(printf '%s\n' "$info" | awk '/^Pages:/ {print $2}')
size=$(printf '%s\n' "$info" | awk '/^Page size:/ {printf "%.0f x %.0f", $3, $5}')
[ "$size" = "595 x 842" ] || bad "page 1 is $size pt, not A4 portrait (595 x 842)"
[ "${pages:-0}" -ge 2 ] || bad "$pages page(s), expected at least 2"

pdftotext -enc UTF-8 "$pdf" "$tmp/all.txt" || die "pdftotext failed"
first1=$(pdftotext -enc UTF-8 -f 1 -l 1 "$pdf" - 2>/dev/null | grep -m1 -v '^[[:space:]]*$')
first2=$(pdftotext -enc UTF-8 -f 2 -l 2 "$pdf" - 2>/dev/null | grep -m1 -v '^[[:space:]]*$')
case $first1 in *[!0-9\ ]*) ;; *) bad "page 1 starts with a page number: '$first1'" ;; esac
# Page 2 is numbered, unless it is the appendix's first page.
[ "$first2" = "2" ] || [ "$first2" = "Phụ lục" ] ||
    bad "page 2 does not start with its number 2 (got '$first2')"
grep -qx "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "$tmp/all.txt" ||
    bad "the national title is not on a line of its own"

tr -d ' \t\n\f\r' <"$tmp/all.txt" >"$tmp/flat.txt"
for want in "$@"; do
    flat=$(printf '%s' "$want" | tr -d ' \t\n\f\r')
    grep -qF -- "$flat" "$tmp/flat.txt" || bad "text lacks '$want'"
done

[ $fail -eq 0 ] || exit 1
echo "ok: $docx ($pages pages, A4, $# strings found)"
