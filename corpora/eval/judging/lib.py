import json, glob, re, unicodedata
def load():
    arts = {}
    dup = 0
    for f in sorted(glob.glob('/tmp/snn/*.json')):
        for a in json.load(open(f, encoding='utf-8')):
            u = a['url']
            if u in arts: dup += 1
            arts.setdefault(u, a)
    return arts, dup

TASH = re.compile('[\u064B-\u0652\u0670\u0640]')
IND = str.maketrans('٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', '01234567890123456789')
def norm(s):
    s = unicodedata.normalize('NFKC', s)
    s = TASH.sub('', s)
    s = s.translate(IND)
    s = re.sub('[أإآٱ]', 'ا', s)
    s = s.replace('ى', 'ي').replace('ة', 'ه')
    s = s.replace('\u066c', ',').replace('\u066b', '.')  # arabic thousands/decimal sep
    s = s.replace('،', '،')
    s = re.sub('[\u200c-\u200f\u202a-\u202e\u00a0]', ' ', s)
    return s
