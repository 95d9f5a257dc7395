import re,pickle,sys
from lib import norm
texts=pickle.load(open('/tmp/figs/texts.pkl','rb'))
def fmt(x):
    s=('%.6f'%x).rstrip('0').rstrip('.')
    return s
def num_forms(V, words=()):
    """regex alternatives (on normalized text) for value V"""
    alts=[]
    def digits(x):
        # x numeric (may be decimal); return regex for its digit spellings
        out=[]
        if float(x).is_integer():
            n=int(x); s=str(n); out.append(re.escape(s))
            if n>=1000:
                g='{:,}'.format(n); out.append(re.escape(g)); out.append(re.escape(g.replace(',','.'))); out.append(re.escape(g.replace(',',' ')))
        else:
            s=fmt(x); out.append(re.escape(s)); out.append(re.escape(s.replace('.',',')))
            if s.endswith('5') is False: pass
        return out
    B=r'(?<![\d.,])'; A=r'(?![\d]|[.,]\d)'
    for d in digits(V): alts.append(B+'(?:'+d+')'+A+r'(?!\s*(?:الف|الاف|مليون|ملايين|مليار|مليارات)\b)')
    SCALES=[(1e3,r'(?:الف|الاف|الفا|لاف)'),(1e6,r'(?:مليون|ملايين|مليونا)'),(1e9,r'(?:مليار|مليارات|مليارا)')]
    for sv,sr in SCALES:
        k=V/sv
        if k<1 or k>=1e4: continue
        if abs(k*1000-round(k*1000))>1e-9: continue
        for d in digits(round(k,3)): alts.append(B+'(?:'+d+')'+A+r'\s*'+sr+r'(?![\u0621-\u064A])')
    for w in words: alts.append(r'(?<![\u0621-\u064A])'+w+r'(?![\u0621-\u064A])')
    return '(?:'+'|'.join(alts)+')'
def cands(numre, nounre, before=7, after=4):
    N=re.compile(numre); out={}
    tok=r'\S+\s+'
    for u,t in texts.items():
        hits=[]
        for m in N.finditer(t):
            s,e=m.span()
            pre=t[max(0,s-120):s]; post=t[e:e+80]
            pre_w=' '.join(pre.split()[-before:]) if before else ''
            post_w=' '.join(post.split()[:after])
            if re.search(nounre,post_w) or (before and re.search(nounre,pre_w)):
                hits.append(t[max(0,s-110):e+70].replace('\n',' '))
        if hits: out[u]=hits
    return out
NOUNPFX=r'(?<![\u0621-\u064A])(?:و|ب|ل|ف|ك)?(?:ال|لل)?'
def noun(*stems): return NOUNPFX+'(?:'+'|'.join(stems)+')'+r'(?![\u0621-\u064A])'
def loose(numre, nounre, strict, width=200):
    N=re.compile(numre); R=re.compile(nounre); out={}
    for u,t in texts.items():
        if u in strict: continue
        hits=[]
        for m in N.finditer(t):
            s,e=m.span()
            ctx=t[max(0,s-width):e+width]
            if R.search(ctx): hits.append(t[max(0,s-140):e+90].replace('\n',' '))
        if hits: out[u]=hits
    return out
