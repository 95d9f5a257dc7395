import sys,re,pickle; sys.path.insert(0,'/tmp/figs')
from judge import texts, noun
exec(open('specs.py').read())
lo,hi=float(sys.argv[1]),float(sys.argv[2]); stems=eval(sys.argv[3]).split(',')
WORDS={'الف':1000,'الفا':1000,'الفين':2000,'الفان':2000,'مئه':100,'مائه':100,'مئتين':200,'مائتين':200,'مئتي':200,'مائتي':200,'مليون':1e6,'مليونا':1e6}
UN={'ثلاث':3,'ثلاثه':3,'اربع':4,'اربعه':4,'خمس':5,'خمسه':5,'ست':6,'سته':6,'سبع':7,'سبعه':7,'ثماني':8,'ثمانيه':8,'ثمان':8,'تسع':9,'تسعه':9,'عشر':10,'عشره':10}
NUM=re.compile(r'(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:[.,]\d+)?)(?![\d])\s*(الف|الاف|الفا|مليون|ملايين|مليار)?(?![\u0621-\u064A])|(?<![\u0621-\u064A])(?:(ثلاث|ثلاثه|اربع|اربعه|خمس|خمسه|ست|سته|سبع|سبعه|ثماني|ثمانيه|ثمان|تسع|تسعه|عشر|عشره)\s+(الاف|مئه|مائه)|(الف|الفا|الفين|الفان|مئه|مائه|مئتين|مائتين|مئتي|مائتي|مليون))(?![\u0621-\u064A])')
SC={'الف':1e3,'الاف':1e3,'الفا':1e3,'مليون':1e6,'ملايين':1e6,'مليار':1e9}
R=re.compile(noun(*stems))
for u,t in sorted(texts.items()):
    hits=[]
    for m in NUM.finditer(t):
        if m.group(1):
            s=m.group(1)
            try: v=float(s.replace(',','')) if (',' in s and len(s.split(',')[-1])==3) else float(s.replace(',','.'))
            except: continue
            if m.group(2): v*=SC[m.group(2)]
        elif m.group(3): v=UN[m.group(3)]*(1000 if m.group(4)=='الاف' else 100)
        else: v=WORDS[m.group(5)]
        if not (lo<=v<=hi): continue
        s,e=m.span(); pre=' '.join(t[max(0,s-120):s].split()[-7:]); post=' '.join(t[e:e+80].split()[:4])
        if R.search(pre) or R.search(post): hits.append(t[max(0,s-110):e+70].replace('\n',' '))
    if hits:
        print(u); [print('     ',h) for h in hits[:4]]
