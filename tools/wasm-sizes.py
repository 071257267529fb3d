#!/usr/bin/env python3
"""Where the WASM's bytes go: code size by crate and by thongbao module.

  python3 tools/wasm-sizes.py target/wasm32-unknown-unknown/release/thongbao.wasm

Reads the module cargo builds before wasm-bindgen and wasm-opt (it still has
its `name` section), so the figures are raw code bytes before optimisation:
compare two builds, not against the site's brotli size. A function is
counted under the first crate its (v0-mangled) name mentions, and under the
first thongbao module; a generic function instantiated for a thongbao type
counts under the crate that defines the function.
"""
import sys,re,collections
f=sys.argv[1]
b=open(f,'rb').read()
def leb(b,i):
    r=0;s=0
    while True:
        x=b[i];i+=1;r|=(x&0x7f)<<s;s+=7
        if x<0x80:return r,i
i=8;secs={}
nimports=0
while i<len(b):
    sid=b[i];i+=1;n,i=leb(b,i)
    if sid==0:
        l,j=leb(b,i);nm=b[j:j+l].decode('latin1');secs[nm]=(j+l,i+n)
    else: secs[sid]=(i,i+n)
    i+=n
# imports: count funcs
s,e=secs[2];cnt,p=leb(b,s)
for _ in range(cnt):
    l,p=leb(b,p);p+=l;l,p=leb(b,p);p+=l
    kind=b[p];p+=1
    if kind==0: _,p=leb(b,p);nimports+=1
    elif kind==1: p+=1; fl,p=leb(b,p); _,p=leb(b,p); 
    elif kind==2:
        fl,p=leb(b,p); _,p=leb(b,p)
        if fl&1: _,p=leb(b,p)
    elif kind==3: p+=2
s,e=secs[10];cnt,p=leb(b,s);sizes=[]
for _ in range(cnt):
    n,p=leb(b,p);sizes.append(n);p+=n
names={}
s,e=secs['name'];p=s
while p<e:
    sub=b[p];p+=1;n,p=leb(b,p);q=p
    if sub==1:
        c,q=leb(b,q)
        for _ in range(c):
            idx,q=leb(b,q);l,q=leb(b,q);names[idx]=b[q:q+l].decode('utf8','replace');q+=l
    p+=n
def _legacy_crate(nm):
    m=re.match(r'_ZN(\d+)',nm)
    if m:
        L=int(m.group(1)); c=nm[len(m.group(0)):len(m.group(0))+L]
        # for generic impls <T as Trait>: c may be '_$LT$...'
        if c.startswith('_$LT$'):
            mm=re.match(r'_\$LT\$([a-z_0-9]+)',c); c='<'+(mm.group(1) if mm else '?')
        rest=nm[len(m.group(0))+L:]
        m2=re.match(r'(\d+)',rest)
        sub=rest[len(m2.group(0)):len(m2.group(0))+int(m2.group(1))] if m2 else ''
        return c, c+'::'+sub
    return nm.split('::')[0][:30], nm[:40]
print('total code', sum(sizes))
print('=== by first crate (v0)')
agg=collections.Counter(); mods=collections.Counter()
for k,sz in enumerate(sizes):
    nm=names.get(k+nimports,'?')
    cs=re.findall(r'C(?:s[0-9A-Za-z]*_)?(\d+)([a-z_][a-z_0-9]*)',nm)
    crates=[]
    for L,n in cs:
        crates.append(n[:int(L)])
    c=crates[0] if crates else nm[:20]
    agg[c]+=sz
    # module after thongbao crate: first identifier after crate
    m=re.search(r'(thongbao_[a-z]+|thongbao)(\d+)([a-z_0-9]+)',nm)
    if m:
        mods[m.group(1)+'::'+m.group(3)[:int(m.group(2))]]+=sz
for c,v in agg.most_common(30): print(f'{v:8d} {c}')
print('=== thongbao modules (any position)')
for c,v in mods.most_common(40): print(f'{v:8d} {c}')
if '--top' in sys.argv:
    print('=== largest functions')
    order = sorted(range(len(sizes)), key=lambda k: -sizes[k])
    for k in order[:int(sys.argv[sys.argv.index('--top') + 1])]:
        print(f'{sizes[k]:8d} {names.get(k + nimports, "?")[:160]}')
