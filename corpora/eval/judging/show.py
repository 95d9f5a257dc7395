import sys; sys.path.insert(0,'/tmp/figs')
from judge import *
import argparse
p=argparse.ArgumentParser(); p.add_argument('V',type=float); p.add_argument('stems'); p.add_argument('--words',default=''); p.add_argument('--before',type=int,default=7); p.add_argument('--after',type=int,default=4); p.add_argument('--loose',type=int,default=150); p.add_argument('--max',type=int,default=60)
a=p.parse_args()
stems=a.stems.split(','); words=[w for w in a.words.split(',') if w]
nr=num_forms(a.V,words); r=noun(*stems)
c=cands(nr, r, before=a.before, after=a.after)
for i,(u,h) in enumerate(sorted(c.items())):
    print(f'[S{i}] {u}')
    for x in h[:3]: print('     ', x)
print(len(c),'strict cands')
if a.loose:
    l=loose(nr,r,c,a.loose)
    for i,(u,h) in enumerate(sorted(l.items())[:a.max]):
        print(f'[L{i}] {u}')
        for x in h[:2]: print('     ', x)
    print(len(l),'loose cands')
