import sys,re,json; sys.path.insert(0,'/tmp/figs')
from judge import *
exec(open('/tmp/figs/specs.py').read())
S=lambda x: x.split(',')
# (query, form, V, stems, words, exclude_urls, extra_urls, note, kwargs)
Q=[]
def q(query, form, V=None, stems=None, words=(), excl=(), extra=(), note='', fixed=None, **kw):
    Q.append(dict(query=query, form=form, V=V, stems=stems, words=words, excl=set(excl), extra=list(extra), note=note, fixed=fixed, kw=kw))
AJ='http://aawsat.com/home/article/'
# --- Arabic digits + noun
q('1400 لاجئ','ar-digits',1400,S(REF),note='1400 (Yemeni) refugees; "إعادة 1400 لاجئ يمني في جيبوتي إلى اليمن"')
q('5500 وظيفة','ar-digits',5500,S(JOB),note='5500 (temporary) jobs; "أكثر من 5500 فرصة عمل مؤقتة للمواطنين"')
q('1554 سيارة','ar-digits',1554,S(CAR),note='1554 cars (date market); "عدد السيارات الواردة ... 1554 سيارة محملة"')
q('112686 مخالف','ar-digits',112686,S(VIOL),note='112686 violators caught; "ضبط أكثر من (112686) مخالفاً"')
q('8000 طالب','ar-digits',8000,S(STU),words=S('ثمانيه الاف,ثماني الاف,ثمان الاف'),note='8000 students; "قرابة 8000 طالب وطالبة" / "ثمانية آلاف طالب وطالبة"')
q('4584 طالبة','ar-digits',4584,S(STU),note='4584 female students admitted; "3369 طالباً و4584 طالبة"')
q('1600 حافلة','ar-digits',1600,S(BUS),note='1600 buses; "بعدد 1600 حافلة نقل ذات سعة عالية"')
q('700 مدرسة','ar-digits',700,S(SCH),words=S('سبعمائه,سبعمئه'),extra=[AJ+'424596/المخيمات-الفلسطينية-بلبنان-في-حالة-طوارئ-للتصدي-لقرارات-الأونروا-تقليص-خدماتها'],note='700 schools (UNRWA; Korea MERS closures); "في نحو 700 مدرسة تنتشر في الشرق الأوسط"')
q('8504 سرير','ar-digits',8504,S(BED),note='8504 hospital beds (Makkah region; written أسرّة); "يوجد فيها حالياً 8504 أسرة"')
q('1320 أسير','ar-digits',1320,S(D),words=S('الف وثلاثمائه وعشرين'),note='1320 captives/detainees (Al-Anad base); "نقلت 1320 أسيراً ومعتقلاً"')
q('9000 متطوع','ar-digits',9000,S(VOL),words=S('تسعه الاف,تسع الاف'),note='9000 volunteers (Dostum vs Taliban); "9000 متطوع مستعدون لمقاتلة طالبان"')
q('505000 طن قمح','ar-digits',505000,S(TON),words=S('خمسمائه وخمسه الاف'),note='505,000 tonnes of wheat; "بكمية 505 آلاف طن من القمح"')
q('1592 قتيل','ar-digits',1592,S(K),note='1592 (Afghan civilians) killed H1 2015; "بسقوط 1592 قتيلاً و3329 جريحاً" / "قتل 1592 شخصاً"')
# --- Arabic-Indic digits
q('١٥٠٠ معتقل','ar-indic',1500,S(D),words=S('الف وخمسمائه,الف وخمسمئه'),note='1500 detainees (Al-Anad/Aden); "ما لا يقل عن 1500 معتقل"')
q('١٣٠٠٠ حاج','ar-indic',13000,S(H),words=S('ثلاثه عشر الف'),note='13,000 pilgrims; "وبقي 13 ألف حاج جاهزون للعام الجاري"')
q('١٨٠٠٠ وحدة عقارية','ar-indic',18000,S(U)+['وحده عقاريه'],words=S('ثمانيه عشر الف,ثماني عشره الف'),note='18,000 (off-plan) real-estate units; "أكثر من 18 ألف وحدة عقارية"')
q('٦٨٠٠ قتيل','ar-indic',6800,S(K),note='6800 killed (Ukraine conflict); "أوقع أكثر من 6800 قتيل في 15 شهراً"')
q('٢٦٣٥٠ غارة','ar-indic',26350,S(AIR),note='26,350 air raids (Syrian regime, 9 months); "26350 غارة على الأقل"')
# --- word / scale forms
q('20 ألف حاج','scale',20000,S(H),words=S('عشرين الف,عشرون الف'),excl=[AJ+'426236/ظريف-سنستمر-في-تعزيز-قدراتنا-الدفاعية-وتسليح-حلفائنا'],note='20,000 (Yemeni) pilgrims; "20 ألف حاج يمني سيقومون بأداء مناسك الحج"')
q('1.4 مليون سيارة','scale',1400000,S(CAR),words=S('مليون واربعمائه الف'),note='1.4 million cars/vehicles (Fiat Chrysler recall; customs); "سحب 1.4 مليون سيارة"')
q('160 ألف مريض','scale',160000,S(PAT),note='160,000 (diabetes) patients in a study; "تحليل شمل أكثر من 160 ألف مريض"')
q('ستة ملايين معتمر','words',6000000,S(UMR),words=S('سته ملايين,ست ملايين'),note='6 million umrah pilgrims; "وصل قرابة ستة ملايين معتمر"')
q('2.5 مليار دولار','scale',2.5e9,['دولار','دولارا','دولارات'],words=S('ملياران ونصف,مليارين ونصف,ملياري ونصف'),note='US$2.5 billion (various); "قروض تبلغ 2.5 مليار دولار"')
q('945 مليون ريال','scale',945e6,['ريال','ريالا','ريالات'],note='SAR 945 million (Mobily H1 loss); "موبايلي تخسر 945 مليون ريال"')
# --- English
q('19000 pilgrims','english',19000,S(H),note='19,000 pilgrims; "أدى منهم 19 ألف حاج العام الماضي"')
q('223,000 jobs','english',223000,S(JOB),extra=['http://www.3alyoum.com/finance/a/ارتفاع-طفيف-للذهب-بعد-بيانات-أمريكية-ت/','http://www.aleqt.com/2015/08/10/article_980509.html','http://www.aleqt.com/2015/08/11/article_980683.html','http://www.alriyadh.com/1072050','http://www.alweeam.com.sa/351790/ارتفاع-طفيف-للذهب-بعد-بيانات-أمريكية-ت/'],note='223,000 (US non-farm) jobs, forecast/June figure; "بواقع 223 ألف وظيفة"')
q('unemployment 11.7 percent','english',11.7,['بطاله','عاطلين','عاطل'],extra=['http://www.alriyadh.com/1066825'],before=10,note='unemployment rate 11.7% (Saudi); "استقرار معدل البطالة عند 11.7 %"')
q('inflation 1.6 percent','english',1.6,['تضخم','التضخم'],before=10,note='(China) consumer inflation 1.6%; "معدل التضخم الاستهلاكي السنوي عند 1.6 في المائة"')
q('9000 wounded','english',9000,S(W),words=S('تسعه الاف,تسع الاف'),note='9000 wounded (Aden/Yemen); "ألف قتيل و9 آلاف جريح"')
q('1554 vehicles','english',None,fixed='1554 سيارة',note='same figure as "1554 سيارة", English form; "1554 سيارة محملة"')
q('4584 female students','english',None,fixed='4584 طالبة',note='4584 female students; "و4584 طالبة للمسارات الثلاثة"')
# --- qualifier / range
q('نحو 9 آلاف جريح','qualifier',None,fixed='9000 wounded',note='approx. 9000 wounded; "ما يقرب من 9 آلاف جريح" / "نحو 9000 جريح"')
q('أكثر من 100 حريق','qualifier',None,fixed=['http://www.alriyadh.com/1067474','http://www.alyaum.com/article/4080015','http://www.aleqt.com/2015/08/05/article_979128.html'],note='>100 fires: 200 fire incidents (Samsung washers), 6296 fire incidents (1427-1429H), 1166 warehouse-fire incidents; "بعد الإبلاغ عن 200 حادث حريق"')
q('between 1000 and 2000 detainees','range',None,fixed=[AJ+'411256/المقاومة-الشعبية-تعلن-استعادة-القصر-الرئاسي-من-الحوثيين-وبسط-نفوذها-على-حي',AJ+'411646/تركيا-و«داعش»-نهاية-شهر-العسل',AJ+'413801/الميليشيات-تنقل-الأسرى-والمعتقلين-من-قاعدة-العند-استباقًا-لسقوطها-بيد-المقاومة',AJ+'418141/محافظ-عدن-لـ-الشرق-الأوسط-لدينا-قتلى-وأسرى-إيرانيون',AJ+'419016/المقاومة-الشرعية-تتقدم-في-أبين-وتسيطر-على-عاصمة-لحج-وتنتظر-توجيهات-لاقتحام-قاعدة',AJ+'419666/قاعدة-«العند»-مرتكز-الانتصار-في-حروب-اليمن',AJ+'423251/الحوثيون-ينقلون-أسرى-قاعدة-«العند»-إلى-السجن-المركزي-في-صنعاء',AJ+'424546/الرئيس-التونسي-يعتمد-قانون-مكافحة-الإرهاب-وغسل-الأموال-الجديد',AJ+'426496/هجومات-متفرقة-تستهدف-تركيا-ومقتل-5-من-الشرطة',AJ+'426956/هجوم-على-القنصلية-الأميركية-في-إسطنبول-وسلسلة-اعتداءات-على-مراكز-أمنية','http://www.al-jazirah.com/2015/20150722/ln38.htm','http://www.al-jazirah.com/2015/20150722/ln41.htm','http://www.al-jazirah.com/2015/20150804/du8.htm','http://www.al-jazirah.com/2015/20150808/du10.htm','http://www.aleqt.com/2015/07/26/article_976212.html','http://www.aleqt.com/2015/07/26/article_976230.html','http://www.alriyadh.com/1066578','http://www.alriyadh.com/1071433','http://www.alweeam.com.sa/349869/تركيا-تفتح-قواعدها-الجوية-لأمريكا-لضر/','http://www.alweeam.com.sa/350292/تقارير-خبراء-من-الحرس-الثوري-الإيراني/','http://www.okaz.com.sa/new/Issues/20150720/Con20150720784708.htm'],note='detainees/prisoners/arrested counts in [1000,2000]; e.g. "وجود نحو 2000 معتقل", "القبض على 1233 موقوفاً", "أوقفت فرق الأمن نحو 1600 شخص"')
res={}
for d in Q:
    if d['fixed'] is None:
        c=cands(num_forms(d['V'],d['words']), noun(*d['stems']), **d['kw'])
        rel=sorted((set(c)-d['excl'])|set(d['extra']))
        res[d['query']]=rel
for d in Q:
    if d['fixed'] is not None:
        res[d['query']]=sorted(res[d['fixed']] if isinstance(d['fixed'],str) else set(d['fixed']))
from lib import load
arts,_=load()
for k,v in res.items():
    for u in v: assert u in arts,(k,u)
import collections
with open('/work/main/corpora/eval/figure-queries.tsv','w',encoding='utf-8') as f:
    f.write('query\trelevant\tnote\n')
    for d in Q:
        f.write(f"{d['query']}\t{' '.join(res[d['query']])}\t{d['note']}\n")
for d in Q: print(d['form'],len(res[d['query']]),d['query'])
print(collections.Counter(d['form'] for d in Q), len(Q))
json.dump(res,open('/tmp/figs/res.json','w'),ensure_ascii=False,indent=0)
