# Makes seed.xls and multi.xls (the .xls reader's fixtures, see
# core/src/office/xls_tests.rs): writes Flat ODS sources that LibreOffice
# Calc converts to Excel 97 (BIFF8):
#
#   cd /tmp && python3 make_xls_fixtures.py .../assets/quan-son-2021-11-12.csv
#   soffice --headless --convert-to xls seed.fods multi.fods
import csv, sys
from xml.sax.saxutils import escape

HEAD = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:font-face-decls>
  <style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'"/>
  <style:font-face style:name=".VnTime" svg:font-family=".VnTime"/>
 </office:font-face-decls>
 <office:automatic-styles>
  <number:date-style style:name="N1">
   <number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/>
  </number:date-style>
  <style:style style:name="cedate" style:family="table-cell" style:data-style-name="N1"/>
  <style:style style:name="cevn" style:family="table-cell"><style:text-properties style:font-name=".VnTime"/></style:style>
  <style:style style:name="cetnr" style:family="table-cell"><style:text-properties style:font-name="Times New Roman"/></style:style>
 </office:automatic-styles>
 <office:body><office:spreadsheet>
'''
TAIL = ''' </office:spreadsheet></office:body>
</office:document>
'''

def s(t, style=None, span=None):
    a = f' table:style-name="{style}"' if style else ''
    if span: a += f' table:number-columns-spanned="{span}"'
    return f'<table:table-cell office:value-type="string"{a}><text:p>{escape(t)}</text:p></table:table-cell>'
def n(v, style=None):
    a = f' table:style-name="{style}"' if style else ''
    return f'<table:table-cell office:value-type="float" office:value="{v}"{a}/>'
def d(iso):
    return f'<table:table-cell office:value-type="date" office:date-value="{iso}" table:style-name="cedate"/>'
def f(formula, vt, attr, shown=None):
    cell = f'<table:table-cell table:formula="of:={escape(formula, {chr(34): "&quot;"})}" office:value-type="{vt}" {attr}'
    return cell + (f'><text:p>{escape(shown)}</text:p></table:table-cell>' if shown else '/>')
def e():
    return '<table:table-cell/>'
def row(*cells):
    return '<table:table-row>' + ''.join(cells) + '</table:table-row>\n'

seed = list(csv.reader(open(sys.argv[1], encoding='utf-8')))
header, data = seed[0], seed[1:]
TITLE = 'DANH SÁCH CHI TIẾT THỐNG KÊ TÌNH HÌNH TẠO, QUÉT MÃ QR NGÀY 12/11/2021'

def data_table(name, with_date):
    out = f'<table:table table:name="{escape(name)}">\n'
    out += row(s(TITLE, span=5))
    out += row(e())
    h = header[:3] + (['Ngày báo cáo'] if with_date else []) + header[3:]
    out += row(*[s(x) for x in h])
    for r in data:
        cells = [n(r[0]), s(r[1]), s(r[2], 'cetnr' if with_date else None)]
        if with_date: cells.append(d('2021-11-12'))
        cells += [n(r[3]), n(r[4])]
        out += row(*cells)
    c = 'E' if with_date else 'D'
    c2 = 'F' if with_date else 'E'
    cells = [e(), s('Tổng cộng'), e()] + ([e()] if with_date else [])
    cells += [f(f'SUM([.{c}4:.{c}15])', 'float', 'office:value="584"'),
              f(f'SUM([.{c2}4:.{c2}15])', 'float', 'office:value="4336"')]
    out += row(*cells)
    return out + '</table:table>\n'

with open('seed.fods', 'w', encoding='utf-8') as o:
    o.write(HEAD + data_table('Phụ lục', False) + TAIL)

notes = '<table:table table:name="Ghi chú">\n'
notes += row(s('Ghi chú'), s('Giá trị'))
notes += row(s('Chữ .VnTime'), s('X\u00b7 Trung Th\u00adîng', 'cevn'))
notes += row(s('Đúng/sai'), '<table:table-cell office:value-type="boolean" office:boolean-value="true"/>', f('1=1', 'boolean', 'office:boolean-value="true"', 'TRUE'))
notes += row(s('Lỗi'), f('1/0', 'float', 'office:value="0"'))
# No cached value: LibreOffice 7.4 exports a cached string result as 0.
notes += row(s('Công thức chữ'), '<table:table-cell table:formula="of:=&quot;Sơn &quot;&amp;&quot;Lư&quot;"/>')
notes += row(s('Số'), n('1.25'), n('1234567.891'), n('-7'), n('1e300'))
notes += row(s('Ngày giờ'), '<table:table-cell office:value-type="date" office:date-value="2021-11-12T08:30:00" table:style-name="cedate"/>')
notes += '</table:table>\n'
with open('multi.fods', 'w', encoding='utf-8') as o:
    o.write(HEAD + notes + data_table('Số liệu', True) + TAIL)
