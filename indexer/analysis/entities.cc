#include "analysis/utf8.h"
#include "analysis/entities.h"

#include "analysis/analyzer.h"
#include "analysis/flat_map.h"
#include "analysis/normalizer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <initializer_list>
#include <optional>
#include <unordered_set>

namespace fahras::analysis {
namespace {

bool ends_with(std::string_view s, std::string_view e) {
  return s.size() >= e.size() && s.substr(s.size() - e.size()) == e;
}

// All the word lists below share one hash map from key to a bitmask (one bit
// per list), and the lookups of one word are memoized per thread until the
// next extract(): every list test of a word is then a table read, not a hash
// of the word and its clitic variants again (each word is tested against a
// dozen lists).
struct Masks {
  std::uint32_t direct = 0;           // lists holding the word's key
  std::uint32_t variant[3] = {0, 0, 0};  // lists holding a bare-clitic variant's key
  std::uint8_t bytes[3] = {0, 0, 0};     // the clitic bytes of each variant
  std::uint8_t variants = 0;
};

struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using MaskMap = FlatStringMap<std::uint32_t>;  // built once, then read by all threads

const Masks& masks_of(std::string_view norm);  // after Lists, below

// Bumped by every extract(): memoized lookups of an older generation are stale
// (the analyser's buffer, which the words point into, has been rewritten).
thread_local std::uint64_t t_generation = 1;

// A set of words compared by token_key (the article and its clitics ignored),
// written naturally here and normalized once.
class WordSet {
  // Each set owns one bit of a 32-bit mask: a 33rd set needs a wider mask.
  static std::uint32_t claim_bit(std::uint32_t& next_bit) {
    if (next_bit >= 32) throw std::logic_error("entities: more than 32 word sets; widen WordSet's mask");
    return 1u << next_bit++;
  }

 public:
  WordSet(const Normalizer& normalizer, MaskMap& map, std::uint32_t& next_bit,
          std::initializer_list<std::string_view> words)
      : bit_(claim_bit(next_bit)) {
    for (std::string_view w : words) map.emplace(token_key(normalizer.normalize(w)), 0) |= bit_;
  }
  // -1: not in the set; else the bytes of bare clitics (و, ب, ل …) before the word.
  int find(std::string_view norm) const {
    const Masks& m = masks_of(norm);
    if (m.direct & bit_) return 0;
    for (std::uint8_t v = 0; v < m.variants; ++v)
      if (m.variant[v] & bit_) return m.bytes[v];
    return -1;
  }

 private:
  std::uint32_t bit_;
};

struct Lists {
  Normalizer normalizer;
  MaskMap map;
  std::uint32_t bits = 0;
  // Words that introduce a person's name (with or without ال).
  // Words that introduce a person's name, with or without ال (رئيس, الرئيس).
  WordSet titles{normalizer, map, bits,
                 {"رئيس", "رئيسة", "نائب", "نائبة", "جنرال", "ميجور", "وزير", "وزيرة", "سكرتير", "سكرتيرة",
                  "متحدث", "متحدثة", "ناطق", "ناطقة", "قائد", "قائدة", "سفير", "سفيرة", "مبعوث", "مبعوثة",
                  "مستشار", "مستشارة", "مدير", "مديرة", "زعيم", "زعيمة", "حاكم", "عمدة", "الأدميرال", "مندوب", "ولي",
                  "مندوبة", "رئيس الوزراء", "كابتن"}};
  // Titles that are common nouns without the article (فريق = team, لواء =
  // brigade, عميد = dean, مساعدة = help): only with ال.
  WordSet titles_definite{normalizer, map, bits,
      {"الفريق", "اللواء", "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "المشير", "الملك", "الملكة",
       "الأمير", "الأميرة", "الشيخ", "الشيخة", "السيد", "السيدة", "الدكتور", "الدكتورة", "القيادي", "القيادية",
       "النائب", "النائبة", "المحامي", "المحامية", "الصحفي", "الصحفية", "الصحافي", "الصحافية", "الكاتب",
       "الكاتبة", "المراسل", "المراسلة", "الباحث", "الباحثة", "المحلل", "المحللة", "الفنان", "الفنانة",
       "اللاعب", "اللاعبة", "المدرب", "الإمام", "البابا", "المحافظ", "العاهل",
       "المرشح", "المرشحة", "الأمين", "المفتي", "القاضي", "القاضية", "المدعي", "البروفيسور", "الأستاذ",
       "الأستاذة", "المخرج", "المطرب", "المطربة", "الداعية", "المعارض", "المعارضة", "الناشط", "الناشطة",
       "الأسقف", "الكاردينال", "الحاخام", "المدافع", "المهاجم", "الحارس", "الروائي", "الشاعر", "الشاعرة",
       "المطران", "السلطان", "الجنرال", "الوزير", "المندوب",
       // Professions and roles that news writes before a name.
       "السناتور", "السيناتور", "الخبير", "الخبيرة", "المؤرخ", "المؤرخة", "الفيلسوف", "الممثل", "الممثلة",
       "المغني", "المغنية", "الموسيقار", "الملحن", "الرسام", "الرسامة", "المؤلف", "المؤلفة", "الأديب",
       "الأديبة", "الناقد", "الناقدة", "المصور", "المصورة", "الروائية", "القس", "الراهب", "البطريرك",
       "الحاخامة", "المتحدثة", "الطبيب", "الطبيبة", "المهندس", "المهندسة", "المحامية", "المخرجة", "المنتج",
       "المنتجة", "المعلق", "الناشر", "الصحابي", "الصحابية", "النبي", "الرسول", "الخليفة", "الإمبراطور",
       "الإمبراطورة", "القديس", "القديسة", "الحاج"}};
  // Titles that news writes before a surname alone ("الرئيس شافيز", "الشيخ
  // بحيري"): one rare word after them is a name.
  WordSet name_titles{normalizer, map, bits,
      {"الرئيس", "الرئيسة", "الشيخ", "الشيخة", "الدكتور", "الدكتورة", "السيد", "السيدة", "الأمير", "الأميرة",
       "الإمام", "الملك", "الملكة", "السلطان", "الجنرال", "البابا", "المستشار", "الإمبراطور", "السناتور",
       "السيناتور", "الأستاذ", "البروفيسور", "المشير", "العقيد", "اللواء", "العميد", "المدرب"}};
  // Titles that only lead to another title ("مساعدة نائب وزير", "عضو مجلس").
  WordSet title_links{normalizer, map, bits, {"مساعد", "مساعدة", "عضو", "عضوة", "أمين", "نائب", "نائبة"}};
  // Words that are never part of a name: common verbs and nouns that follow
  // titles in news, time words, months.
  WordSet non_names{normalizer, map, bits,
      {"يا", "أيها", "قال", "قالت", "يقول", "تقول", "أعلن", "أعلنت", "يعلن", "أكد", "أكدت", "يؤكد", "أضاف", "أضافت", "أشار",
       "أشارت", "أوضح", "أوضحت", "ذكر", "ذكرت", "دعا", "دعت", "يدعو", "طالب", "طالبت", "وصل", "وصلت", "يصل",
       "التقى", "يلتقي", "زار", "يزور", "تزور", "قام", "يقوم", "بحث", "يبحث", "تلقى", "استقبل", "يستقبل", "أجرى",
       "يجري", "اتصالا", "هاتفيا", "رسالة", "بيانا", "بيان", "كلمة", "خلال", "أمس", "اليوم", "غدا", "حاليا",
       "سابقا", "أيضا", "كذلك", "إنه", "إنها", "إنهم", "أنه", "أنها", "صلى", "رضي", "عليه", "السلام", "شدد",
       "شددت", "حذر", "حذرت", "نفى", "نفت", "اعتبر", "اعتبرت", "رأى", "يرى", "أفاد", "أفادت", "كشف", "كشفت",
       "وقع", "وقعت", "يوقع", "ترأس", "يترأس", "افتتح", "يفتتح", "شارك", "يشارك", "توجه", "غادر", "يغادر",
       "عاد", "يعود", "سيزور", "سيلتقي", "جديد", "جديدة", "سابق", "سابقة", "المقبل", "الماضي", "الحالي",
       "الجديد", "السابق", "الأسبق", "المؤقت", "بالوكالة", "هو", "هي", "عن", "علي", "مع", "إلى", "من", "في",
       "يوم", "صباح", "مساء", "ليلة", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
       "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
       "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين", "دولار",
       "مليون", "مليار", "ألف", "آلاف", "عام", "عاما", "سنة", "شخص", "شخصا", "أشخاص", "عدد", "عددا", "بعض",
       "جميع", "كل", "بلاده", "بلادها", "حكومة", "حكومته", "الحكومة", "إدارة", "ادارة", "شؤون", "الشؤون",
       "العامة", "العام", "التنفيذي", "الأول", "الثاني", "الأعلى", "مجلس", "دولة", "الدولة", "رابطة", "اتحاد",
       // Conjunctions that open a clause ("في حين يرتقب", "مادام ينهار").
       "حين", "حينما", "بينما", "عندما", "ريثما", "مادام", "طالما", "لطالما", "كلما",
       // "عن عمر يناهز الثمانين": at the age of nearly eighty (عمر is also a given name).
       "يناهز", "ناهز", "تناهز", "ناهزت",
       // The late (المرحوم يوسف, ويقوم المرحوم): before a name, never in one.
       "المرحوم", "المرحومة", "الفقيد", "الفقيدة",
       // How someone said it, after the speaker's name ("وأضاف لاكازيت قائلا").
       "قائلا", "قائلة", "مضيفا", "مضيفة", "مؤكدا", "مؤكدة", "مشيرا", "مشيرة", "موضحا", "موضحة",
       "معتبرا", "معتبرة", "متسائلا", "متسائلة", "متهكما", "مبينا", "مبينة", "لافتا", "لافتة",
       "منوها", "منوهة", "مطالبا", "مطالبة", "معربا", "معربة"}};
  // Definite words that end an organization's or a place's chain: times,
  // relatives, and words after a body's name that say what it did or how it
  // stands, never part of the name ("قرر مجلس الوزراء الموافقة على", "قرار
  // مجلس الوزراء الصادر", "مجلس الوزراء الموقر", "لجنة التخطيط التابعة لـ").
  WordSet time_words{normalizer, map, bits,
                     {"اليوم", "الليلة", "الأسبوع", "الشهر", "العام", "السنة", "الجاري", "الماضي", "الحالي",
                      "المقبل", "القادم", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
                      "السبت", "الصباح", "المساء", "الفترة", "الأخير", "الأخيرة", "الآن", "الذي", "التي",
                      "الذين", "اللذين", "اللتين", "الآخر", "الأخرى", "أمس", "التابع", "التابعة", "التابعين",
                      "التابعتين", "الصادر", "الصادرة", "الموقر", "الموقرة", "الموافقة", "المكلف", "المكلفة",
                      // (where it stands, what it gave: "جامعة الأنبار الواقعة في",
                      // "ورفع مجلس الوزراء الشكر")
                      "الواقع", "الواقعة", "الشكر"}};
  // Place cues: the word before a place's name.
  WordSet place_cues{normalizer, map, bits,
                     {"محافظة", "مدينة", "بلدة", "قرية", "مخيم", "ناحية", "قضاء", "ولاية", "مقاطعة", "إقليم", "جزيرة", "بحيرة", "حي"}};
  // A family, clan or dynasty: the word after it is a family name (عائلة الحريري,
  // أسرة مينغ, عشيرة دينغ).
  WordSet family_cues{normalizer, map, bits, {"عائلة", "أسرة", "أسرتي", "عشيرة"}};
  // Common definite nouns after a cue that are not names ("مدينة المحافظة").
  WordSet place_nouns{normalizer, map, bits,
                      {"المحافظة", "المدينة", "البلدة", "القرية", "المخيم", "المنطقة", "البلاد", "العاصمة",
                       "الشمال", "الجنوب", "الشرق", "الغرب", "الوسط", "الحدود", "الساحل", "المركز", "الريف",
                       "الناحية", "القضاء", "الولاية", "الإقليم", "الحي", "المخيمات", "المدن", "القرى",
                       "البلدات", "الواقعة", "الحدودية", "الساحلية", "الشمالية", "الجنوبية", "الشرقية",
                       "الغربية", "القديمة", "الجديدة", "الكبرى", "الصغرى", "نفسها", "ذاتها"}};
  // Organization heads that take a construct chain: indefinite (وزارة الدفاع).
  WordSet org_heads{normalizer, map, bits,
                    {"وزارة", "قوات", "جيش", "هيئة", "مجلس", "حزب", "منظمة", "اتحاد", "جامعة", "وكالة", "لجنة",
                     "مفوضية", "صندوق", "بنك", "مصرف", "محكمة", "نقابة", "جبهة", "كتائب", "ألوية", "مؤسسة",
                     "شركة", "تنظيم", "حركة", "جماعة", "معهد", "مركز", "صحيفة", "قناة", "إذاعة", "مجموعة", "جريدة",
                     "مجلة", "شبكة", "نادي"}};
  // Heads too common as plain nouns ("حركة المرور", "تنظيم الانتخابات", "مركز
  // المدينة"): only with a quoted name after them.
  WordSet weak_heads{normalizer, map, bits,
                     {"تنظيم", "حركة", "جماعة", "شركة", "مؤسسة", "مركز", "مجموعة", "جريدة", "مجلة", "شبكة"}};
  // Heads that say what kind of body a quoted name is (صحيفة "النهار", شركة
  // « إل جي الكترونكس »): the organization is the quoted name alone.
  WordSet kind_heads{normalizer, map, bits,
                     {"صحيفة", "جريدة", "مجلة", "شركة", "مؤسسة", "مصرف", "بنك", "وكالة", "قناة", "إذاعة",
                      "مجموعة", "جماعة", "حركة", "تنظيم", "شبكة"}};
  // Definite heads followed by adjectives (الجيش السوري, القيادة المركزية).
  WordSet org_heads_definite{normalizer, map, bits,
                             {"القيادة", "التحالف", "الجيش", "المجلس", "الاتحاد", "الحزب", "القوات", "الجبهة",
                              "الهيئة", "اللجنة"}};
  // Descriptive adjectives: "الجماعة الإرهابية" is a description, not a name.
  WordSet descriptive{normalizer, map, bits,
                      {"الإرهابية", "الإرهابي", "المسلحة", "المسلح", "المتطرفة", "المتطرف", "الأخرى", "المختلفة",
                       "المشتركة", "المحلية", "الأجنبية", "المعادية", "المعارضة", "الموالية", "الموالي",
                       "المتحالفة", "الحليفة", "الشريكة", "المعنية", "المذكورة", "نفسها", "نفسه", "ذاتها",
                       "الكبيرة", "الصغيرة", "الجديدة", "القديمة", "الحالية", "السابقة"}};
  // Adjectives (besides nisba -ي/-ية) that may follow a definite head.
  WordSet org_adjectives{normalizer, map, bits, {"الحر", "الأعلى", "العليا", "الموحد", "الموحدة", "الحاكم", "الحاكمة", "المستقل", "المستقلة"}};
  // Adjectives that say what kind of body a definite head is, not which one:
  // "القيادة السياسية", "القوات الدولية", "الاتحاد الدولي", "المجلس البلدي",
  // "الجيش الوطني" are descriptions; with a place's nisba (الجيش اللبناني), a
  // name or a domain after them (الاتحاد الدولي للشرطة) they name a body.
  WordSet generic_adjectives{normalizer, map, bits,
      {"السياسي", "السياسية", "العسكري", "العسكرية", "الدولي", "الدولية", "الداخلي", "الداخلية", "الخارجي",
       "الخارجية", "الملكي", "الملكية", "الوطني", "الوطنية", "البلدي", "البلدية", "المحلي", "المحلية",
       "الأمني", "الأمنية", "العليا", "الأعلى", "الشعبي", "الشعبية", "الإقليمي", "الإقليمية", "الاتحادي",
       "الاتحادية", "الفدرالي", "الفدرالية", "الفيدرالي", "الفيدرالية", "الحكومي", "الحكومية", "الرسمي",
       "الرسمية", "النظامي", "النظامية", "الميداني", "الميدانية", "الشرعي", "الشرعية", "المركزي",
       "المركزية", "العام", "العامة", "التنفيذي", "التنفيذية", "الاستشاري", "الاستشارية", "التشريعي",
       "التشريعية", "القضائي", "القضائية", "الانتخابي", "الانتخابية", "الإداري", "الإدارية", "الفني",
       "الفنية", "الطبي", "الطبية", "العلمي", "العلمية", "البري", "البرية", "الجوي", "الجوية", "البحري",
       "البحرية", "الخاص", "الخاصة", "الحاكم", "الحاكمة", "المستقل", "المستقلة", "الموحد", "الموحدة",
       "الدائم", "الدائمة", "المؤقت", "المؤقتة", "الانتقالي", "الانتقالية", "الدستوري", "الدستورية",
       "النيابي", "النيابية", "الاقتصادي", "الاقتصادية", "الاجتماعي", "الاجتماعية", "الثقافي", "الثقافية",
       "الرياضي", "الرياضية", "الأولمبي", "الأولمبية", "العالمي", "العالمية", "المدني", "المدنية"}};
  // Bodies that every country, court, club or company has, named by their
  // function alone: a description, not a name (هيئة الدفاع: a defendant's
  // lawyers; لجنة الانضباط of any federation; قوات الأمن of any state).
  // Pairs of words, head then complement.
  std::vector<std::pair<std::string_view, std::string_view>> generic_bodies_src{
      {"هيئة", "الدفاع"}, {"هيئة", "المحكمة"}, {"هيئة", "المحلفين"}, {"هيئة", "التدريس"}, {"هيئة", "التحكيم"},
      {"هيئة", "الأركان"}, {"هيئة", "الادعاء"}, {"لجنة", "التحكيم"}, {"لجنة", "الانضباط"}, {"لجنة", "التحقيق"},
      {"لجنة", "المسابقات"}, {"لجنة", "الحكام"}, {"لجنة", "الكرة"}, {"لجنة", "التظلمات"}, {"لجنة", "الاستئناف"},
      {"لجنة", "المتابعة"}, {"لجنة", "الصياغة"}, {"لجنة", "الخبراء"}, {"لجنة", "الشؤون"}, {"لجنة", "المسجد"},
      {"لجنة", "الدفاع"}, {"لجنة", "الاختيار"}, {"لجنة", "المراقبة"}, {"لجنة", "الإشراف"}, {"لجنة", "الطوارئ"},
      {"مجلس", "الإدارة"}, {"مجلس", "الأمناء"}, {"مجلس", "العائلة"}, {"مجلس", "العلماء"}, {"مجلس", "المدينة"},
      {"مجلس", "الحرب"}, {"محكمة", "المدينة"}, {"محكمة", "الاستئناف"}, {"محكمة", "الجنايات"}, {"محكمة", "الجنح"},
      {"محكمة", "النقض"}, {"محكمة", "الصلح"}, {"محكمة", "الأسرة"}, {"محكمة", "التمييز"}, {"قوات", "الأمن"},
      {"قوات", "الاحتلال"}, {"قوات", "الجيش"}, {"قوات", "الشرطة"}, {"قوات", "النظام"}, {"قوات", "المعارضة"},
      {"قوات", "الطوارئ"}, {"قوات", "الحدود"}, {"وحدة", "المراقبة"}};
  std::unordered_set<std::string> generic_bodies = [this] {
    std::unordered_set<std::string> out;
    for (const auto& [h, c] : generic_bodies_src)
      out.insert(std::string(token_key(normalizer.normalize(h))) + " " +
                 std::string(token_key(normalizer.normalize(c))));
    return out;
  }();
  // Directions before a place (شمال, جنوب شرق …).
  WordSet directions{normalizer, map, bits, {"شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"}};
  // Continents: a direction before one names a part of it (شمال أفريقيا,
  // جنوب شرق آسيا), and the place is the continent, as a direction before any
  // place is no part of its name (شمال إسرائيل).
  WordSet continents{normalizer, map, bits, {"أفريقيا", "إفريقيا", "آسيا", "أوروبا", "أوربا"}};
  // A minister's title (وزير الخارجية): the definite word after it is the
  // portfolio, part of the title, not the ministry (وزيرة الخارجية الأميركية).
  WordSet ministers{normalizer, map, bits, {"وزير", "وزيرة"}};
  // Particles and relatives that only a verb follows (التي تدمر, لم يشر).
  WordSet verb_particles{normalizer, map, bits,
                         {"قد", "لقد", "لم", "لن", "سوف", "الذي", "التي", "اللاتي", "اللواتي", "الذين", "مما"}};
  // Words that join two adjectives (فرنسية أو تركية).
  WordSet coordinators{normalizer, map, bits, {"أو", "او", "و"}};
  // Words before a common noun, never before a name: demonstratives, شبه.
  WordSet noun_markers{normalizer, map, bits, {"هذه", "هذا", "تلك", "ذلك", "ذاك", "شبه"}};
  // Words that join the parts of a name.
  WordSet connectors{normalizer, map, bits, {"بن", "ابن", "بنت", "أبو", "أبي", "أبا", "آل", "عبد", "دي", "دو", "فان", "ولد", "أم"}};
  // Romance particles (دي, دو, دا) and the articles that may follow them (دي لا فيغا).
  WordSet romance_particles{normalizer, map, bits, {"دي", "دو", "دا", "ديل"}};
  WordSet romance_articles{normalizer, map, bits, {"لا", "لوس", "لاس", "لو"}};
  // The first word of a kunya (أبو حمزة, أبي زيد).
  WordSet kunya{normalizer, map, bits, {"أبو", "أبي", "أبا"}};
  // Keys of single words some rules test (normalized once, not per match).
  std::string key_of(std::string_view word) const { return std::string(token_key(normalizer.normalize(word))); }
  const std::string camp_key = key_of("مخيم");
  const std::string district_key = key_of("قضاء");  // قضاء العطلات: spending, no district
  const std::string birthplace_key = key_of("مسقط");  // مسقط رأسه: a birthplace
  const std::string region_key = key_of("منطقة");     // no place cue (منطقة اليورو), but a region's noun
  // An ordinary word that names an organization (حماس: enthusiasm) is the word
  // after these, or before an adjective of degree (بحماس شديد, بلا حماس).
  const std::string without_key = key_of("بلا"), lack_key = key_of("عدم");
  // What kind of club a club's name may end with, with the article (نادي جدة الأدبي).
  const std::array<std::string, 9> club_kind_keys{
      key_of("الأدبي"),   key_of("الأدبية"),   key_of("الرياضي"),    key_of("الرياضية"),  key_of("الثقافي"),
      key_of("الثقافية"), key_of("الاجتماعي"), key_of("الاجتماعية"), key_of("المجتمعية")};
  // Titles of monarchs and popes, whose names take an ordinal (keys).
  const std::array<std::string, 9> regnal_title_keys{key_of("الملك"),   key_of("الملكة"),   key_of("البابا"),
                                                     key_of("الإمبراطور"), key_of("الإمبراطورة"), key_of("السلطان"),
                                                     key_of("الخديوي"), key_of("القيصر"),  key_of("الشاه")};
  // Ordinals after a monarch's or a pope's name (normalized, with the article).
  const std::array<std::string, 13> ordinal_keys{
      normalizer.normalize("الأول"),  normalizer.normalize("الثاني"), normalizer.normalize("الثالث"),
      normalizer.normalize("الرابع"), normalizer.normalize("الخامس"), normalizer.normalize("السادس"),
      normalizer.normalize("السابع"), normalizer.normalize("الثامن"), normalizer.normalize("التاسع"),
      normalizer.normalize("العاشر"), normalizer.normalize("الأولى"), normalizer.normalize("الثانية"),
      normalizer.normalize("الثالثة")};
  const std::array<std::string, 10> degree_keys{key_of("شديد"), key_of("كبير"),  key_of("بالغ"),  key_of("غير"),
                                                key_of("مفاجئ"), key_of("منقطع"), key_of("واضح"), key_of("متزايد"),
                                                key_of("لافت"), key_of("زائد")};
  const std::string club_key = key_of("نادي");
  const std::string team_key = key_of("فريق");
  const std::string in_key = key_of("في");
  const std::string at_key = key_of("لدى");
  const std::string affairs_key = key_of("الشؤون");   // never in a name, but in a body's: وزارة الشؤون الاجتماعية
  const std::string head_key = key_of("رأس");
  const std::string quasi_key = key_of("شبه");  // شبه الجزيرة: one noun, not a descriptor
  // The first word of a place's name of two words or more, never the name
  // alone after a place cue (قرية آل شريم, محافظة أبو عريش, قضاء بيت الشباب,
  // بلدة خان بني سعد, قرية بن نومة, محافظة رياض الخبراء): normalized as
  // written (آل's key would be empty, the letters of the article).
  const std::array<std::string, 27> construct_words{
      normalizer.normalize("آل"),   normalizer.normalize("أبو"),  normalizer.normalize("أبي"),
      normalizer.normalize("أم"),   normalizer.normalize("بن"),   normalizer.normalize("بني"),
      normalizer.normalize("بيت"),  normalizer.normalize("خان"),  normalizer.normalize("عين"),
      normalizer.normalize("رأس"),  normalizer.normalize("جبل"),  normalizer.normalize("تل"),
      normalizer.normalize("دير"),  normalizer.normalize("كفر"),  normalizer.normalize("بئر"),
      normalizer.normalize("وادي"), normalizer.normalize("حفر"),  normalizer.normalize("سيدي"),
      normalizer.normalize("باب"),  normalizer.normalize("قصر"),  normalizer.normalize("برج"),
      normalizer.normalize("مرج"),  normalizer.normalize("جسر"),  normalizer.normalize("ذي"),
      normalizer.normalize("ذات"),  normalizer.normalize("شرم"),  normalizer.normalize("رياض")};
  // A place cue at the start of `norm`: the bytes of its clitics, or -1. (A
  // cue of two letters takes ب or ل too: بحي النزهة, لحي الجزيرة; the
  // clitics of WordSet::find leave words of two letters whole, and three
  // letters are six bytes. Not و: وحي is "revelation".)
  int place_cue(std::string_view norm) const {
    if (const int cb = place_cues.find(norm); cb >= 0) return cb;
    if (norm.size() == 6 && (norm.starts_with("ب") || norm.starts_with("ل")) && place_cues.find(norm.substr(2)) == 0)
      return 2;
    return -1;
  }
  bool construct_word(std::string_view norm) const {
    return std::find(construct_words.begin(), construct_words.end(), norm) != construct_words.end();
  }
  // بلدة written with ه is بلد + ه, "his country" ("مع أحد أندية بلده أنقذ").
  const std::string town_norm = std::string(normalizer.normalize("بلدة"));
  // آل (family) normalized as written: its key would be empty, the letters of the article.
  const std::string family_key = std::string(normalizer.normalize("آل"));
  const std::string ibn_key = key_of("ابن");
  const std::string to_norm = std::string(normalizer.normalize("إلى"));  // normalized as written
  // Prepositions inside a title's affiliation ("المتحدث باسم", "القيادي في").
  WordSet chain_words{normalizer, map, bits, {"باسم", "في", "لدى", "لشؤون", "العام", "العامة", "دكتور", "مهندس", "طيار", "ركن"}};
  // Words that open a clause after a name ("قال بلير إن", "أكد أنان أنه").
  WordSet clause_words{normalizer, map, bits, {"إن", "أن", "ان", "إنه", "أنه", "انه", "إنها", "أنها", "انها", "في", "خلال",
                                    "أمس", "اليوم", "الذي", "لدى", "عن", "على", "علي", "بأن", "بان", "لأن",
                                    // how the speaker said it: "وأضاف هاوزنر قائلا"
                                    "قائلا", "قائلة", "مضيفا", "مضيفة", "مؤكدا", "مؤكدة", "مشيرا", "مشيرة",
                                    "موضحا", "موضحة", "متهكما"}};
  // Nouns that make "الملك فهد" after them part of a name, not a person
  // (مستشفى الملك فهد, جامعة الملك سعود, طريق الملك عبدالعزيز).
  WordSet institutions{normalizer, map, bits,
                       {"مستشفى", "جامعة", "مدينة", "منطقة", "طريق", "شارع", "مطار", "مركز", "مجمع", "جسر", "ميناء", "قاعدة",
                        "مسجد", "جامع", "جائزة", "مؤسسة", "كلية", "معهد", "برج", "حي", "مكتبة", "ملعب", "استاد",
                        "قاعة", "مدرسة", "كأس", "دارة", "مشروع", "صندوق", "ميدان", "منتزه", "متنزه", "حديقة", "مستشفيات",
                        "مركز", "أكاديمية", "كرسي", "مجمع", "محطة", "قصر", "دار", "بطولة", "مهرجان", "مبادرة",
                        "برنامج", "مدارس", "جامعات", "جامعتي", "طرق", "حدائق", "منحة", "وسام", "قلادة", "نادي", "منتخب",
                        // brigades and battalions named after people (لواء الأمير محمد بن عبدالرحمن)
                        "لواء", "كتيبة"}};
  // Facilities named after a person (مطار محمد الخامس, شارع محمد علي, جامعة
  // محمد الخامس): a given name right after them names the facility. (Not
  // nouns of possession: دار, قصر, مكتب, برنامج may be someone's.)
  WordSet named_facilities{normalizer, map, bits,
                           {"مستشفى", "جامعة", "مطار", "شارع", "طريق", "مسجد", "جامع", "ميناء", "ملعب", "استاد",
                            "جسر", "مدرسة", "كلية", "أكاديمية", "قاعة", "بلدية", "حي",
                            // and competitions, prizes and companies named after their
                            // founders or sponsors (دوري عبداللطيف جميل: the league)
                            "دوري", "كأس", "جائزة", "شركة", "مؤسسة",
                            // banks, hotels, ships and periodicals (بنك ليمان براذرز,
                            // سفينة ماري كوين, مجلة روز اليوسف)
                            "بنك", "مصرف", "فندق", "سفينة", "مجلة", "صحيفة"}};
  // Verbs whose subject, right after them, is often a person named by surname
  // ("وقال بلير", "ورفض بوش", "وأكد أنان أن").
  WordSet subject_verbs{normalizer, map, bits,
                        {"قال", "قالت", "أكد", "أكدت", "أضاف", "أضافت", "أوضح", "أوضحت", "ذكر", "ذكرت", "أعلن",
                         "أعلنت", "رفض", "رفضت", "كرر", "كررت", "وصف", "وصفت", "توقع", "توقعت", "دعا", "دعت",
                         "طالب", "طالبت", "اعتبر", "اعتبرت", "رأى", "رأت", "أشار", "أشارت", "شدد", "شددت", "حذر",
                         "حذرت", "نفى", "نفت", "تابع", "تابعت", "اتهم", "اتهمت", "صرح", "صرحت", "أبلغ", "أبلغت",
                         "يقول", "تقول", "يرى", "ترى", "أعرب", "أعربت", "لفت", "لفتت", "استدرك", "أقر", "أقرت",
                         "وأضاف", "علق", "علقت", "تساءل", "تساءلت", "أجاب", "أجابت"}};
  // More verbs whose subject follows them, for a listed person's surname only
  // ("واستبعدت رايس", "والتقى بوش"): too often before other words for rule 2b.
  WordSet action_verbs{normalizer, map, bits,
                        {"استبعد", "استبعدت",
                         "انتقد", "انتقدت", "رحب", "رحبت", "أشاد", "أشادت", "حث", "حثت", "هدد", "هددت", "وعد",
                         "وعدت", "طلب", "طلبت", "قرر", "قررت", "اقترح", "اقترحت", "أبدى", "أبدت", "ناشد",
                         "ناشدت", "تعهد", "تعهدت", "التقى", "التقت", "استقبل", "استقبلت", "زار", "زارت",
                         "اجتمع", "اجتمعت", "بحث", "بحثت", "أجرى", "أجرت", "وصل", "وصلت", "غادر", "غادرت"}};

  // Bytes of bare clitics before a title at `norm`, or -1.
  int title(std::string_view norm) const {
    if (const int b = titles.find(norm); b >= 0) return b;
    if (const int b = titles_definite.find(norm); b >= 0 && is_definite(norm.substr(b))) return b;
    return -1;
  }
  int link(std::string_view norm) const { return title_links.find(norm); }
  // Any title word, with or without ال ("ملك البحرين" ends a name too).
  bool any_title(std::string_view norm) const {
    return titles.find(norm) >= 0 || titles_definite.find(norm) >= 0 || title_links.find(norm) >= 0;
  }
  // A future-tense verb (ستزور, سيتوجه, سنعمل): س + a present prefix, 5+ letters.
  static bool is_verb(std::string_view norm) {
    if (code_points(norm) < 5) return false;
    for (std::string_view p : {"سي", "ست", "سن"})
      if (norm.substr(0, p.size()) == p) return true;
    return false;
  }
  // Bytes of bare clitics before an organization head at `norm`, or -1;
  // `definite` tells which kind of head it is.
  int head(std::string_view norm, bool& definite) const {
    if (const int b = org_heads.find(norm); b >= 0 && !is_definite(norm.substr(b))) {
      definite = false;
      return b;
    }
    if (const int b = org_heads_definite.find(norm); b >= 0 && is_definite(norm.substr(b))) {
      definite = true;
      return b;
    }
    return -1;
  }
  bool is_head(std::string_view norm) const { return org_heads.find(norm) >= 0 || org_heads_definite.find(norm) >= 0; }
};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The bytes of و/ف/ب/ك glued before an article (وال, بال, وبال …): what to cut
// from a word to show it as a name ("والقوات" → "القوات"). لل is left as is.
std::uint32_t article_clitic_bytes(std::string_view norm) {
  const std::size_t prefix = norm.size() - strip_clitics(norm).size();
  if (prefix > 4 && norm.substr(prefix - 4, 4) == "ال") return static_cast<std::uint32_t>(prefix - 4);
  return 0;
}

const Lists& lists() {
  static const Lists instance;
  return instance;
}

// The lists holding `norm` (see Masks), memoized per thread and generation by
// the word's address: words are views into the analyser's buffer.
const Masks& masks_of(std::string_view norm) {
  struct Slot {
    const char* data = nullptr;
    std::size_t size = 0;
    std::uint64_t generation = 0;
    Masks masks;
  };
  thread_local std::array<Slot, 4096> memo;
  Slot& slot = memo[(reinterpret_cast<std::uintptr_t>(norm.data()) / 2 + norm.size()) % memo.size()];
  if (slot.generation == t_generation && slot.data == norm.data() && slot.size == norm.size()) return slot.masks;
  const Lists& l = lists();
  Masks m;
  auto mask = [&](std::string_view key) {
    const std::uint32_t* bits = l.map.find(key);
    return bits ? *bits : 0u;
  };
  m.direct = mask(token_key(norm));
  std::string_view variants[3];
  m.variants = static_cast<std::uint8_t>(clitic_variants(norm, variants));
  for (std::uint8_t v = 0; v < m.variants; ++v) {
    m.variant[v] = mask(token_key(variants[v]));
    m.bytes[v] = static_cast<std::uint8_t>(norm.size() - variants[v].size());
  }
  slot = Slot{norm.data(), norm.size(), t_generation, m};
  return slot.masks;
}

// A nisba adjective: a definite or bare word ending in ي / ية (normalized يه),
// of at least four letters (الأمريكي, السورية, الدولي).
bool is_nisba(std::string_view norm) {
  const std::string_view key = token_key(norm);
  return code_points(key) >= 4 && (ends_with(key, "ي") || ends_with(key, "يه"));
}

// The gap between two tokens ends a sentence or clause when it holds one of
// . ! ? ؟ : ; ؛ or a line break.
bool breaks_sentence(std::string_view text, std::uint32_t a, std::uint32_t b) {
  if (a > b || b > text.size()) return true;
  const std::string_view gap = text.substr(a, b - a);
  if (gap.find_first_of(".!?:;\n") != std::string_view::npos) return true;
  return gap.find("؟") != std::string_view::npos || gap.find("؛") != std::string_view::npos;
}

bool has_quote(std::string_view text, std::uint32_t a, std::uint32_t b) {
  if (a > b || b > text.size()) return false;
  const std::string_view gap = text.substr(a, b - a);
  return gap.find('"') != std::string_view::npos || gap.find("“") != std::string_view::npos ||
         gap.find("«") != std::string_view::npos || gap.find("”") != std::string_view::npos ||
         gap.find("»") != std::string_view::npos || gap.find("''") != std::string_view::npos ||
         gap.find("' '") != std::string_view::npos;  // two apostrophes: a quotation mark (وأضاف فيرجسون ' ')
}

// The surface text of bytes [begin, end) with quotation marks removed and runs
// of spaces collapsed (the name as shown in facets).
std::string clean_surface(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = 1;
    bool drop = false, is_space = false;
    if (c == '"' || c == '\'') drop = true;
    else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') is_space = true;
    else if (c == 0xC2 && i + 1 < s.size()) {
      const unsigned char d = static_cast<unsigned char>(s[i + 1]);
      len = 2;
      drop = d == 0xAB || d == 0xBB;
      is_space = d == 0xA0;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(s[i + 2]);
      len = 3;
      drop = d == 0x9C || d == 0x9D || d == 0x98 || d == 0x99;
    } else if (c >= 0xC0) {
      len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    }
    if (is_space) space = !out.empty();
    else if (!drop) {
      if (space) out.push_back(' ');
      space = false;
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

// Skips Arabic combining marks (tashkeel, U+064B..U+065F, U+0670) at `pos`.
std::uint32_t skip_marks(std::string_view text, std::uint32_t pos, std::uint32_t end) {
  while (pos + 1 < end) {
    const unsigned char a = static_cast<unsigned char>(text[pos]), b = static_cast<unsigned char>(text[pos + 1]);
    if ((a == 0xD9 && b >= 0x8B && b <= 0x9F) || (a == 0xD9 && b == 0xB0)) pos += 2;
    else break;
  }
  return pos;
}

}  // namespace

std::string_view entity_rule_name(EntityRule rule) {
  switch (rule) {
    case EntityRule::Gazetteer: return "gazetteer";
    case EntityRule::Title: return "title";
    case EntityRule::Subject: return "subject";
    case EntityRule::GivenName: return "given-name";
    case EntityRule::PlaceCue: return "place-cue";
    case EntityRule::OrgHead: return "org-head";
    case EntityRule::Surname: return "surname";
    case EntityRule::OrgPrefix: return "org-prefix";
    case EntityRule::NameWord: return "name-word";
    case EntityRule::Family: return "family";
  }
  return "?";
}

EntityExtractor::EntityExtractor(const Gazetteer& gazetteer) : gazetteer_(gazetteer) { (void)lists(); }

void EntityExtractor::begin_article() {
  article_.clear();
  article_places_.clear();
}

namespace {

// The last word of "بوش الابن", "بوش الأب", "الحسن الثاني" (keys): a word that is
// no surname, never taken alone for the person.
bool not_surname(std::string_view key) {
  // (The second words of compound names, الدين, الإسلام, الله, الرحمن, name
  // no one alone: "شمس الدين", "معتنقي الاسلام". Their keys: token_key keeps
  // the article of الله only.)
  static constexpr std::string_view kWords[] = {"ابن",  "اب",   "الاب", "الابن", "اول",  "ثاني",  "ثالث",
                                                "رابع", "خامس", "سادس", "سابع",  "ثامن", "تاسع",  "عاشر",
                                                "دين",  "اسلام", "الله", "رحمن"};
  return std::find(std::begin(kWords), std::end(kWords), key) != std::end(kWords);
}

// The edit distance of two words in letters (code points), capped at 3.
int letters_apart(std::string_view a, std::string_view b) {
  const auto letters = [](std::string_view w) {  // each letter: its UTF-8 bytes
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < w.size();) {
      std::size_t n = 1;
      while (i + n < w.size() && (static_cast<unsigned char>(w[i + n]) & 0xC0) == 0x80) ++n;
      out.push_back(w.substr(i, n));
      i += n;
    }
    return out;
  };
  const std::vector<std::string_view> x = letters(a), y = letters(b);
  if (x.size() > y.size() + 3 || y.size() > x.size() + 3) return 3;
  std::vector<int> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= x.size(); ++i) {
    int diag = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return std::min(row[y.size()], 3);
}

// A word read as `clitic_bytes` of clitics and a name is an ordinary word
// instead (common-words.tsv): the whole word, or the word after a leading و,
// is one, and the clitics are more than that و ("لجان التحكيم": committees,
// not ل + جان; برقية, لحسن الحظ). After و alone the name stays: news lists
// people so, and ومحمد is a frequent word.
bool ordinary_after_clitic(const Gazetteer& gaz, std::string_view norm, std::size_t clitic_bytes) {
  const bool and_first = starts_with(norm, "و");
  return clitic_bytes > (and_first ? 2u : 0u) &&
         (gaz.is_common(norm) || (and_first && gaz.is_common(norm.substr(2))));
}

// ابن / أب (keys): with the article a kinship word after a name (إسماعيل
// الابن البكر, بوش الأب), never part of it.
bool kinship(std::string_view key) { return key == "ابن" || key == "اب"; }
// بن or بنت: the link to a father's name, never a kinship noun (ابن may be: ابن عمه).
bool father_link(std::string_view w) { return w == "بن" || w == "بنت"; }

// The working state of one extract() call.
struct Scan {
  const Gazetteer& gaz;
  const Lists& l;
  std::string_view text;
  std::span<const Token> tokens;
  std::vector<signed char>& covered;  // 0 free, 1 gazetteer place/org/person, 2 rule entity
  std::vector<Entity>& out;
  std::vector<std::optional<GazetteerMatch>>& given;  // given-name matches by start token
  const std::vector<EntityExtractor::Known>* article = nullptr;  // the article's people and organizations

  std::size_t n() const { return tokens.size(); }
  bool word(std::size_t i) const { return i < n() && tokens[i].kind == TokenKind::Word; }

  // True when the words [first, last) are the end of someone else's lineage:
  // "بن"/"بنت" joins them to the word before ("فيصل بن خالد بن عبدالعزيز"), or,
  // when they hold "بن"/"بنت" themselves, a name word (name-words.tsv) or a
  // rare word (not in common-words.tsv) with the article follows ("خالد بن عبدالعزيز الفالح"). A lineage that goes on
  // after them ("محمد بن سلمان بن عبدالعزيز") is still theirs.
  bool inside_lineage(std::size_t first, std::size_t last) const {
    if (first > 0 && word(first - 1) && lineage_link(tokens[first - 1].norm) &&
        joins_words(text, tokens[first - 1].end, tokens[first].begin))
      return true;
    if (!word(last) || !joins_words(text, tokens[last - 1].end, tokens[last].begin)) return false;
    const std::string_view next = tokens[last].norm;
    bool nasab = false;
    for (std::size_t t = first; t < last; ++t) nasab = nasab || lineage_link(tokens[t].norm);
    return nasab && is_definite(next) && !tokens[last].stopword &&
           (gaz.is_name_word(next) || gaz.is_name_word(token_key(next)) || !(gaz.is_common(next) || gaz.is_common(token_key(next))));
  }

  // The end of the lineage that goes on after a name ending before token k:
  // links "بن/بنت/ابن X" (X one word, or عبد and one word) and then a family
  // "آل X" (محمد بن سلمان | بن عبدالعزيز آل سعود); k when none follows. Every
  // word bare (no clitic), free, and joined to the one before it.
  std::size_t lineage_tail(std::size_t k) const {
    const auto next_free = [&](std::size_t t) {
      return word(t) && !covered[t] && !tokens[t].stopword && joins_words(text, tokens[t - 1].end, tokens[t].begin) &&
             !has_quote(text, tokens[t - 1].end, tokens[t].begin);
    };
    // One name word after a link: not a place or an organization, nor an
    // ordinary word or one with a pronoun suffix (صدام حسين ابن عمه: his cousin).
    const auto name_after = [&](std::size_t t) -> std::size_t {
      if (!next_free(t) || lineage_link(tokens[t].norm)) return 0;
      if (tokens[t].norm == "عبد") return t + 1 < n() && next_free(t + 1) ? 2 : 0;
      if (!name_word(t) || suffixed(t) || l.is_verb(tokens[t].norm) || (common(t) && !given[t])) return 0;
      if (const auto m = gaz.match_at(text, tokens, t);
          m && m->end == t + 1 && gaz.entry(m->entry).type != EntityType::Person &&
          gaz.entry(m->entry).type != EntityType::Given)
        return 0;
      return 1;
    };
    std::size_t end = k;
    while (end + 1 < n() && next_free(end) && lineage_link(tokens[end].norm)) {
      const std::size_t w = name_after(end + 1);
      if (w == 0) break;
      end += 1 + w;
    }
    if (end + 1 < n() && next_free(end) && tokens[end].norm == l.family_key && next_free(end + 1) &&
        !l.any_title(tokens[end + 1].norm))
      end += 2;
    return end;
  }

  // Extends person `e`'s span over the lineage that goes on after it
  // (lineage_tail); its id stays.
  void take_lineage(Entity& e) const {
    if (const std::size_t tail = lineage_tail(e.last); tail > e.last) {
      e.end = tokens[tail - 1].end;
      e.last = static_cast<std::uint32_t>(tail);
    }
  }

  // The word at i is a facility, competition or company that a given name
  // after it names (مطار محمد الخامس, دوري عبداللطيف جميل): in construct, so
  // without the article ("هداف الدوري عمر السومة": the league's top scorer,
  // then his name).
  bool named_facility(std::size_t i) const {
    return l.named_facilities.find(tokens[i].norm) >= 0 && !is_definite(tokens[i].norm);
  }

  // Bytes of bare clitics to drop from the first word of a span that a set matched.
  Entity make(EntityType type, EntityRule rule, std::size_t first, std::size_t last, std::uint32_t clitic_bytes) {
    Entity e;
    e.type = type;
    e.rule = rule;
    e.first = static_cast<std::uint32_t>(first);
    e.last = static_cast<std::uint32_t>(last);
    e.begin = tokens[first].begin;
    e.end = tokens[last - 1].end;
    const std::string_view norm = tokens[first].norm;
    clitic_bytes += article_clitic_bytes(norm.substr(std::min<std::size_t>(clitic_bytes, norm.size())));
    if (clitic_bytes) e.begin = skip_marks(text, std::min(e.begin + clitic_bytes, e.end), e.end);
    return e;
  }

  // The word at i carries the article as written: أل/إل with a hamza is no
  // article but the start of a foreign name (ألبرتو, ألفريد, إلياس), which
  // the normalizer writes as ال.
  bool definite(std::size_t i) const {
    if (!is_definite(tokens[i].norm)) return false;
    const std::string_view w = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    return !(starts_with(w, "أل") || starts_with(w, "إل"));
  }
  // علي read as the name (ali_as_name(): its token is then no function word).
  bool ali(std::size_t i) const {
    return !tokens[i].stopword && (tokens[i].norm == "علي" || tokens[i].norm == "وعلي");
  }
  bool name_word(std::size_t i) const {
    if (!word(i) || covered[i] || tokens[i].stopword) return false;
    if (particle_in_writing(i)) return false;
    const std::string_view norm = tokens[i].norm;
    if (definite(i) || code_points(norm) < 2) return false;
    // (A given name as written is not read as a clitic and a non-name: فيصل is
    // no ف + يصل.)
    const int non_name = ali(i) ? -1 : l.non_names.find(norm);
    if (non_name == 0 || (non_name > 0 && !(given[i] && given[i]->clitic_bytes == 0))) return false;
    if (l.subject_verbs.find(norm) == 0 && !given[i]) return false;  // "الوزير العراقي ، اعرب | عنان"
    if ((l.any_title(norm) && !given_title(i)) || l.place_cues.find(norm) >= 0 || l.is_head(norm) ||
        l.connectors.find(norm) == 0 || l.institutions.find(norm) >= 0)  // (مسجد, جائزة: no name word)
      return false;
    const auto m = gaz.match_at(text, tokens, i);
    // A listed person left uncovered is inside someone else's lineage (inside_lineage()).
    return !m || gaz.entry(m->entry).type == EntityType::Given || gaz.entry(m->entry).type == EntityType::Person;
  }
  // A word that is a title only with ال (السلطان, الأمير) or only leads to
  // one (مساعد), bare before بن: a given name ("الأمير سلطان بن سلمان",
  // "الدكتور مساعد بن محمد العيبان").
  bool given_title(std::size_t i) const {
    const std::string_view norm = tokens[i].norm;
    return !is_definite(norm) && (l.titles_definite.find(norm) == 0 || l.title_links.find(norm) == 0) &&
           l.titles.find(norm) < 0 && i + 1 < n() && word(i + 1) && lineage_link(tokens[i + 1].norm) &&
           joins_words(text, tokens[i].end, tokens[i + 1].begin);
  }
  // The word as written ends in a pronoun suffix (ه not ة), or carries tanween.
  // (A final ه is no suffix in a given name or a word news uses mostly in
  // names, nor after one letter: طه, عبده, سيبويه.)
  // The word at i as written (not normalized) ends with `tail`.
  bool written_ends_with(std::size_t i, std::string_view tail) const {
    return ends_with(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin), tail);
  }
  bool suffixed(std::size_t i) const {
    const std::string_view w = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    if (ends_with(w, "ها") || ends_with(w, "هم") || ends_with(w, "هما") || ends_with(w, "اً") || ends_with(w, "ًا"))
      return true;
    if (!ends_with(w, "ه")) return false;
    const std::string_view norm = tokens[i].norm;
    return !(given[i] && given[i]->end == i + 1) && code_points(norm) > 2 && !gaz.is_name_word(norm);
  }
  // Bytes of bare clitics before a mined name word at i (gazetteer name-words.tsv:
  // a word news uses mostly in people's names), or -1. Only the first word of a
  // name may carry clitics.
  // فإن and وإن as written: the particle, which normalizes to the name word
  // فان (Van).
  bool particle_in_writing(std::size_t i) const {
    const std::string_view written = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    return written == "فإن" || written == "وإن";
  }
  int name_word_at(std::size_t i, bool first) const {
    if (!word(i) || covered[i] || tokens[i].stopword || particle_in_writing(i)) return -1;
    const std::string_view norm = tokens[i].norm;
    if (is_definite(norm)) return -1;
    // The lists' find() and common() also try the word without a leading
    // و/ف/ب/ل/ك, so كيري would be ك + يري (a verb): only exact matches count here.
    const auto listed = [&](std::string_view w) {
      return l.titles.find(w) == 0 || l.titles_definite.find(w) == 0 || l.title_links.find(w) == 0 ||
             l.non_names.find(w) == 0 || gaz.is_common(w);
    };
    if (gaz.is_name_word(norm)) return listed(norm) ? -1 : 0;
    if (!first) return -1;
    std::string_view variants[3];
    const std::size_t nv = clitic_variants(norm, variants);
    for (std::size_t v = 0; v < nv; ++v)
      if (gaz.is_name_word(variants[v]) && !listed(variants[v]) &&
          !ordinary_after_clitic(gaz, norm, norm.size() - variants[v].size()))
        return static_cast<int>(norm.size() - variants[v].size());
    return -1;
  }
  // The words [first, end) before a place's name hold an adjective that is no
  // place's nisba: part of an official name ("المملكة العربية السعودية"), not a
  // descriptor ("العاصمة السورية دمشق").
  bool official_name_words(std::size_t first, std::size_t end) const {
    for (std::size_t t = first + 1; t < end; ++t)
      if (is_nisba(tokens[t].norm) && !place_nisba(tokens[t].norm)) return true;
    return false;
  }
  // A nisba adjective of a listed place (العراقية: العراق; الصينية: الصين;
  // السورية: سوريا; الفرنسي: فرنسا); with `self`, also a place named so itself
  // (التشيلي: تشيلي). (Gazetteer::find analyses its argument: the answers are
  // cached per thread, by gazetteer and word.)
  bool place_nisba(std::string_view norm, bool self = false) const {
    const std::string_view key = token_key(norm);
    if (!is_nisba(norm)) return false;
    thread_local std::unordered_map<std::string, std::uint8_t, KeyHash, std::equal_to<>> cache;
    thread_local const Gazetteer* cache_of = nullptr;
    if (cache_of != &gaz) {
      cache.clear();
      cache_of = &gaz;
    }
    auto it = cache.find(key);
    if (it == cache.end()) {
      const auto place = [&](const std::string& name) {
        const auto m = gaz.find(name, EntityType::Place);
        return m && gaz.entry(*m).type == EntityType::Place;
      };
      const std::string stem(key.substr(0, key.size() - (ends_with(key, "يه") ? 4 : 2)));
      std::uint8_t bits = 0;
      for (const std::string& name : {stem, "ال" + stem, stem + "ا", stem + "يا"})
        if (place(name)) {
          bits = 1;
          break;
        }
      // (سعودي: a country named by the feminine, السعودية; not any town so
      // named: المالكية does not make المالكي a nisba.)
      if (!bits && !ends_with(key, "يه"))
        if (const auto m = gaz.find("ال" + std::string(key) + "ه", EntityType::Place);
            m && gaz.entry(*m).type == EntityType::Place && gaz.entry(*m).source == "icu-country")
          bits = 1;
      if (place(std::string(key))) bits |= 2;
      if (cache.size() > 100000) cache.clear();
      it = cache.emplace(std::string(key), bits).first;
    }
    return (it->second & 1) || (self && (it->second & 2));
  }
  // The word at i, with the article, is used as a common noun: a demonstrative
  // or شبه precedes it. (An adjective after it is no sign: الفيفا السويسري,
  // صحيفة الجارديان البريطانية.)
  // So does a direction before an ordinary word ("شمال الجزيرة": of the
  // peninsula), which news writes only before places.
  // (The noun after a demonstrative carries no preposition: "أو ذاك
  // بالقاعدة" ends the demonstrative's phrase.)
  bool common_noun_use(std::size_t i) const {
    if (i > 0 && word(i - 1) && joins_words(text, tokens[i - 1].end, tokens[i].begin) &&
        // (The demonstrative may carry a clitic: "لهذه القاعدة".)
        ((l.noun_markers.find(tokens[i - 1].norm) >= 0 && article_clitic_bytes(tokens[i].norm) == 0) ||
         (l.directions.find(tokens[i - 1].norm) >= 0 && !is_definite(tokens[i - 1].norm) && common(i)) ||
         // (A place cue before it names a place: "مدينة القاعدة" in Ibb,
         // "منطقة الجزيرة" in Syria.)
         ((l.place_cue(tokens[i - 1].norm) >= 0 || token_key(tokens[i - 1].norm) == l.region_key) &&
          !is_definite(tokens[i - 1].norm) && common(i))))
      return true;
    return false;
  }
  // The word at i is the sound masculine plural (ـون) of an ordinary word:
  // مسؤولون, دبلوماسيون (مسؤول, دبلوماسي); not شارون or ماكرون.
  bool plural_of_ordinary(std::size_t i) const {
    const std::string_view norm = tokens[i].norm;
    if (is_definite(norm) || !ends_with(norm, "ون") || code_points(norm) < 5) return false;
    const std::string_view stem = norm.substr(0, norm.size() - 4);
    return gaz.is_common(stem) && !gaz.is_name_word(stem);
  }
  // The word at i, definite and feminine (ة), takes a definite feminine nisba
  // adjective: the common noun, not the one-word organization it also names
  // ("القاعدة السياسية", "القاعدة الأمريكية في كوبا": a base, "الجزيرة
  // العربية"). Only for ordinary words (common-words.tsv: not البشمركة الكردية);
  // names of other forms keep their adjectives (الفيفا السويسري).
  bool feminine_noun_with_adjective(std::size_t i) const {
    const std::string_view key = token_key(tokens[i].norm);
    if (!ends_with(key, "ه") || !common(i) || i + 1 >= n() || !word(i + 1) ||
        !joins_words(text, tokens[i].end, tokens[i + 1].begin))
      return false;
    const std::string_view next = tokens[i + 1].norm;
    return starts_with(next, "ال") && is_definite(next) && is_nisba(next) && ends_with(next, "يه");
  }
  // A free word that may be part of a name found around a mined name word: not
  // definite, not an ordinary word, not a title, function word, verb, head or
  // known name (name_word), and without a pronoun suffix.
  bool free_name_word(std::size_t i) const {
    if (!name_word(i) || suffixed(i) || l.is_verb(tokens[i].norm)) return false;
    const int c = leading_conjunction(i);
    return code_points(tokens[i].norm.substr(static_cast<std::size_t>(c))) >= 2;
  }
  // Bytes of a glued و before the word at i when what follows is a given or a
  // mined name (وجمال), else 0.
  int leading_conjunction(std::size_t i) const {
    const std::string_view norm = tokens[i].norm;
    if (!starts_with(norm, "و") || code_points(norm) < 4) return 0;
    if (given[i] && given[i]->clitic_bytes > 0) return static_cast<int>(given[i]->clitic_bytes);
    if (gaz.is_name_word(norm.substr(2))) return 2;
    return 0;
  }
  // (Not ابن with the article: "إسماعيل الابن البكر" is his son; العبد الله is a name.)
  bool connector(std::size_t i) const {
    return word(i) && !covered[i] && l.connectors.find(tokens[i].norm) == 0 && !particle_in_writing(i) &&
           !(is_definite(tokens[i].norm) && kinship(token_key(tokens[i].norm)));
  }

  // Punctuation or the text's end follows token k.
  bool closed_after(std::size_t k) const {
    return k + 1 >= n() || !joins_words(text, tokens[k].end, tokens[k + 1].begin);
  }
  // Stricter than clean_end(): nothing that could still be the name's next
  // word follows (no definite word, which may be a family name: "الدكتور
  // اشرف الربيعي"; no rare word): the text ends, punctuation, a function word,
  // a word never in names, a title, or an ordinary indefinite word.
  bool closed_name(std::size_t k) const {
    if (k >= n() || !word(k) || !joins_words(text, tokens[k - 1].end, tokens[k].begin)) return true;
    const std::string_view norm = tokens[k].norm;
    return tokens[k].stopword || l.non_names.find(norm) >= 0 || l.any_title(norm) ||
           (!is_definite(norm) && ordinary(k));
  }
  // True when a name may end before token k: the text ends, punctuation, a
  // function word, a verb or common word, a title, a definite word, or a known name.
  bool clean_end(std::size_t k) const {
    if (k >= n() || !word(k) || !joins_words(text, tokens[k - 1].end, tokens[k].begin)) return true;
    const std::string_view norm = tokens[k].norm;
    return tokens[k].stopword || covered[k] || l.is_verb(norm) || l.non_names.find(norm) >= 0 || l.any_title(norm) ||
           is_definite(norm) || gaz.match_at(text, tokens, k).has_value() || ordinary(k);
  }

  // The word at i is an ordinary word of four letters or more with the
  // accusative ا: "لم يحرك الملك قادرا", "متضامنا" (not ماسا: ماس).
  bool accusative_of_common(std::size_t i) const {
    const std::string_view norm = tokens[i].norm;
    return !given[i] && ends_with(norm, "ا") && code_points(norm) >= 5 && gaz.is_common(norm.substr(0, norm.size() - 2));
  }
  // The word at i is the adverbial accusative of an ordinary nisba: رسميا,
  // قضائيا, حاليا (رسمي, قضائي, حالي + ا).
  bool nisba_adverb(std::size_t i) const {
    const std::string_view norm = tokens[i].norm;
    if (is_definite(norm) || given[i] || code_points(norm) < 4 || !ends_with(norm, "ا")) return false;
    const std::string_view stem = norm.substr(0, norm.size() - 2);
    return ends_with(stem, "ي") && gaz.is_common(stem) && !gaz.is_name_word(norm);
  }
  // The word at i is the nisba of an ordinary word: بحثي, مكاني, تحضيرية
  // (بحث, مكان, تحضير + ي/ية).
  bool nisba_of_common(std::size_t i) const {
    const std::string_view key = token_key(tokens[i].norm);
    if (given[i] || !is_nisba(key)) return false;
    const std::string_view stem = key.substr(0, key.size() - (ends_with(key, "يه") ? 4 : 2));
    return gaz.is_common(stem) && !gaz.is_name_word(key);
  }
  // A name from token j: returns its end (j when none) and the number of words.
  // Two words are taken freely; a third or fourth only when the name then ends
  // cleanly (clean_end), so a verb after a name is not taken for its last word
  // ("ناجي صبري عقد اجتماعا"). With `family` (after a given name or a title),
  // one definite family name may close a name of at most one word (خالد
  // الدندل, عادل الجبير, محمد بن عبد الكريم الخطابي).
  // With `titled` (after a title), an ordinary word may be the surname of a
  // given name when punctuation or the text's end closes it.
  std::pair<std::size_t, int> collect_name(std::size_t j, bool family, int max_words = 3, int before = 0,
                                           bool titled = false) const {
    std::size_t k = j;
    int words = 0;
    std::size_t end2 = j;  // the end after two words
    int words2 = 0;
    // After a given name (before > 0), the gap to the first word counts too.
    const bool continues = before > 0;
    // A word after a connector does not count: a lineage goes on (محمد لمين
    // ولد سلامة ولد النفاع, علي بن أبي طالب بن عبد المطلب).
    int counted = 0;
    // (Nor does a connector after the last word count: ماريا تيريزا فرنانديس دي لافيغا.)
    while (k < n() && (counted < max_words || connector(k) || (k > j && connector(k - 1)))) {
      if ((k > j || (continues && k > 0)) && !joins_words(text, tokens[k - 1].end, tokens[k].begin)) break;
      // A quotation mark before the word that none closes after it opens a
      // quotation or closes a title ("ويقول أبو عبد الله « جذبتني", "منشورات
      // نزار قباني " تزوج"); a quoted word is a nickname (مايكل "إيريك" كوريلا).
      if ((k > j || (continues && k > 0)) && has_quote(text, tokens[k - 1].end, tokens[k].begin) &&
          !has_quote(text, tokens[k].end, k + 1 < n() ? tokens[k + 1].begin : static_cast<std::uint32_t>(text.size())) &&
          !(k >= 2 && has_quote(text, tokens[k - 2].end, tokens[k - 1].begin)))  // (closing a nickname)
        break;
      if (connector(k) && k + 1 < n() && joins_words(text, tokens[k].end, tokens[k + 1].begin)) {
        // The Romance particles دي لا / دو لا / دي لوس join as one (جان مارك دو لا سابليير).
        if (k > j && k + 2 < n() && l.romance_articles.find(tokens[k + 1].norm) == 0 &&
            joins_words(text, tokens[k + 1].end, tokens[k + 2].begin) &&
            l.connectors.find(tokens[k].norm) == 0 && l.romance_particles.find(tokens[k].norm) == 0)
          ++k;
        ++k;
        continue;
      }
      // After a connector, a definite word is part of the name (بن عبد الكريم, عبد الله).
      const bool after_connector = k > j && connector(k - 1);
      // After آل the family's name, whatever word it is (آل ثاني, not the ordinal).
      const bool after_family = after_connector && tokens[k - 1].norm == l.family_key && word(k) && !covered[k] &&
                                !tokens[k].stopword && !is_definite(tokens[k].norm);
      // (A title's word after a connector is a name: أبو سلطان, عبد الملك.)
      if (!name_word(k) && !after_family &&
          !(after_connector && word(k) && !covered[k] && !tokens[k].stopword &&
            starts_with(tokens[k].norm, "ال") && l.time_words.find(tokens[k].norm) < 0 &&
            !l.any_title(tokens[k].norm)) &&
          !(after_connector && word(k) && !covered[k] && !tokens[k].stopword && !is_definite(tokens[k].norm) &&
            l.any_title(tokens[k].norm)) &&
          // (After بن or بنت, the father's name, whatever word it is: "محمد بن
          // ماضي السبيعي"; ابن may be a kinship: ابن عمه.)
          !(after_connector && father_link(tokens[k - 1].norm) && word(k) && !covered[k] &&
            !tokens[k].stopword && !is_definite(tokens[k].norm) && !suffixed(k) && code_points(tokens[k].norm) >= 2))
        break;
      // A future verb ends a name of two words or more (كوندوليزا رايس ستزور).
      if (before + words >= 2 && l.is_verb(tokens[k].norm)) break;
      // So does an ordinary word after two name words ("ناجي صبري عقد اجتماعا"),
      // and after one an ordinary word that news never uses in names ("ورفض
      // حمدان الاجراءات", "نزار يكتب"; name-words.tsv).
      // (An ordinary word that news also writes in names, a name part of
      // name-words.tsv, may still be the third: فرانك فالتر شتاينماير; the
      // clean end below decides. Not before a definite word, whose construct
      // it heads: "محمد بن عبدالله | رسول الإسلام", "أميتاب باتشان | نجم السينما".)
      // (After a connector an ordinary word is the name: سعود أبو سلطان, تامر أبو جبل.)
      if (before + words >= 2 && !after_connector && common(k) &&
          (ordinary(k) || (k + 1 < n() && word(k + 1) && is_definite(tokens[k + 1].norm) &&
                           joins_words(text, tokens[k].end, tokens[k + 1].begin))))
        break;
      // (After a title, not a surname right after a given name that
      // punctuation or the text's end closes: "الشيخ محمد عبده (", "الفرنسي
      // نيكولا ماهو .".)
      if (before + words >= 1 && !after_connector && ordinary(k) &&
          !(titled && before == 1 && words == 0 && k == j && closed_after(k) && !ends_with(tokens[k].norm, "ا") &&
            !l.is_verb(tokens[k].norm) && !is_nisba(tokens[k].norm)))
        break;
      if (after_connector && ordinary(k) && suffixed(k)) break;  // "زيان | ابن أخيه": his nephew
      // An adverb of a nisba (رسميا, قضائيا: ordinary رسمي, قضائي + ا) ends a name.
      if (before + words >= 1 && !after_connector && nisba_adverb(k)) break;
      // So does an ordinary word in the accusative ("الأمين العام هجوما").
      if (before + words >= 1 && !after_connector && accusative_of_common(k)) break;
      // و starts the next name of a list ("أسامة حسن ويوسف حمدي") unless the
      // word itself is a given name (وليد); a pronoun suffix (ـه, ـها, ـهم:
      // "بدوره", "ليخبره") or tanween (ـاً) is not in a name.
      if ((k > j || continues) && !after_connector && starts_with(tokens[k].norm, "و") &&
          !(given[k] && given[k]->clitic_bytes == 0))
        break;
      if (!after_connector && suffixed(k)) break;
      ++words;
      if (!after_connector) ++counted;
      ++k;
      if (words <= 2) end2 = k, words2 = words;
    }
    while (k > j && connector(k - 1)) --k;
    if (words > 2 && !clean_end(k)) {
      k = end2;
      words = words2;
    }
    // The family name closes a given name directly (خالد الدندل) or a compound one
    // (محمد بن عبد الكريم الخطابي), not a name that already has its last word
    // (خالد بن طلال | الوفد).
    // After a two-word name it may still close it when it is rare (not in
    // common-words.tsv): أحمد يوسف الجفيري, خالد بن حمد العطية.
    const bool open_name = words == 0 || (k > j && definite(k - 1)) ||
                           (words == 1 && k < n() && word(k) && (!common(k) || (gaz.has_name_parts() && !ordinary(k))));
    if (family && open_name && words <= 1 && k < n() && word(k) && !covered[k] &&
        (k == 0 || joins_words(text, tokens[k - 1].end, tokens[k].begin))) {
      const std::string_view norm = tokens[k].norm;
      if (starts_with(norm, "ال") && definite(k) && !tokens[k].stopword && l.time_words.find(norm) < 0 &&
          l.non_names.find(norm) < 0 && !l.any_title(norm) && !l.is_head(norm) && l.place_nouns.find(norm) < 0 &&
          l.descriptive.find(norm) < 0 && code_points(token_key(norm)) >= 3 && !ordinary(k) &&
          !kinship(token_key(norm))) {
        const auto m = gaz.match_at(text, tokens, k);
        if (!m || gaz.entry(m->entry).type == EntityType::Given) {
          ++k;
          ++words;
        }
      }
    }
    return {k, words};
  }

  // The word at i is a clitic and an ordinary word that names never contain
  // (لسيارات, بلفتة, لنظام), of five letters or more: a short foreign given
  // name may read as one (فيدل: ف + يدل; ويلي, لودي). (ordinary_after_clitic()
  // asks the other way round: is a clitic and a name rather one ordinary word.)
  bool clitic_ordinary(std::size_t i) const {
    const std::string_view norm = tokens[i].norm;
    if (given[i] || code_points(norm) < 5 || gaz.is_name_part(norm)) return false;
    std::string_view variants[3];
    const std::size_t nv = clitic_variants(norm, variants);
    for (std::size_t v = 0; v < nv; ++v)
      if (gaz.is_common(variants[v]) && !gaz.is_name_part(variants[v])) return true;
    return false;
  }
  // A name at j after a title: a given name (and what follows it) or plain name words.
  std::pair<std::size_t, int> name_at(std::size_t j) const {
    // (So does a word news uses in names, or a rare word, before بن, as a
    // given name: "سفر بن غالب الضويحي", "عادل بن أحمد الجبير".)
    const bool lineage_next = !given[j] && (name_part(j) || !common(j)) && j + 1 < n() && word(j + 1) &&
                              lineage_link(tokens[j + 1].norm) && joins_words(text, tokens[j].end, tokens[j + 1].begin);
    if (given[j] || given_title(j) || lineage_next) {
      const std::size_t after = given[j] ? given[j]->end : j + 1;
      const auto [k, w] = collect_name(after, true, 3, 1, true);
      return {std::max(k, after), 1 + w};
    }
    // A clitic and an ordinary word start no name: "الرئيس السابق لسيارات
    // فيراري", "وزير الشؤون الاجتماعية بلفتة أبوية" (clitic_ordinary).
    if (clitic_ordinary(j)) return {j, 0};
    const auto plain = collect_name(j, false);
    // An ordinary word may be a foreign given name (سام منديز, خورخي ديسلفا)
    // when the rest of the name is rare words, not an adjective, an
    // accusative or more ordinary words ("مختبر بحثي", "تدريبا صباحيا",
    // "موقع مكاني"); a lineage's words are names (مكتوم بن محمد بن راشد آل مكتوم).
    if (ordinary(j) && plain.second >= 2)
      for (std::size_t t = j + 1; t < plain.first; ++t)
        if (!connector(t) && !connector(t - 1) && code_points(tokens[t].norm) > 2 &&  // (بو, دي: حجاج بو خضور)
            (common(t) || accusative_of_common(t) || nisba_adverb(t) || nisba_of_common(t)))
          return {j, 0};
    // One word that news also uses in names (a name part: صالح; a listed
    // person's surname: سعيد), as written, may take a family name as a given
    // name does: "الدكتور صالح القنيعير", "العميد سعيد القرني".
    if (plain.second < 2 && name_part(j)) return collect_name(j, true, 1);
    // So may a rare word (not in common-words.tsv) without و/ف: "الدكتور
    // أشرف الربيعي"; the family name is no feminine adjective ("رئيس جمعية
    // سيهات الخيرية").
    if (plain.second < 2 && !common(j) && !starts_with(tokens[j].norm, "و") && !starts_with(tokens[j].norm, "ف")) {
      const auto with_family = collect_name(j, true, 1);
      if (with_family.first > plain.first && !ends_with(tokens[with_family.first - 1].norm, "يه")) return with_family;
    }
    return plain;
  }
  bool name_part(std::size_t j) const {
    const std::string_view norm = tokens[j].norm;
    return !tokens[j].stopword && (gaz.is_name_part(norm) || gaz.surname_of(norm).has_value());
  }

  // A person named by tokens [j, k): needs two words, or one known given name.
  // An ordinary word: a frequent word of the news (common-words.tsv) that is not a given name.
  std::vector<signed char>& common_memo;  // -1 unknown, else the answer
  bool common(std::size_t i) const {
    if (common_memo[i] >= 0) return common_memo[i] != 0;
    const bool c = common_uncached(i);
    common_memo[i] = c ? 1 : 0;
    return c;
  }
  bool common_uncached(std::size_t i) const {
    return !given[i] && any_form(i, [&](std::string_view w) { return gaz.is_common(w); });
  }

  // An ordinary word (common()) that news does not use inside people's names
  // (not a name part of name-words.tsv, with or without its clitics). A word
  // read as ب/ل/ك and a name part is still ordinary when the word as written
  // is one (برقية: a cable, not ب + رقية; ordinary_after_clitic()).
  bool ordinary(std::size_t i) const {
    if (!gaz.has_name_parts() || !common(i)) return false;
    const std::string_view norm = tokens[i].norm;
    if (gaz.is_name_part(norm) || gaz.is_name_part(token_key(norm))) return false;
    std::string_view variants[3];
    const std::size_t nv = clitic_variants(norm, variants);
    for (std::size_t v = 0; v < nv; ++v)
      if (gaz.is_name_part(variants[v]) && !ordinary_after_clitic(gaz, norm, norm.size() - variants[v].size()))
        return false;
    return true;
  }

  // `test` holds for token i as written, for its key, or for it without a clitic.
  template <class Test>
  bool any_form(std::size_t i, const Test& test) const {
    const std::string_view norm = tokens[i].norm;
    if (test(norm) || test(token_key(norm))) return true;
    std::string_view variants[3];
    const std::size_t n = clitic_variants(norm, variants);
    for (std::size_t v = 0; v < n; ++v)
      if (test(variants[v])) return true;
    return false;
  }

  // person_keys of tokens [j, k), the first word without `clitic_bytes` of clitics.
  std::vector<std::string> name_keys(std::size_t j, std::size_t k, std::uint32_t clitic_bytes) const {
    std::vector<std::string_view> norms;
    for (std::size_t t = j; t < k; ++t) norms.push_back(tokens[t].norm);
    norms[0] = norms[0].substr(std::min<std::size_t>(clitic_bytes, norms[0].size()));
    return person_keys(norms);
  }

  // A person of tokens [j, k) found by `rule`: its id from the name's keys
  // (person_id), its surname the last key; `keys` receives the keys.
  Entity make_person(EntityRule rule, std::size_t j, std::size_t k, std::uint32_t clitic_bytes,
                     std::vector<std::string>& keys) {
    Entity e = make(EntityType::Person, rule, j, k, clitic_bytes);
    keys = name_keys(j, k, clitic_bytes);
    e.surname = keys.back();
    e.id = person_id(keys);
    return e;
  }

  // With `one_rare` (after a title), one word alone is a name too when it is
  // rare (not in common-words.tsv), of three letters or more, and the name
  // ends cleanly after it: "الرئيس شافيز", "الأمير زيان إلى".
  // The word at i is a verb in the future: سـ and an ordinary imperfect, or
  // one of the forms يتفعّل/يتفاعل ("ولكن المدرب سيتدرج في المران"); not a name
  // that starts so (ستامب, سيمونز).
  bool future_verb(std::size_t i) const {
    const std::string_view norm = tokens[i].norm;
    if (!l.is_verb(norm)) return false;
    const std::string_view rest = norm.substr(2);
    return gaz.is_common(rest) || starts_with(rest, "يت") || starts_with(rest, "تت") || starts_with(rest, "نت");
  }
  bool person(std::size_t j, std::size_t k, int words, EntityRule rule, std::uint32_t clitic_bytes,
              bool one_rare = false) {
    if (words < 1 || k <= j) return false;
    if (words == 1 && !(given[j] && given[j]->end == k) &&
        !(one_rare && k == j + 1 && !common(j) && !connector(j) && code_points(token_key(tokens[j].norm)) >= 3 &&
          !accusative_of_common(j) && !future_verb(j) && closed_name(k)))
      return false;
    // A name of ordinary words only is a phrase ("اتصال هاتفي", "بحزن شديد").
    // (A known given name names: عبد العزيز الشمري, whose words are ordinary.)
    bool named = given[j] && given[j]->end <= k;
    for (std::size_t t = j; t < k && !named; ++t) named = !connector(t) && !common(t);
    // (So does a lineage after a word news uses in names: "الأمير بندر بن
    // سلطان", both words also ordinary ones.)
    for (std::size_t t = j + 1; t + 1 < k && !named; ++t)
      named = lineage_link(tokens[t].norm) && !ordinary(t - 1) && !connector(t - 1);
    if (!named) return false;
    std::vector<std::string> keys;
    Entity e = make_person(rule, j, k, clitic_bytes, keys);
    e.name = clean_surface(text.substr(e.begin, e.end - e.begin));
    // A given name alone is the person of that first name named earlier in the
    // article ("الملك سلمان" after "الملك سلمان بن عبد العزيز"), else the
    // person of that surname ("الرئيس هادي" after "عبد ربه منصور هادي"; not the
    // father's name of a lineage: "الأمير خالد" is not فيصل بن خالد).
    if (k - j == 1 && article) {
      const EntityExtractor::Known* first = nullptr;
      const EntityExtractor::Known* last = nullptr;
      for (const auto& known : *article) {
        if (known.type != EntityType::Person || known.keys.size() < 2) continue;
        // (The first one the article named: its main one.)
        if (!first && known.keys.front() == e.id) first = &known;
        // (Nor a family name with the article: "الأمير فيصل" is not خالد الفيصل.)
        const bool lineage = lineage_link(known.keys[1]);
        const std::size_t sp = known.name.rfind(' ');
        const bool family = sp != std::string::npos && std::string_view(known.name).substr(sp + 1).starts_with("ال");
        if (!last && !lineage && !family && known.keys.back() == e.id) last = &known;
      }
      if (const auto* known = first ? first : last) {
        e.id = known->id;
        e.name = known->name;
        e.surname = known->keys.back();
      }
    }
    // A lineage that goes on after the name is still theirs (الأمير خالد
    // الفيصل بن عبدالعزيز, متعب بن عبدالله بن عبدالعزيز).
    take_lineage(e);
    k = e.last;
    for (std::size_t t = j; t < k; ++t) covered[t] = 2;
    out.push_back(std::move(e));
    return true;
  }

  // The surname of a listed person at j (Gazetteer::surname_of: بوش, مبارك,
  // الأسد), alone: nothing in a name follows it. Not a given name, an ordinary
  // word that names never contain, an ordinal or الأب/الابن, nor a definite
  // nisba of a place (السوداني: also "the Sudanese"). The entry, or
  // kAmbiguousSurname; nullopt when it is none.
  std::optional<std::uint32_t> listed_surname(std::size_t j) const {
    if (!word(j) || covered[j] || tokens[j].stopword || given[j]) return std::nullopt;
    const std::string_view norm = tokens[j].norm;
    const std::string_view key = token_key(norm);
    if (code_points(key) < 3 || not_surname(key)) return std::nullopt;
    const auto hit = gaz.surname_of(norm);
    if (!hit || ordinary(j)) return std::nullopt;
    if (is_definite(norm) && is_nisba(norm)) {
      const std::string_view stem = key.substr(0, key.size() - (ends_with(key, "يه") ? 4 : 2));
      for (const std::string& place : {std::string(stem), "ال" + std::string(stem)})
        if (const auto m = gaz.find(place, EntityType::Place); m && gaz.entry(*m).type == EntityType::Place)
          return std::nullopt;
    }
    // (Nor the given name of someone else, which a family name follows:
    // "الدكتور صالح القنيعير" is not علي عبد الله صالح; a word news uses
    // mostly in names is the surname still: "الرئيس روحاني المزاعم".)
    if (collect_name(j, false).second > 1 || (!gaz.is_name_word(key) && collect_name(j, true, 1).second > 1))
      return std::nullopt;
    // (Nor a given name before بن: "العميد صالح بن طالب".)
    if (j + 1 < n() && word(j + 1) && lineage_link(tokens[j + 1].norm) &&
        joins_words(text, tokens[j].end, tokens[j + 1].begin))
      return std::nullopt;
    return hit;
  }
  // The person of the listed surname at j (listed_surname()), found by `rule`:
  // the person of that surname the article named, else the surname itself.
  bool surname_person(std::size_t j, EntityRule rule) {
    const auto hit = listed_surname(j);
    if (!hit) return false;
    Entity e = make(EntityType::Person, rule, j, j + 1, 0);
    e.surname.assign(token_key(tokens[j].norm));
    const EntityExtractor::Known* known = nullptr;  // the person of that surname named earlier in the article
    if (article)
      for (const auto& k : *article)
        if (k.type == EntityType::Person && k.keys.size() >= 2 && k.keys.back() == e.surname) known = &k;
    // Otherwise the id is the surname, even when one listed person bears it:
    // the gazetteer makes a bare surname an alias only when no other
    // well-known person is named by it (كارتر: Jimmy, and Ashton Carter).
    if (known) {
      e.id = known->id;
      e.name = known->name;
    } else {
      e.id = person_id(name_keys(j, j + 1, 0));
      e.name = clean_surface(text.substr(e.begin, e.end - e.begin));
    }
    covered[j] = 2;
    out.push_back(std::move(e));
    return true;
  }

  // The construct chain of an organization head at i (see entities.h); returns
  // the end of the organization or i when there is none.
  // `quoted_start` (when given) is set to the first word of a quoted name that
  // makes the whole chain (i + 1), else left alone.
  std::size_t org_chain(std::size_t i, std::uint32_t clitic_bytes, bool definite,
                        std::size_t* quoted_start = nullptr) const {
    const std::string_view head = tokens[i].norm.substr(clitic_bytes);
    const bool weak = l.weak_heads.find(head) == 0;
    std::size_t k = i + 1;
    int words = 0;
    // A quoted name right after an indefinite head is the name, whole, up to
    // the closing quotation mark (شركة « أمريكان أكسبريس », صحيفة " صن "),
    // and the adjectives after it are not (" صن " البريطانية).
    if (!definite && k < n() && joins_words(text, tokens[i].end, tokens[k].begin) &&
        has_quote(text, tokens[i].end, tokens[k].begin)) {
      if (const std::size_t close = quoted_name(k); close > k) {
        if (quoted_start) *quoted_start = k;
        return close;
      }
    }
    while (k < n() && words < 5) {
      if (!joins_words(text, tokens[k - 1].end, tokens[k].begin)) break;
      const bool quoted = has_quote(text, tokens[k - 1].end, tokens[k].begin);
      // A quotation mark inside the chain closes it ("معهد الدراسات المتقدمة "
      // التابع لجامعة برينستون", the head inside the quotation).
      if (quoted && words > 0) break;
      if (covered[k]) {
        // A known place right after the head continues the chain (قوات سوريا
        // الديمقراطية, جامعة دمشق).
        const auto m = gaz.match_at(text, tokens, k);
        if (!definite && !weak && m && gaz.entry(m->entry).type == EntityType::Place && words == 0) {
          k = m->end;
          ++words;
          // (A coordinated word after the place is the sentence's, not the
          // body's: "اقتحام جامعة الأنبار | والسيطرة عليها".)
          // (An adjective of the place goes on: اتحاد أمريكا الشمالية والوسطى.)
          if (k < n() && word(k) && !covered[k] && starts_with(tokens[k].norm, "وال") && !is_nisba(tokens[k].norm))
            break;
          continue;
        }
        break;
      }
      if (!word(k) || tokens[k].stopword) break;
      const std::string_view norm = tokens[k].norm;
      if (l.time_words.find(norm) >= 0 || l.title(norm) >= 0 ||
          (l.non_names.find(norm) >= 0 && !(words == 0 && is_definite(norm) && token_key(norm) == l.affairs_key)))
        break;
      const bool article = (starts_with(norm, "ال") || (words > 0 && starts_with(norm, "وال"))) && is_definite(norm);
      // A coordinated word that heads a body itself starts the next body
      // ("مجلس الدفاع المدني | واللجنة"), and a coordinated masculine plural
      // the next group: after an armed head any ("قوات الأمن | والعاملين",
      // "قوات النظام | والمسلحين الموالين"), after another the plural of an
      // ordinary word ("هيئة التدريس | والموظفين"; not والتلفزيون).
      if (words > 0 && article && starts_with(norm, "و") &&
          (l.is_head(norm) ||
           ((ends_with(norm, "ين") || ends_with(norm, "ون")) &&
            (armed_head(head) || gaz.is_common(norm.substr(2, norm.size() - 6))))))
        break;
      if (definite) {
        if (!(article && (is_nisba(norm) || l.org_adjectives.find(norm) >= 0) && l.descriptive.find(norm) < 0)) break;
        // The adjective agrees with its head: a feminine one after a masculine
        // head qualifies the noun before it ("قدرات الحزب العسكرية": the
        // party's military capabilities), and a masculine one after a
        // feminine head ("القوات", "القيادة") qualifies another noun.
        const std::string_view hkey = token_key(head), akey = token_key(norm);
        const bool head_feminine = ends_with(hkey, "ه") || ends_with(hkey, "ات");
        // (ـة, or the fuʿlā of العليا/الكبرى; not the afʿal of الأعلى.)
        const bool adj_feminine = ends_with(akey, "ه") || ((ends_with(akey, "ا") || ends_with(akey, "ى")) &&
                                                           !starts_with(akey, "ا"));
        if (head_feminine != adj_feminine) break;
      } else if (weak) {
        if (!(quoted && words == 0) && !(words > 0 && article)) break;
      } else if (!article && !(quoted && words == 0)) {
        break;
      }
      // After a nisba adjective, a definite noun without و starts the next
      // phrase: "وزارة الشئون الاجتماعية | التعامل بجدية" (not وزارة الشؤون
      // الإسلامية والأوقاف).
      // (An adjective of a body's name goes on: مجلس القيادة العسكرية العليا.)
      if (!definite && words > 0 && article && starts_with(norm, "ال") && !is_nisba(norm) &&
          l.org_adjectives.find(norm) < 0 && is_definite(tokens[k - 1].norm) && is_nisba(tokens[k - 1].norm))
        break;
      ++k;
      ++words;
    }
    // After a definite head and adjectives that only say its kind, a domain
    // with لل names the body (الاتحاد الدولي للشرطة, الهيئة العليا المستقلة
    // للانتخابات); without one they are a description (generic_org()).
    if (definite && words > 0 && k < n() && word(k) && !covered[k] && !tokens[k].stopword &&
        joins_words(text, tokens[k - 1].end, tokens[k].begin) && starts_with(tokens[k].norm, "لل") &&
        code_points(tokens[k].norm) >= 5 && l.time_words.find(tokens[k].norm) < 0 && generic_chain(i + 1, k))
      return k + 1;
    // So does a domain after a definite head of a body and its country's nisba
    // (الاتحاد السعودي لكرة القدم, الهيئة السعودية للتخصصات الصحية), with its
    // genitive or its adjectives; not after an army's head, where ل marks what
    // a verbal noun before it acts on ("قصف الجيش السوري للمدنيين").
    if (definite && words > 0 && k + 1 < n() && !armed_head(head) && place_chain(i + 1, k))
      if (const std::size_t end = domain(k); end > k) return end;
    return words > 0 ? k : i;
  }

  // A definite head of armed men: الجيش, القوات, الحرس, الشرطة (with clitics cut).
  static bool armed_head(std::string_view head) {
    const std::string_view key = token_key(head);
    return key == "جيش" || key == "قوات" || key == "حرس" || key == "شرطه";
  }
  // The words [first, end) are all a place's nisba (السعودي, الفرنسية; السعودية,
  // the feminine nisba that is the country's own name).
  bool place_chain(std::size_t first, std::size_t end) const {
    for (std::size_t t = first; t < end; ++t) {
      if (place_nisba(tokens[t].norm)) continue;
      const auto m = is_nisba(tokens[t].norm) ? gaz.find(tokens[t].norm, EntityType::Place) : std::nullopt;
      if (!m || gaz.entry(*m).type != EntityType::Place) return false;
    }
    return end > first;
  }
  // The end of a body's domain at k: لل and a noun with its definite nisba
  // adjectives (للتخصصات الصحية), or ل, an indefinite noun in ة and its
  // definite genitive (لكرة القدم); k when there is none. Every word free and
  // joined. A noun alone after لل is a domain when it is a plural or ends in ة
  // (للمواصفات, للمحامين, للصحافة); a verbal noun of purpose is not ("للحفاظ
  // على", "لنقل المباراة", "لاتخاذ القرار").
  std::size_t domain(std::size_t k) const {
    const auto free_at = [&](std::size_t t) {
      return t < n() && word(t) && !covered[t] && !tokens[t].stopword &&
             joins_words(text, tokens[t - 1].end, tokens[t].begin) && !has_quote(text, tokens[t - 1].end, tokens[t].begin) &&
             l.time_words.find(tokens[t].norm) < 0 && l.non_names.find(tokens[t].norm) < 0;
    };
    if (!free_at(k)) return k;
    const std::string_view w = tokens[k].norm;
    std::size_t end = k;
    bool plain = false;  // لل and a noun
    if (starts_with(w, "لل") && code_points(w) >= 5) {
      end = k + 1;
      plain = true;
    } else if (starts_with(w, "ل") && !starts_with(w, "لل") && code_points(w) >= 4 && ends_with(w, "ه") &&
               !is_definite(w) && !l.is_verb(w) && free_at(k + 1) && starts_with(tokens[k + 1].norm, "ال") &&
               is_definite(tokens[k + 1].norm)) {
      end = k + 2;
    } else {
      return k;
    }
    const std::size_t noun_end = end;
    while (free_at(end) && starts_with(tokens[end].norm, "ال") && is_nisba(tokens[end].norm) && end < k + 4) ++end;
    if (plain && end == noun_end && !ends_with(w, "ات") && !ends_with(w, "ين") && !ends_with(w, "ون") &&
        !ends_with(w, "ه"))
      return k;
    return end;
  }

  // The words [first, end) after a definite head are all adjectives that say
  // only what kind of body it is (Lists::generic_adjectives).
  bool generic_chain(std::size_t first, std::size_t end) const {
    for (std::size_t t = first; t < end; ++t) {
      std::string_view w = tokens[t].norm;
      if (t > first && starts_with(w, "وال")) w.remove_prefix(2);  // و + ال (UTF-8: 2 bytes)
      if (l.generic_adjectives.find(w) != 0) return false;
    }
    return end > first;
  }
  // The organization at [i, end) from a head (its clitics: `clitic_bytes`) is
  // a description that names no body in particular: a definite head with
  // generic adjectives only (القيادة السياسية, الاتحاد الدولي), or a generic
  // body of two words (هيئة الدفاع, لجنة الانضباط, قوات الأمن).
  bool generic_org(std::size_t i, std::size_t end, std::uint32_t clitic_bytes, bool definite) const {
    if (definite) return generic_chain(i + 1, end);
    if (end != i + 2) return false;
    std::string pair(token_key(tokens[i].norm.substr(clitic_bytes)));
    pair += ' ';
    pair += token_key(tokens[i + 1].norm);
    return l.generic_bodies.count(pair) > 0;
  }

  // The end of a quoted name whose first word is k (a quotation mark before
  // it): the word before the next quotation mark, at most 6 words on, all free
  // and in the same sentence; k when there is none.
  std::size_t quoted_name(std::size_t k) const {
    for (std::size_t m = k; m < n() && m < k + 6; ++m) {
      if (tokens[m].stopword) return k;
      if (covered[m]) {
        // A listed place after the first word is part of the quoted name
        // (شركة « ريورد مانجمنت الشرق الأوسط »).
        const auto g = m > k ? gaz.match_at(text, tokens, m) : std::nullopt;
        if (!g || gaz.entry(g->entry).type != EntityType::Place || g->end > k + 6) return k;
        m = g->end - 1;
      }
      if (m > k && !joins_words(text, tokens[m - 1].end, tokens[m].begin) &&
          breaks_sentence(text, tokens[m - 1].end, tokens[m].begin))
        return k;
      const std::uint32_t gap_end = m + 1 < n() ? tokens[m + 1].begin : static_cast<std::uint32_t>(text.size());
      if (has_quote(text, tokens[m].end, gap_end)) return m + 1;
    }
    return k;
  }

  // An organization from the head at i (its clitics: `clitic_bytes`), or nullopt.
  // `generic` (when given) tells whether it is a description (generic_org()).
  std::optional<Entity> org_at(std::size_t i, std::uint32_t clitic_bytes, bool definite, bool* generic = nullptr) {
    // (نادى with ى is the verb "called": "ونادى المشاركون بضرورة".)
    const bool club = token_key(tokens[i].norm.substr(clitic_bytes)) == l.club_key;
    if (club && text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin).ends_with("ى")) return std::nullopt;
    std::size_t quoted = 0;
    std::size_t end = org_chain(i, clitic_bytes, definite, &quoted);
    if (end <= i) return std::nullopt;
    // A club is named by one word, or a name of bare words, and the
    // adjectives that say what kind it is (نادي الهلال, نادي باريس سان جيرمان,
    // نادي جدة الأدبي, نادي المسؤولية الاجتماعية); what follows is the
    // sentence's: a definite noun ("نادي الوحدة التسجيل"), a nationality (نادي
    // الهلال السعودي), an adjective of a word before (موقع نادي الهلال الرسمي).
    if (quoted == 0 && club && end > i + 2) {
      std::size_t k = i + 2;
      if (!is_definite(tokens[i + 1].norm))
        while (k < end && !is_definite(tokens[k].norm)) ++k;
      while (k < end && is_definite(tokens[k].norm) &&
             std::find(l.club_kind_keys.begin(), l.club_kind_keys.end(), token_key(tokens[k].norm)) !=
                 l.club_kind_keys.end())
        ++k;
      end = k;
    }
    if (generic) *generic = quoted == 0 && generic_org(i, end, clitic_bytes, definite);
    const bool kind = quoted > 0 && l.kind_heads.find(tokens[i].norm.substr(clitic_bytes)) == 0;
    Entity e = make(EntityType::Org, EntityRule::OrgHead, kind ? quoted : i, end, kind ? 0 : clitic_bytes);
    e.name = clean_surface(text.substr(e.begin, e.end - e.begin));
    // (ل before the article writes لل: "للتحالف العربي" names التحالف العربي.)
    static constexpr std::string_view kLil = "لل";
    if (!kind && e.name.starts_with(kLil) && is_definite(tokens[i].norm.substr(clitic_bytes)) &&
        starts_with(tokens[i].norm.substr(clitic_bytes), kLil))
      e.name = "ال" + e.name.substr(kLil.size());
    // (So does ل before اللجنة: "للجنة المحلية" reads as ل + لجنة, but an
    // adjective with the article after it says the head had it too:
    // اللجنة المحلية; "للجنة الانتخابات" is ل + لجنة الانتخابات.)
    if (!kind && clitic_bytes >= 2 && tokens[i].norm.substr(clitic_bytes - 2, 2) == "ل" &&
        starts_with(tokens[i].norm.substr(clitic_bytes), "ل") && end > i + 1 && is_definite(tokens[i + 1].norm) &&
        (nisba_of_common(i + 1) || token_key(tokens[i + 1].norm) == "عليا"))
      e.name = "ال" + e.name;
    e.id = l.normalizer.normalize(e.name);
    for (std::size_t t = i; t < end; ++t) covered[t] = 2;
    return e;
  }
};

}  // namespace

namespace {

// The given name علي, which the normalizer folds into the preposition على (a
// function word), at token i: written with ي (and ي only: not عليّ, "on
// me"), and in a name's context, since some writers spell the preposition so
// too ("حصل علي الجائزة"): before بن (علي بن أبي طالب), after بن or a kunya
// (زين العابدين بن علي, أبو علي), after a title or a given name (الإمام علي,
// محمد علي), or before a given name or a word news uses in names (علي
// خامنئي, علي الغامدي; not "علي ضفاف", "علي الهضبة", rare words as they are).
bool ali_as_name(const Gazetteer& gaz, const Lists& l, std::string_view text, std::span<const Token> tokens,
                 std::size_t i) {
  static constexpr std::string_view kAli = "علي";
  const Token& t = tokens[i];
  if (t.kind != TokenKind::Word || !t.stopword) return false;
  const std::string_view written = text.substr(t.begin, t.end - t.begin);
  if (written != kAli && written != "وعلي") return false;
  const auto joined = [&](std::size_t a) {  // tokens a and a+1 are words with only spaces between them
    return a + 1 < tokens.size() && tokens[a].kind == TokenKind::Word && tokens[a + 1].kind == TokenKind::Word &&
           joins_words(text, tokens[a].end, tokens[a + 1].begin);
  };
  if (i > 0 && joined(i - 1)) {
    const std::string_view before = tokens[i - 1].norm;
    if (lineage_link(before) || l.kunya.find(before) == 0 || l.title(before) >= 0) return true;
    if (const auto m = gaz.match_at(text, tokens, i - 1);
        m && m->end == i && gaz.entry(m->entry).type == EntityType::Given && !tokens[i - 1].stopword)
      return true;
  }
  // (A compound given name, علي أكبر, before a rare word or a name word:
  // "علي أكبر ولايتي", not "علي أكبر نسبة".)
  if (const auto m = gaz.match_at(text, tokens, i); m && m->end > i + 1 && gaz.entry(m->entry).type == EntityType::Given) {
    const std::size_t k = m->end;
    if (!joined(k - 1) || tokens[k].stopword) return false;
    const std::string_view norm = tokens[k].norm;
    return gaz.is_name_part(norm) || (code_points(token_key(norm)) >= 3 && !gaz.is_common(norm) &&
                                      !gaz.is_common(token_key(norm)) && !gaz.match_at(text, tokens, k).has_value());
  }
  if (!joined(i)) return false;
  const Token& next = tokens[i + 1];
  if (next.stopword) return false;
  if (lineage_link(next.norm)) return true;
  const std::string_view after = text.substr(next.begin, next.end - next.begin);
  if (after.ends_with("ها") || after.ends_with("هم") || after.ends_with("ه")) return false;
  if (l.any_title(next.norm) || l.is_head(next.norm) || l.place_cues.find(next.norm) >= 0) return false;
  if (const auto m = gaz.match_at(text, tokens, i + 1)) return gaz.entry(m->entry).type == EntityType::Given;
  return gaz.is_name_part(next.norm);
}

}  // namespace

void EntityExtractor::extract(std::string_view text, std::span<const Token> tokens, std::vector<Entity>& out) {
  out.clear();
  ++t_generation;
  const Lists& l = lists();
  // (علي read as the name is no function word for the rules below.)
  bool ali = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!ali_as_name(gazetteer_, l, text, tokens, i)) continue;
    if (!ali) name_tokens_.assign(tokens.begin(), tokens.end());
    ali = true;
    name_tokens_[i].stopword = false;
  }
  if (ali) tokens = name_tokens_;
  covered_.assign(tokens.size(), 0);
  given_.assign(tokens.size(), std::nullopt);
  common_memo_.assign(tokens.size(), -1);
  Scan s{gazetteer_, l, text, tokens, covered_, out, given_, &article_, common_memo_};

  // A place's context, for a one-word place name that is also an ordinary word
  // news mostly uses as that word (Gazetteer::is_word_place: الباب, مالي,
  // حديثة): a place cue or a direction before it (مدينة مشهد, جنوب مالي),
  // another place joined to it by و/أو or a comma, or before it with إلى/حتى
  // (لحج وأبين, تعز ولحج, من طهران إلى مشهد), a direction or a place's nisba
  // after it (حديثة غرب الأنبار, مشهد الإيرانية), or the same place named
  // earlier in the article.
  const auto place_context = [&](std::size_t i, const GazetteerMatch& m) {
    const std::string& id = gazetteer_.entry(m.entry).id;
    if (std::find(article_places_.begin(), article_places_.end(), id) != article_places_.end()) return true;
    for (const Entity& e : out)
      if (e.type == EntityType::Place && e.id == id) return true;
    const auto is_place = [&](std::size_t k) {
      const auto p = gazetteer_.match_at(text, tokens, k);
      return p && gazetteer_.entry(p->entry).type == EntityType::Place;
    };
    const auto comma = [&](std::size_t a, std::size_t b) {  // a comma or a list's dash between tokens a and b
      const std::string_view gap = text.substr(tokens[a].end, tokens[b].begin - tokens[a].end);
      return gap.find(',') != std::string_view::npos || gap.find("،") != std::string_view::npos ||
             gap.find(" - ") != std::string_view::npos;
    };
    const auto coordinator = [&](std::size_t k) {
      return s.word(k) && tokens[k].stopword && l.coordinators.find(tokens[k].norm) == 0;
    };
    const auto place_ends_at = [&](std::size_t end) {
      return !out.empty() && out.back().type == EntityType::Place && out.back().last == end;
    };
    if (i > 0) {
      const bool joined = s.word(i - 1) && joins_words(text, tokens[i - 1].end, tokens[i].begin);
      // (A direction before it names a part of a place: جنوب مالي.)
      if (m.clitic_bytes == 0 && joined &&
          (l.place_cues.find(tokens[i - 1].norm) >= 0 ||
           (l.directions.find(tokens[i - 1].norm) >= 0 && !is_definite(tokens[i - 1].norm))))
        return true;
      // (و glued before the article is no clitic of the match: والمهرة.)
      const bool and_glued =
          starts_with(tokens[i].norm, "و") && (m.clitic_bytes > 0 || starts_with(tokens[i].norm, "وال"));
      if (place_ends_at(i) && and_glued) return true;
      // (A list's marks may be tokens of their own: أنغولا - بنين.)
      std::size_t p = i - 1;
      while (p > 0 && !s.word(p)) --p;
      if (s.word(p) && place_ends_at(p + 1) && comma(p, i)) return true;
      // (… أو X, … و X, and from one place to it: من طهران إلى مشهد.)
      const bool to = s.word(i - 1) && (tokens[i - 1].norm == "الي" || tokens[i - 1].norm == "حتي");
      if (i > 1 && (coordinator(i - 1) || to) && place_ends_at(i - 1)) return true;
    }
    if (i + 1 < tokens.size() && s.word(i + 1)) {
      const std::string_view next = tokens[i + 1].norm;
      if (joins_words(text, tokens[i].end, tokens[i + 1].begin) &&
          ((l.directions.find(next) == 0 && !is_definite(next)) || s.place_nisba(next)))
        return true;
      if (is_place(i + 1) && starts_with(next, "و")) return true;
      if (coordinator(i + 1) && i + 2 < tokens.size() && is_place(i + 2)) return true;
    }
    std::size_t k = i + 1;
    while (k < tokens.size() && !s.word(k)) ++k;
    return k < tokens.size() && comma(i, k) && is_place(k);
  };

  // 1. Gazetteer names, longest first, left to right.
  for (std::size_t i = 0; i < tokens.size();) {
    auto m = gazetteer_.match_at(text, tokens, i);
    // A one-word place name that is an ordinary word, outside a place's
    // context, is that word; the word may still be read otherwise (وجدة: و +
    // جدة, unless a cue names the town: مدينة وجدة).
    if (m && m->end == i + 1 && gazetteer_.entry(m->entry).type == EntityType::Place &&
        gazetteer_.is_word_place(std::string_view(tokens[i].norm).substr(m->clitic_bytes))) {
      if (!place_context(i, *m)) m = gazetteer_.match_at(text, tokens, i, false);
    }
    if (!m) {
      ++i;
      continue;
    }
    const GazetteerEntry& entry = gazetteer_.entry(m->entry);
    if (m->end == i + 1) {
      // ل before a word that starts with ل is also ل + the article, whose ا is
      // dropped (للحج: ل + الحج, "for the Hajj", written as ل + لحج would be;
      // للبنى: ل + البنى, not the name لبنى): a one-word name so read is that
      // ordinary word when the word with the article is one
      // (common-words.tsv); للبنان stays.
      const std::string_view bare = std::string_view(tokens[i].norm).substr(m->clitic_bytes);
      const bool lam_lam = m->clitic_bytes >= 2 && starts_with(bare, "ل") &&
                           tokens[i].norm.substr(m->clitic_bytes - 2, 2) == "ل" &&
                           gazetteer_.is_common("ال" + std::string(bare.substr(2)));
      if (lam_lam) {
        ++i;
        continue;
      }
    }
    if (entry.type != EntityType::Given && m->end == i + 1) {
      // A one-word organization named after a city, right after a place cue,
      // is the city ("في مدينة ميلان", "حي تشيلسي"). (One with the article
      // is an ordinary word, and no place is taken: حي الجزيرة, below.)
      if (entry.type == EntityType::Org && m->clitic_bytes == 0 && !is_definite(tokens[i].norm) && i > 0 &&
          s.word(i - 1) &&
          joins_words(text, tokens[i - 1].end, tokens[i].begin) && l.place_cues.find(tokens[i - 1].norm) == 0) {
        Entity e = s.make(EntityType::Place, EntityRule::PlaceCue, i, i + 1, 0);
        e.name = clean_surface(text.substr(e.begin, e.end - e.begin));
        e.id = l.normalizer.normalize(e.name);
        covered_[i] = 2;
        out.push_back(std::move(e));
        ++i;
        continue;
      }
    }
    // (A one-word given name that is also a function word, علي, is one only
    // where ali_as_name() read it so; علي أكبر is one.)
    if (entry.type == EntityType::Given && tokens[i].stopword && m->end == i + 1) {
      ++i;
      continue;
    }
    if (entry.type == EntityType::Given) {
      // A feminine name written with ه whose letters before it are an
      // ordinary word is that word and a pronoun suffix ("رفقة ناديه": his
      // club, نادي + ه; not نادية).
      const std::string_view written = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
      const std::string_view norm = tokens[i].norm.substr(std::min<std::size_t>(m->clitic_bytes, tokens[i].norm.size()));
      const bool suffix = m->end == i + 1 && ends_with(written, "ه") && ends_with(entry.canonical, "ة") &&
                          gazetteer_.is_common(norm.substr(0, norm.size() - 2));
      const bool clitic_word = m->end == i + 1 && ordinary_after_clitic(gazetteer_, tokens[i].norm, m->clitic_bytes);
      if (!suffix && !clitic_word) s.given[i] = m;
      ++i;
      continue;
    }
    // A place's descriptor before a longer name of the same place ("دولة
    // الإمارات العربية المتحدة": دولة الإمارات is an alias, الإمارات العربية
    // المتحدة a longer one): the longer name, from where it starts.
    if (entry.type == EntityType::Place && m->end - i >= 2) {
      std::size_t longer = 0;
      for (std::size_t t = i + 1; t < m->end && !longer; ++t)
        if (const auto m2 = gazetteer_.match_at(text, tokens, t);
            m2 && m2->end > m->end && m2->entry == m->entry && m2->clitic_bytes == 0)
          longer = t;
      if (longer) {
        i = longer;
        continue;
      }
    }
    // A one-word organization with the article that is also a common noun
    // (القاعدة: base, rule; الجزيرة: island) is that noun after a
    // demonstrative or شبه ("هذه القاعدة", "شبه الجزيرة").
    if (entry.type == EntityType::Org && m->end == i + 1 && is_definite(tokens[i].norm) &&
        (s.common_noun_use(i) || s.feminine_noun_with_adjective(i))) {
      ++i;
      continue;
    }
    // A one-word organization without the article that is also an ordinary
    // word (حماس: enthusiasm; الحماس is frequent too) is that word after ب,
    // بلا or عدم, or before an
    // adjective of degree ("بحماس شديد", "بلا حماس", "انتابني حماس مفاجئ").
    if (entry.type == EntityType::Org && m->end == i + 1 && !is_definite(tokens[i].norm) &&
        entry.canonical.find(' ') == std::string::npos && s.common(i)) {
      const std::string_view bare = std::string_view(tokens[i].norm).substr(m->clitic_bytes);
      const bool with_bi = m->clitic_bytes > 0 && starts_with(tokens[i].norm, "ب");
      const bool after_without = i > 0 && s.word(i - 1) && joins_words(text, tokens[i - 1].end, tokens[i].begin) &&
                                 (token_key(tokens[i - 1].norm) == l.without_key ||
                                  token_key(tokens[i - 1].norm) == l.lack_key);
      const bool before_degree =
          i + 1 < tokens.size() && s.word(i + 1) && joins_words(text, tokens[i].end, tokens[i + 1].begin) &&
          !is_definite(tokens[i + 1].norm) &&
          std::find(l.degree_keys.begin(), l.degree_keys.end(), token_key(tokens[i + 1].norm)) != l.degree_keys.end();
      // (An ordinary word takes the article too: الحماس; داعش and تويتر,
      // frequent as they are, do not.)
      if (!bare.empty() && gazetteer_.is_common("ال" + std::string(bare)) &&
          (with_bi || after_without || before_degree)) {
        ++i;
        continue;
      }
    }
    // A place wholly in quotation marks names a publication or an
    // organization: after the head of its kind (صحيفة " القادسية ") the
    // organization rule takes it; a quoted name of two words or more is that
    // organization (« الشرق الأوسط », the newspaper). (One word alone stays a
    // place: some write «إسرائيل» so.)
    if (entry.type == EntityType::Place && m->clitic_bytes == 0 &&
        has_quote(text, i > 0 ? tokens[i - 1].end : 0, tokens[i].begin) &&
        has_quote(text, tokens[m->end - 1].end,
                  m->end < tokens.size() ? tokens[m->end].begin : static_cast<std::uint32_t>(text.size()))) {
      if (i > 0 && s.word(i - 1) && l.kind_heads.find(tokens[i - 1].norm) >= 0 && !is_definite(tokens[i - 1].norm) &&
          joins_words(text, tokens[i - 1].end, tokens[i].begin)) {
        ++i;
        continue;
      }
      // (After a place cue it is the place: في ولاية " نيو جيرسي ".)
      const bool after_cue = i > 0 && s.word(i - 1) && joins_words(text, tokens[i - 1].end, tokens[i].begin) &&
                             l.place_cues.find(tokens[i - 1].norm) >= 0;
      if (m->end - i >= 2 && !after_cue) {
        Entity e = s.make(EntityType::Org, EntityRule::Gazetteer, i, m->end, 0);
        e.name = clean_surface(text.substr(e.begin, e.end - e.begin));
        e.id = l.normalizer.normalize(e.name);
        for (std::size_t t = i; t < m->end; ++t) covered_[t] = 1;
        out.push_back(std::move(e));
        i = m->end;
        continue;
      }
    }
    // A one-word place with the article after نادي or فريق names a club
    // (نادي الخليج in Saihat, فريق القادسية in Khobar), not the place; after
    // نادي the organization rule takes the club's name (org_at).
    if (entry.type == EntityType::Place && m->end == i + 1 && m->clitic_bytes == 0 &&
        starts_with(tokens[i].norm, "ال") && is_definite(tokens[i].norm) && i > 0 && s.word(i - 1) &&
        !covered_[i - 1] && joins_words(text, tokens[i - 1].end, tokens[i].begin) &&
        !has_quote(text, tokens[i - 1].end, tokens[i].begin) && !is_definite(tokens[i - 1].norm) &&
        s.any_form(i - 1, [&](std::string_view w) { return w == l.club_key || w == l.team_key; })) {
      ++i;
      continue;
    }
    // A one-word place with the article that is also an ordinary word (القصير,
    // القائم, الطبقة) is an adjective right after a definite noun: "على المدى
    // القصير", "الوضع القائم" (not after a nisba: "دخلت القوات العراقية الموصل",
    // nor after العاصمة/المدينة, nor with a clitic: "لقاء الذهاب بالقاهرة";
    // countries are left alone).
    if (entry.type == EntityType::Place && m->end == i + 1 && starts_with(tokens[i].norm, "ال") &&
        entry.source != "icu-country" && s.common(i) && i > 0 && s.word(i - 1) &&
        joins_words(text, tokens[i - 1].end, tokens[i].begin)) {
      // (The noun may carry و/ف/ب/ك: "والبطاقات الزرقاء".)
      const std::string_view before = tokens[i - 1].norm.substr(article_clitic_bytes(tokens[i - 1].norm));
      // (A noun of nisba form that is no place's nisba, such as الصحابي, is a
      // noun: "الصحابي الجليل".)
      if (starts_with(before, "ال") && is_definite(before) && !(is_nisba(before) && s.place_nisba(before)) &&
          !tokens[i - 1].stopword && !has_quote(text, tokens[i - 1].end, tokens[i].begin) &&
          l.place_nouns.find(before) < 0 && l.time_words.find(before) < 0 && !l.any_title(before) &&
          !gazetteer_.match_at(text, tokens, i - 1)) {
        ++i;
        continue;
      }
    }
    // A one-word definite place right after a definite title is an adjective
    // ("الصحابي الجليل", "الإمام الجليل"): a title takes a person's name. So is
    // a country named by a nisba (السعودية) after a definite noun ("الديون
    // السيادية السعودية", "الحكومة السعودية"), unless a descriptor or an
    // official name's words precede it (المملكة العربية السعودية, matched whole).
    if ((entry.type == EntityType::Place) && m->end == i + 1 && m->clitic_bytes == 0 && starts_with(tokens[i].norm, "ال") &&
        i > 0 && s.word(i - 1) && joins_words(text, tokens[i - 1].end, tokens[i].begin) &&
        !has_quote(text, tokens[i - 1].end, tokens[i].begin) &&
        starts_with(tokens[i - 1].norm.substr(article_clitic_bytes(tokens[i - 1].norm)), "ال") &&
        is_definite(tokens[i - 1].norm)) {
      // (The noun may carry و/ف/ب: "فالصحابي الجليل", "والحكومة السعودية".)
      const std::string_view before = tokens[i - 1].norm;
      const bool after_title = l.titles_definite.find(before) >= 0 && entry.source != "icu-country";
      const bool nisba_country = is_nisba(tokens[i].norm) && !tokens[i - 1].stopword &&
                                 l.place_nouns.find(before) < 0 && l.place_cues.find(before) < 0 &&
                                 l.time_words.find(before) < 0 && !gazetteer_.match_at(text, tokens, i - 1);
      if (after_title || nisba_country) {
        ++i;
        continue;
      }
    }
    // A one-word place that is an ordinary word is used as that word:
    if (entry.type == EntityType::Place && m->end == i + 1 && entry.source != "icu-country" && s.common(i)) {
      // a feminine noun before a feminine nisba ("العمارة الإسلامية":
      // architecture, "الطبقة السياسية"), as for organizations above, but not
      // a place's nisba ("الرقة السورية" is the city);
      bool word_use = is_definite(tokens[i].norm) && s.feminine_noun_with_adjective(i) &&
                      !s.place_nisba(tokens[i + 1].norm);
      // a verb after a particle or relative that only verbs follow ("التي
      // تدمر", "اللاتي عدن", "قد روج");
      word_use = word_use || (!is_definite(tokens[i].norm) && i > 0 && s.word(i - 1) &&
                              joins_words(text, tokens[i - 1].end, tokens[i].begin) &&
                              l.verb_particles.find(tokens[i - 1].norm) == 0);
      // a common noun after a demonstrative ("ذاك الرباط القدسي", "هذه الطبقة");
      word_use = word_use || (is_definite(tokens[i].norm) && m->clitic_bytes == 0 && i > 0 && s.word(i - 1) &&
                              joins_words(text, tokens[i - 1].end, tokens[i].begin) &&
                              l.noun_markers.find(tokens[i - 1].norm) == 0);
      // "مسقط رأسه": a birthplace.
      word_use = word_use || (token_key(tokens[i].norm) == l.birthplace_key && i + 1 < tokens.size() &&
                              s.word(i + 1) && starts_with(token_key(tokens[i + 1].norm), l.head_key));
      if (word_use) {
        ++i;
        continue;
      }
    }
    // A one-word place that is the nisba of a place (تركية: تركيا, سورية:
    // سوريا; not قلقيلية), written without the article, is an adjective after a definite noun ("الكنية تركية": a
    // predicate) or another nisba ("قبرصية تركية", "فرنسية أو تركية"); after a
    // preposition, a verb or an indefinite noun it is the country ("في
    // سورية", "حكومة سورية").
    if (entry.type == EntityType::Place && m->end == i + 1 && m->clitic_bytes == 0 && !is_definite(tokens[i].norm) &&
        ends_with(token_key(tokens[i].norm), "يه") && s.place_nisba(tokens[i].norm) && i > 0 && s.word(i - 1) &&
        !covered_[i - 1] &&
        joins_words(text, tokens[i - 1].end, tokens[i].begin)) {
      std::size_t b = i - 1;
      const bool conj = tokens[b].stopword && (l.coordinators.find(tokens[b].norm) == 0) && b > 0 && s.word(b - 1) &&
                        !covered_[b - 1] && joins_words(text, tokens[b - 1].end, tokens[b].begin);
      if (conj) --b;
      const std::string_view before = tokens[b].norm;
      // (Not after any indefinite noun: "حكومة سورية", "قوات سورية" are also
      // the construct "the government of Syria".)
      const bool noun = !tokens[b].stopword && l.place_cues.find(before) < 0 && l.place_nouns.find(before) < 0 &&
                        (conj ? is_nisba(before) && !is_definite(before)
                              : is_definite(before) || (is_nisba(before) && !is_definite(before)));
      if (noun) {
        ++i;
        continue;
      }
    }
    // A place whose words are all directions ("جنوب غرب": a subdivision's name
    // in ISO 3166-2) names no place in running text ("أسد جنوب غرب أفريقيا").
    if (entry.type == EntityType::Place) {
      bool directions_only = true;
      for (std::size_t t = i; t < m->end && directions_only; ++t)
        directions_only = l.directions.find(tokens[t].norm) >= 0 && !is_definite(tokens[t].norm);
      if (directions_only) {
        ++i;
        continue;
      }
    }
    // A ministry named by its portfolio right after وزير/وزيرة is the
    // portfolio, part of the minister's title ("وزيرة الخارجية الأميركية
    // كوندوليزا رايس"); elsewhere it is the ministry ("المتحدث باسم الخارجية
    // الأميركية").
    if (entry.type == EntityType::Org && m->clitic_bytes == 0 && starts_with(tokens[i].norm, "ال") &&
        is_definite(tokens[i].norm) && i > 0 && s.word(i - 1) && joins_words(text, tokens[i - 1].end, tokens[i].begin) &&
        l.ministers.find(tokens[i - 1].norm) >= 0 && !is_definite(tokens[i - 1].norm)) {
      i = m->end;
      continue;
    }
    // A listed person's name inside a longer lineage (nasab) is someone else's
    // name: "فيصل بن خالد بن عبدالعزيز" (not خالد بن عبدالعزيز), "خالد بن
    // عبدالعزيز الفالح"; the rules find the whole name.
    if (entry.type == EntityType::Person && s.inside_lineage(i, m->end)) {
      // It may still start with a given name (خالد, عبد الله).
      for (std::size_t end = m->end - 1; end > i; --end) {
        const auto g = gazetteer_.find(text.substr(tokens[i].begin, tokens[end - 1].end - tokens[i].begin), EntityType::Given);
        if (g && gazetteer_.entry(*g).type == EntityType::Given) {
          s.given[i] = GazetteerMatch{i, end, *g, m->clitic_bytes};
          break;
        }
      }
      ++i;
      continue;
    }
    // A place named with a leading descriptor that its alias keeps (دولة قطر,
    // مدينة غزة, العاصمة السورية دمشق) is the name alone, as after a place
    // cue (rule 4): the shortest end of the match that names the same place,
    // unless an adjective that is no place's nisba makes the words before it
    // part of an official name ("المملكة العربية السعودية"). A camp keeps مخيم.
    std::size_t first = i;
    std::uint32_t clitics = m->clitic_bytes;
    // So is an organization named with the head of its kind (حركة طالبان, قناة
    // الجزيرة, صحيفة نيويورك تايمز), as a quoted name after such a head.
    const std::string_view first_word =
        tokens[i].norm.substr(std::min<std::size_t>(m->clitic_bytes, tokens[i].norm.size()));
    // (شبه الجزيرة العربية is one name: شبه is no descriptor.)
    if (m->end - i >= 2 &&
        ((entry.type == EntityType::Place && token_key(first_word) != l.camp_key &&
          token_key(first_word) != l.quasi_key) ||
         (entry.type == EntityType::Org && l.kind_heads.find(first_word) == 0)))
      for (std::size_t t = m->end - 1; t > i; --t)
        if (const auto m2 = gazetteer_.match_at(text, tokens, t);
            m2 && m2->end == m->end && m2->clitic_bytes == 0 &&
            // (The name alone may also name another entry: "العاصمة الأردنية
            // عمان" is Amman, whose canonical name عمان is also Oman's.)
            (m2->entry == m->entry ||
             (entry.type == EntityType::Place && m->end - t == 1 && token_key(tokens[t].norm) == token_key(entry.id))) &&
            (entry.type != EntityType::Place || !s.official_name_words(i, t))) {
          first = t;
          clitics = 0;
          break;
        }
    // An organization whose name is quoted after the head of its kind spans
    // the quoted name alone, as rule 5 does (صحيفة " الشرق الأوسط ").
    if (entry.type == EntityType::Org && first == i && m->end - i >= 2 && l.kind_heads.find(first_word) == 0 &&
        has_quote(text, tokens[i].end, tokens[i + 1].begin)) {
      first = i + 1;
      clitics = 0;
    }
    // A listed organization written with the nisba of its country after it
    // (حزب الله اللبناني, الكنيست الإسرائيلي) is the name alone, as a place is
    // without its descriptor; not when the name itself ends so (منظمة التحرير
    // الفلسطينية).
    std::size_t last = m->end;
    if (entry.type == EntityType::Org && m->end - first >= 2 && is_definite(tokens[m->end - 1].norm) &&
        s.place_nisba(tokens[m->end - 1].norm)) {
      const std::size_t sp = entry.id.rfind(' ');
      const std::string_view id_last = sp == std::string::npos ? std::string_view(entry.id)
                                                                : std::string_view(entry.id).substr(sp + 1);
      if (!(is_nisba(id_last) && s.place_nisba(id_last))) {
        const auto shorter = gazetteer_.find(
            text.substr(tokens[first].begin + clitics, tokens[m->end - 2].end - tokens[first].begin - clitics),
            EntityType::Org);
        if (shorter && *shorter == m->entry) last = m->end - 1;
      }
    }
    // A direction before a continent names a part of it (شمال أفريقيا, بشرق
    // أفريقيا, جنوب شرق آسيا): the place is the continent, spanned alone, as a
    // direction before any place is no part of its name (شمال إسرائيل). (Not a
    // country so named: جنوب أفريقيا.)
    const GazetteerEntry* named = &entry;
    if (entry.type == EntityType::Place && entry.source != "icu-country" && first == i && m->end - i >= 2) {
      std::size_t t = i;
      // (Only the first direction may carry a clitic: بشمال.)
      while (t + 1 < m->end && !is_definite(tokens[t].norm) &&
             (t == i ? l.directions.find(tokens[t].norm) >= 0 : l.directions.find(tokens[t].norm) == 0))
        ++t;
      if (t > i && l.continents.find(tokens[t].norm) == 0)
        if (const auto m2 = gazetteer_.match_at(text, tokens, t);
            m2 && m2->end == m->end && m2->clitic_bytes == 0 && gazetteer_.entry(m2->entry).type == EntityType::Place) {
          first = t;
          clitics = 0;
          named = &gazetteer_.entry(m2->entry);
        }
    }
    Entity e = s.make(entry.type, EntityRule::Gazetteer, first, last, clitics);
    e.id = named->id;
    e.name = named->canonical;
    if (entry.type == EntityType::Person) {
      const std::size_t sp = entry.id.rfind(' ');
      e.surname.assign(token_key(sp == std::string::npos ? std::string_view(entry.id)
                                                          : std::string_view(entry.id).substr(sp + 1)));
    }
    // A listed person's lineage that goes on after the name is still theirs
    // (محمد بن سلمان بن عبدالعزيز آل سعود): the span takes it, the id stays the
    // listed one, and no ancestor's name is left over as a person of its own
    // (بن عبدالعزيز).
    if (entry.type == EntityType::Person) {
      s.take_lineage(e);
      last = e.last;
    }
    // (The nisba left out stays free: an affiliation walks past it, "رئيس الكنيست
    // الإسرائيلي رؤوفين ريفلين".)
    for (std::size_t t = i; t < last; ++t) covered_[t] = 1;
    out.push_back(std::move(e));
    i = std::max<std::size_t>(m->end, last);
  }

  // The places the gazetteer found: named alone later in the article, a place
  // name that is an ordinary word is the place (place_context).
  for (const Entity& e : out)
    if (e.type == EntityType::Place && std::find(article_places_.begin(), article_places_.end(), e.id) == article_places_.end())
      article_places_.push_back(e.id);

  // 2-5. Rules, left to right over what the gazetteer left.
  std::vector<Entity>& found = found_;
  found.clear();
  found.swap(out);  // gazetteer entities; rules append to `out`, merged below
  auto remember = [&](const Entity& e, std::span<const Token> toks) {
    if (e.type == EntityType::Place) return;
    for (const Known& k : article_)
      if (k.type == e.type && k.id == e.id) return;
    Known k{e.type, e.id, e.name, {}};
    if (e.type == EntityType::Person) {
      std::vector<std::string_view> norms;
      for (std::uint32_t t = e.first; t < e.last; ++t) norms.push_back(toks[t].norm);
      norms[0] = norms[0].substr(std::min<std::size_t>(e.begin - toks[e.first].begin, norms[0].size()));
      k.keys = person_keys(norms);
      // A lineage spanned after the name (بن عبدالعزيز, آل سعود) is no part of
      // what the article calls them: the keys end at their surname, so "الفيصل"
      // alone is still خالد الفيصل بن عبدالعزيز.
      if (!e.surname.empty())
        if (const auto at = std::find(k.keys.begin() + 1, k.keys.end(), e.surname); at != k.keys.end())
          k.keys.erase(at + 1, k.keys.end());
      article_.push_back(std::move(k));
      return;
    }
    for (std::uint32_t t = e.first; t < e.last; ++t) k.keys.emplace_back(token_key(toks[t].norm));
    if (!k.keys.empty() && e.begin != toks[e.first].begin) {
      // The first word carried clitics: key the word without them.
      std::string_view variants[3];
      const std::size_t n = clitic_variants(toks[e.first].norm, variants);
      const std::size_t cut = e.begin - toks[e.first].begin;
      for (std::size_t v = 0; v < n; ++v)
        if (toks[e.first].norm.size() - variants[v].size() == cut) k.keys[0] = std::string(token_key(variants[v]));
    }
    article_.push_back(std::move(k));
  };
  for (const Entity& e : found) remember(e, tokens);

  // A word news uses in names (a name part of name-words.tsv: بندر, صالح, سفر)
  // or a rare word before بن or بنت and a given name or another name part is a given name
  // itself, though it is an ordinary word too: "وقال بندر بن سلطان", "وأكد
  // سفر بن غالب الضويحي". (Not a listed person's surname that is one alone.)
  for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
    if (!father_link(tokens[i + 1].norm)) continue;  // (rare: checked first)
    if (covered_[i] || s.given[i] || !s.word(i) || tokens[i].stopword || is_definite(tokens[i].norm) ||
        l.any_title(tokens[i].norm) || l.non_names.find(tokens[i].norm) >= 0 || l.is_head(tokens[i].norm) ||
        l.place_cues.find(tokens[i].norm) >= 0 || l.institutions.find(tokens[i].norm) >= 0)
      continue;
    // (Or a rare word, not a verb: "سعيد بن حمد الغامدي", "عاطي بن عطية القرشي".)
    if (!gazetteer_.is_name_part(tokens[i].norm) &&
        (s.common(i) || l.is_verb(tokens[i].norm) || code_points(tokens[i].norm) < 3 || s.suffixed(i) ||
         starts_with(tokens[i].norm, "و") || tokens[i].norm.find('.') != std::string_view::npos))  // (د.خالد)
      continue;
    if (!s.word(i + 1) || !joins_words(text, tokens[i].end, tokens[i + 1].begin) ||
        !s.word(i + 2) || covered_[i + 2] || !joins_words(text, tokens[i + 1].end, tokens[i + 2].begin))
      continue;
    if (!(s.given[i + 2] || s.ali(i + 2) || gazetteer_.is_name_part(tokens[i + 2].norm))) continue;
    s.given[i] = GazetteerMatch{i, i + 1, 0, 0};
    common_memo_[i] = -1;
  }

  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (covered_[i] || !s.word(i) || tokens[i].stopword) continue;
    const std::string_view norm = tokens[i].norm;

    // 2. Person after a title.
    const bool nationality = (starts_with(norm, "ال") || starts_with(norm, "وال")) && is_nisba(norm) &&
                             !(i > 0 && s.word(i - 1) && joins_words(text, tokens[i - 1].end, tokens[i].begin) &&
                               is_definite(tokens[i - 1].norm)) &&
                             l.title(norm) < 0 && l.link(norm) < 0 && is_definite(norm) && s.place_nisba(norm, true);
    const int cb = l.title(norm) >= 0                                          ? l.title(norm)
                   : (l.link(norm) >= 0 && i + 1 < tokens.size() && l.title(tokens[i + 1].norm) >= 0) ? l.link(norm)
                   // A definite nationality used as a noun introduces a name as a
                   // title does ("والفرنسي ليليان تورام", "البرتغالي مانويل
                   // كاجودا"); the name rules below still need two words or a
                   // known given name.
                   // (Not as the adjective of a definite noun before it: "الشرطة
                   // البريطانية", "القوانين الصينية".)
                   : nationality ? 0
                                                                                               : -1;
    // "جامعة الملك سعود": a title after an institution noun names the institution.
    // (In construct only: "وكيل الجامعة الدكتور عبدالله بن عمر النجار" is the
    // university's vice-rector.)
    const bool institution = i > 0 && s.word(i - 1) && l.institutions.find(tokens[i - 1].norm) >= 0 &&
                             !is_definite(tokens[i - 1].norm) && joins_words(text, tokens[i - 1].end, tokens[i].begin);
    // (The name after it is the institution's, its lineage and adjectives too:
    // no rule takes "عبدالعزيز الدولي" out of مطار الأمير محمد بن عبدالعزيز
    // الدولي.)
    if (cb >= 0 && institution && l.name_titles.find(norm) >= 0 && i + 1 < tokens.size() && s.word(i + 1) && !covered_[i + 1] &&
        joins_words(text, tokens[i].end, tokens[i + 1].begin)) {
      std::size_t k = std::max(s.name_at(i + 1).first, i + 2);
      while (k < tokens.size() && s.word(k) && !covered_[k] && joins_words(text, tokens[k - 1].end, tokens[k].begin) &&
             (lineage_link(tokens[k].norm) || (k > 0 && lineage_link(tokens[k - 1].norm)) ||
              (is_definite(tokens[k].norm) && is_nisba(tokens[k].norm))))
        ++k;
      for (std::size_t t = i; t < k; ++t) covered_[t] = 3;
      i = k - 1;
      continue;
    }
    if (cb >= 0 && !institution) {
      std::size_t j = i + 1;
      for (int steps = 0; j < tokens.size() && steps < 10; ++steps) {
        if (breaks_sentence(text, tokens[j - 1].end, tokens[j].begin)) break;
        if (covered_[j]) {
          // A known organization or place in the affiliation: skip it.
          std::size_t end = j;
          // (A place's span may begin after a descriptor its match covers: دولة قطر.)
          for (const Entity& e : found)
            if (e.first >= j && e.last > j && e.type != EntityType::Person &&
                std::all_of(covered_.begin() + static_cast<std::ptrdiff_t>(j),
                            covered_.begin() + static_cast<std::ptrdiff_t>(e.first), [](signed char c) { return c == 1; }) &&
                (e.first == j || e.type == EntityType::Place))
              end = std::max(end, static_cast<std::size_t>(e.last));
          for (const Entity& e : out)
            if (e.first == j && e.type != EntityType::Person) end = e.last;
          if (end == j) break;
          j = end;
          continue;
        }
        if (!s.word(j)) break;
        // A listed person's surname alone ends the affiliation (الرئيس الأسد).
        if (s.listed_surname(j)) break;
        const std::string_view w = tokens[j].norm;
        if (s.given_title(j)) break;
        if (l.title(w) >= 0 || l.link(w) >= 0 || l.chain_words.find(w) == 0) {
          // (After في or لدى comes the place or body, not a bare word: "في عهد
          // أحمد المرزوقي" is "in the time of".)
          if ((w == l.in_key || w == l.at_key) &&
              !(j + 1 < tokens.size() &&
                (covered_[j + 1] ||
                 (s.word(j + 1) && (is_definite(tokens[j + 1].norm) || l.is_head(tokens[j + 1].norm) ||
                                    l.place_cues.find(tokens[j + 1].norm) >= 0 ||
                                    gazetteer_.match_at(text, tokens, j + 1).has_value())))))
            break;
          ++j;
          continue;
        }
        bool head_definite = false;
        if (const int hb = l.head(w, head_definite); hb >= 0) {
          bool generic = false;
          if (auto e = s.org_at(j, static_cast<std::uint32_t>(hb), head_definite, &generic)) {
            // A description (هيئة الدفاع) is skipped as part of the affiliation.
            const std::size_t end = e->last;
            if (generic) {
              std::fill(covered_.begin() + static_cast<std::ptrdiff_t>(j),
                        covered_.begin() + static_cast<std::ptrdiff_t>(end), 0);
            } else {
              remember(*e, tokens);
              out.push_back(std::move(*e));
            }
            j = end;
            continue;
          }
        }
        if (tokens[j].stopword) break;
        // (A word that names never contain is part of the affiliation when the
        // name follows it directly: "رئيس الحكومة نوري المالكي", "الرئيس
        // السابق عبدو ضيوف"; not "رئيس الحكومة، بمحاكمة دشتي".)
        if (starts_with(w, "ال") && is_definite(w) && l.time_words.find(w) < 0 &&
            (l.non_names.find(w) < 0 ||
             (j + 1 < tokens.size() && joins_words(text, tokens[j].end, tokens[j + 1].begin)))) {
          ++j;
          continue;
        }
        // (Nor is a portfolio with ل: "وزير الدولة للشؤون الخارجية كيم
        // هاولز", "نائب الرئيس للشؤون الاقتصادية"; a definite word follows it.)
        if (starts_with(w, "لل") && is_definite(w) && code_points(w) >= 5 && l.time_words.find(w) < 0 && j + 1 < tokens.size() && s.word(j + 1) &&
            joins_words(text, tokens[j].end, tokens[j + 1].begin) && starts_with(tokens[j + 1].norm, "ال") &&
            is_definite(tokens[j + 1].norm)) {
          ++j;
          continue;
        }
        // An indefinite nisba continues a construct (وزير خارجية …), not a
        // definite word, which its adjective would agree with: "الشيخ
        // بحيري" is a name.
        if (!is_definite(w) && is_nisba(w) && code_points(w) >= 5 && l.non_names.find(w) < 0 &&
            !is_definite(tokens[j - 1].norm)) {
          ++j;
          continue;
        }
        break;
      }
      // After a nationality, the name starts with a known given name or a rare
      // word ("البابلي | بمشاركة فتحي"), outside parentheses ("( الفرنسية )":
      // a news agency's credit).
      const auto gap_before = [&](std::size_t t) {  // the text between token t-1 (or the start) and t
        const std::uint32_t from = t > 0 ? tokens[t - 1].end : 0;
        return text.substr(from, tokens[t].begin - from);
      };
      const auto gap_after = [&](std::size_t t) {  // the text between token t and t+1 (or the end)
        const std::uint32_t to = t + 1 < tokens.size() ? tokens[t + 1].begin : static_cast<std::uint32_t>(text.size());
        return text.substr(tokens[t].end, to - tokens[t].end);
      };
      // (Or a word news also uses in names before a rare one: "التشيلي بول
      // كابديفيا".)
      const auto rare_next = [&](std::size_t t) {
        return t + 1 < tokens.size() && s.word(t + 1) && !covered_[t + 1] && !tokens[t + 1].stopword &&
               joins_words(text, tokens[t].end, tokens[t + 1].begin) && !s.common(t + 1) &&
               !is_definite(tokens[t + 1].norm);
      };
      const bool nationality_ok = !nationality || (j < tokens.size() &&
                                                   (s.given[j] || !s.common(j) ||
                                                    (s.name_part(j) && !s.ordinary(j) && rare_next(j))) &&
                                                   gap_before(i).find('(') == std::string_view::npos &&
                                                   gap_after(i).find(')') == std::string_view::npos);
      // (A name with و after the affiliation starts the next item of a list:
      // "وزير الدولة للشؤون الخارجية، وخالد بن علي الحميدان".)
      const bool next_item = j > i + 1 && j < tokens.size() && s.leading_conjunction(j) > 0;
      if (nationality_ok && !next_item && j < tokens.size() &&
          !breaks_sentence(text, tokens[j - 1].end, tokens[j].begin)) {
        // "الرئيس بوش", "الرئيس المصري مبارك": a listed person's surname alone.
        if (s.surname_person(j, EntityRule::Title)) {
          remember(out.back(), tokens);
          i = j;
          continue;
        }
        const auto [k, words] = s.name_at(j);
        // One rare word alone names only after a title that news puts before
        // names alone (الرئيس, الشيخ, not اللاعب or الفريق), right after it
        // or after its definite adjectives ("الرئيس الفنزويلي شافيز").
        bool one_rare = !nationality && is_definite(norm) && l.name_titles.find(norm) >= 0 &&
                        !starts_with(tokens[j].norm, "و") &&
                        !starts_with(tokens[j].norm, "ف");
        for (std::size_t t = i + 1; t < j && one_rare; ++t) one_rare = s.word(t) && is_definite(tokens[t].norm);
        if (s.person(j, k, words, EntityRule::Title, s.given[j] ? s.given[j]->clitic_bytes : 0, one_rare)) {
          remember(out.back(), tokens);
          i = k - 1;
          continue;
        }
      }
    }

    // 2b. A person named right after a speech verb ("وقال بلير إن", "وأكد
    // كوفي أنان أن"): 1-3 name words, at least one of them rare; one word only
    // when a clause or the sentence follows (إن/أن, punctuation).
    // (A verb has no article: "التابع لمقاطعة جاوا" is "belonging to".)
    const bool after_verb = i > 0 && !covered_[i - 1] && s.word(i - 1) &&
                            l.subject_verbs.find(tokens[i - 1].norm) >= 0 && !is_definite(tokens[i - 1].norm) &&
                            joins_words(text, tokens[i - 1].end, tokens[i].begin);
    const bool after_action = i > 0 && !covered_[i - 1] && s.word(i - 1) &&
                              l.action_verbs.find(tokens[i - 1].norm) >= 0 && !is_definite(tokens[i - 1].norm) &&
                              joins_words(text, tokens[i - 1].end, tokens[i].begin);
    // "وكرر بوش القول", "ورفض بوش وبلير": a listed person's surname alone.
    if ((after_verb || after_action) && s.surname_person(i, EntityRule::Subject)) {
      remember(out.back(), tokens);
      continue;
    }
    if (after_verb && !s.given[i] && !s.ordinary(i) && !s.plural_of_ordinary(i) && !s.clitic_ordinary(i)) {
      // (An ordinary word that names never contain starts no name: "قال
      // أعضاء بارزون", "قال مسؤولون".)
      const auto [k, words] = s.collect_name(i, false);
      // At least one word must be rare (not in common-words.tsv): كوفي is, أنان is not.
      bool rare = false;
      for (std::size_t t = i; t < k && !rare; ++t) rare = !s.connector(t) && !s.common(t);
      // (A quotation mark opens the words quoted: "وأكد غريب « لدينا".)
      const bool clause = k >= tokens.size() || !joins_words(text, tokens[k - 1].end, tokens[k].begin) ||
                          has_quote(text, tokens[k - 1].end, tokens[k].begin) ||
                          l.clause_words.find(tokens[k].norm) == 0 ||
                          // "وأشار هيرين إلى أن": إلى and a clause.
                          (tokens[k].norm == l.to_norm && k + 1 < tokens.size() && s.word(k + 1) &&
                           l.clause_words.find(tokens[k + 1].norm) == 0) ||
                          (is_definite(tokens[k].norm) && l.time_words.find(tokens[k].norm) >= 0);  // ورفض بولتون الأحد
      if (rare && (words >= 2 || clause) && code_points(tokens[i].norm) >= 3) {
        std::vector<std::string> keys;
        Entity e = s.make_person(EntityRule::Subject, i, k, 0, keys);
        // A surname alone is the person named earlier in the article, when there is one.
        if (keys.size() == 1)
          for (const Known& known : article_)
            if (known.type == EntityType::Person && known.keys.size() >= 2 && known.keys.back() == e.surname) {
              e.id = known.id;
              e.name = known.name;
            }
        if (e.name.empty()) e.name = clean_surface(text.substr(e.begin, e.end - e.begin));
        for (std::size_t t = i; t < k; ++t) covered_[t] = 2;
        remember(e, tokens);
        out.push_back(std::move(e));
        i = k - 1;
        continue;
      }
    }

    // 3. Person from a given name; not after a title that follows an
    // institution noun (مستشفى الملك فيصل التخصصي names the hospital).
    // So does a given name right after a facility named after people (مطار
    // محمد الخامس, شارع محمد علي): the whole name is the facility's, and no
    // rule takes the rest of it (مؤسسة عبدالعزيز سعود البابطين: no person
    // سعود البابطين).
    if (s.given[i] && i >= 1 && s.word(i - 1) && joins_words(text, tokens[i - 1].end, tokens[i].begin) &&
        s.named_facility(i - 1)) {
      const std::size_t k = std::max(s.name_at(i).first, i + 1);
      for (std::size_t t = i; t < k; ++t) covered_[t] = 3;
      i = k - 1;
      continue;
    }
    if (s.given[i] && !(i >= 2 && s.word(i - 1) && s.word(i - 2) && l.title(tokens[i - 1].norm) >= 0 &&
                        l.institutions.find(tokens[i - 2].norm) >= 0)) {
      const std::size_t after = s.given[i]->end;
      // An ordinary phrase that starts with the name is no person (حسن
      // الجوار: good neighbourliness; phrases.tsv).
      if (after == i + 1 && s.word(after) && joins_words(text, tokens[i].end, tokens[after].begin) &&
          gazetteer_.is_phrase(std::string_view(tokens[i].norm).substr(s.given[i]->clitic_bytes), tokens[after].norm)) {
        covered_[i] = covered_[after] = 3;
        i = after;
        continue;
      }
      const auto [k, words] = s.collect_name(after, true, 3, 1);
      if (words >= 1 && s.person(i, k, words + 1, EntityRule::GivenName, s.given[i]->clitic_bytes)) {
        remember(out.back(), tokens);
        i = k - 1;
        continue;
      }
      // A kunya before a given name alone is a name by itself (أبو بكر, ورفض أبو
      // عبد الله), as before any name (the kunya pass below); not inside a
      // lineage (معاوية بن أبي سفيان: the name-word rule takes it whole).
      if (i >= 1 && s.given[i]->clitic_bytes == 0 && s.word(i - 1) && !covered_[i - 1] &&
          joins_words(text, tokens[i - 1].end, tokens[i].begin) &&
          !(i >= 2 && s.word(i - 2) && l.connectors.find(tokens[i - 2].norm) == 0)) {
        if (const int kb = l.kunya.find(tokens[i - 1].norm); kb >= 0) {
          std::vector<std::string> keys;
          Entity e = s.make_person(EntityRule::GivenName, i - 1, after, static_cast<std::uint32_t>(kb), keys);
          e.name = clean_surface(text.substr(e.begin, e.end - e.begin));
          for (std::size_t t = i - 1; t < after; ++t) covered_[t] = 2;
          remember(e, tokens);
          out.push_back(std::move(e));
          i = after - 1;
          continue;
        }
      }
    }

    // 3b. A family name after a family, clan or dynasty (عائلة الحريري, أسرة
    // مينغ): one rare word, definite or not, and not an ordinary word, a title,
    // a place or an organization.
    if (const int fb = l.family_cues.find(norm); fb >= 0 && !is_definite(norm.substr(fb)) && i + 1 < tokens.size()) {
      const std::size_t j = i + 1;
      if (s.word(j) && !covered_[j] && !tokens[j].stopword && joins_words(text, tokens[i].end, tokens[j].begin) &&
          !has_quote(text, tokens[i].end, tokens[j].begin) && !s.common(j) && !s.given[j] && !s.suffixed(j) &&
          code_points(token_key(tokens[j].norm)) >= 2 && l.non_names.find(tokens[j].norm) < 0 &&
          !l.any_title(tokens[j].norm) && !l.is_head(tokens[j].norm) && !l.is_verb(tokens[j].norm) &&
          l.place_cues.find(tokens[j].norm) < 0 && !is_nisba(tokens[j].norm) &&
          !gazetteer_.match_at(text, tokens, j).has_value()) {
        std::vector<std::string> keys;
        Entity e = s.make_person(EntityRule::Family, j, j + 1, 0, keys);
        e.name = clean_surface(text.substr(e.begin, e.end - e.begin));
        covered_[j] = 2;
        out.push_back(std::move(e));
        i = j;
        continue;
      }
    }

    // 3c. ابن and a rare name at the start of a name (ابن بطوطة, ابن الأبار):
    // a name by itself, as a kunya is; not inside a lineage (a name word before
    // it), not before an ordinary word (ابن الملك, ابن عمه).
    if (token_key(norm) == l.ibn_key && !is_definite(norm) && i + 1 < tokens.size() &&
        !(i > 0 && s.word(i - 1) && joins_words(text, tokens[i - 1].end, tokens[i].begin) &&
          (covered_[i - 1] || s.given[i - 1] || !s.common(i - 1)))) {
      const std::size_t j = i + 1;
      if (s.word(j) && !covered_[j] && !tokens[j].stopword && joins_words(text, tokens[i].end, tokens[j].begin) &&
          !s.common(j) && !s.given[j] && !s.suffixed(j) && code_points(token_key(tokens[j].norm)) >= 3 &&
          l.non_names.find(tokens[j].norm) < 0 && !l.any_title(tokens[j].norm) && !l.is_head(tokens[j].norm) &&
          !l.is_verb(tokens[j].norm) && l.connectors.find(tokens[j].norm) < 0 && !is_nisba(tokens[j].norm) &&
          !gazetteer_.match_at(text, tokens, j).has_value()) {
        std::vector<std::string> keys;
        Entity e = s.make_person(EntityRule::Family, i, j + 1, 0, keys);
        e.name = clean_surface(text.substr(e.begin, e.end - e.begin));
        covered_[i] = covered_[j] = 2;
        remember(e, tokens);
        out.push_back(std::move(e));
        i = j;
        continue;
      }
    }

    // 4. Place after a cue.
    if (const int cb = l.place_cue(norm); cb >= 0 && !is_definite(norm.substr(cb)) &&
                                                 !(norm.substr(cb) == l.town_norm && s.written_ends_with(i, "ه"))) {
      const std::size_t j = i + 1;
      if (j < tokens.size() && s.word(j) && !covered_[j] && !tokens[j].stopword &&
          joins_words(text, tokens[i].end, tokens[j].begin)) {
        const std::string_view w = tokens[j].norm;
        // The first word of a longer name takes the word after it (قرية آل
        // شريم, قضاء بيت الشباب), and that one the next if it is one too
        // (بلدة خان بني سعد).
        std::size_t construct_end = j;
        while (l.construct_word(tokens[construct_end].norm) && construct_end + 1 < tokens.size() &&
               s.word(construct_end + 1) && !covered_[construct_end + 1] && !tokens[construct_end + 1].stopword &&
               joins_words(text, tokens[construct_end].end, tokens[construct_end + 1].begin) &&
               l.time_words.find(tokens[construct_end + 1].norm) < 0 &&
               l.place_nouns.find(tokens[construct_end + 1].norm) < 0)
          ++construct_end;
        // After قضاء ("spending", "settling", "judiciary"): an indefinite word
        // that is ordinary with the article is an adjective ("قضاء عادل":
        // العادل), a word with a possessive suffix an object ("قضاء حوائجكم",
        // "قضاء إجازتنا").
        const bool district = token_key(norm.substr(cb)) == l.district_key;
        const bool district_object =
            district && ((!is_definite(w) && gazetteer_.is_common("ال" + std::string(w))) ||
                         s.written_ends_with(j, "كم") || s.written_ends_with(j, "نا") ||
                         s.written_ends_with(j, "هن") || s.written_ends_with(j, "كن"));
        const bool camp = token_key(norm.substr(cb)) == l.camp_key;
        std::size_t k = 0;  // the place's end, 0 for none
        if (construct_end > j) k = construct_end + 1;
        // An indefinite word ending in ة after a cue is an adjective (مدينة كبيرة);
        // ب and an ordinary word is no name ("احتفالية حي بإمكانيات متعددة": live).
        const bool with_bi = starts_with(w, "ب") && code_points(w) >= 5 && gazetteer_.is_common(w.substr(2));
        const bool ok = code_points(token_key(w)) >= 2 && !is_nisba(w) && (is_definite(w) || !ends_with(w, "ه")) &&
                        !gazetteer_.is_common(w) && !gazetteer_.is_common(token_key(w)) && !district_object &&
                        !l.construct_word(w) && !with_bi &&
                        l.place_nouns.find(w) < 0 &&
                        l.non_names.find(w) < 0 && l.time_words.find(w) < 0 && l.title(w) < 0 &&
                        !l.is_head(w) && l.place_cues.find(w) < 0 &&
                        // (Nor a word with a pronoun suffix: "في مدينة يقطنها"; nor, after
                        // قضاء, a definite plural: "قضاء العطلات" spends the holidays.)
                        !s.suffixed(j) &&
                        !(district && is_definite(w) && ends_with(w, "ات"));
        if (!k && ok) {
          k = j + 1;
          if (!is_definite(w) && k < tokens.size() && s.word(k) && !covered_[k] && !tokens[k].stopword &&
              joins_words(text, tokens[j].end, tokens[k].begin) && is_definite(tokens[k].norm) &&
              !is_nisba(tokens[k].norm) && l.place_nouns.find(tokens[k].norm) < 0 &&
              // (Not a feminine participle agreeing with the cue: "مدينة تشوانتشو
              // المعروفة", nor an ordinary word that starts the clause: "تحتضن
              // مدينة أكادير المعرض".)
              !(starts_with(tokens[k].norm, "الم") && ends_with(tokens[k].norm, "ه")) && !s.common(k) &&
              l.time_words.find(tokens[k].norm) < 0)
            ++k;
        }
        if (k) {
          Entity e = s.make(EntityType::Place, EntityRule::PlaceCue, camp ? i : j, k,
                            camp ? static_cast<std::uint32_t>(cb) : 0);
          e.name = clean_surface(text.substr(e.begin, e.end - e.begin));
          e.id = l.normalizer.normalize(e.name);
          for (std::size_t t = e.first; t < k; ++t) covered_[t] = 2;
          out.push_back(std::move(e));
          i = k - 1;
          continue;
        }
      }
    }

    // 5. Organization from a head.
    bool head_definite = false;
    if (const int hb = l.head(norm, head_definite); hb >= 0) {
      bool generic = false;
      if (auto found_org = s.org_at(i, static_cast<std::uint32_t>(hb), head_definite, &generic)) {
        Entity e = std::move(*found_org);
        const std::size_t end = e.last;
        // The start of an organization named earlier in the article is that one.
        std::vector<std::string> keys;
        for (std::size_t t = e.first; t < end; ++t) keys.emplace_back(token_key(tokens[t].norm));
        if (hb > 0 && e.first == i) keys[0] = std::string(token_key(norm.substr(static_cast<std::size_t>(hb))));
        for (const Known& k : article_)
          if (k.type == EntityType::Org && k.keys.size() > keys.size() &&
              std::equal(keys.begin(), keys.end(), k.keys.begin())) {
            e.id = k.id;
            e.name = k.name;
            e.rule = EntityRule::OrgPrefix;
            break;
          }
        // A description (القيادة السياسية, هيئة الدفاع) is no organization,
        // unless it starts one the article named (القيادة المركزية).
        if (generic && e.rule != EntityRule::OrgPrefix) {
          std::fill(covered_.begin() + static_cast<std::ptrdiff_t>(i),
                    covered_.begin() + static_cast<std::ptrdiff_t>(end), 0);
          i = end - 1;
          continue;
        }
        remember(e, tokens);
        out.push_back(std::move(e));
        i = end - 1;
        continue;
      }
    }

    // A surname of a person named earlier in the article.
    if (!s.given[i]) {
      std::string_view variants[3];
      std::string_view cands[4] = {norm};
      const std::size_t nv = 1 + clitic_variants(norm, variants);
      for (std::size_t v = 1; v < nv; ++v) cands[v] = variants[v - 1];
      for (std::size_t v = 0; v < nv; ++v) {
        const std::string_view key = token_key(cands[v]);
        // The person named earlier whose surname this is (the last one), if any:
        // looked up first, as almost no word is one.
        const Known* hit = nullptr;
        for (const Known& k : article_)
          if (k.type == EntityType::Person && k.keys.size() >= 2 && k.keys.back() == key) hit = &k;
        if (!hit) continue;
        if (code_points(key) < 3 || not_surname(key)) continue;
        // A surname that is an ordinary word is the person only as written
        // alone: "لصالح" (in favour of) is no صالح after علي عبد الله صالح;
        // and a definite word or nisba that names never contain not even so:
        // "رفض اللاعب السفر" is no محمد السفر, "قيادي مصري" no أبو عبيدة
        // المصري (a bare one may be: نجاد, فان خال).
        if (v > 0 && (gazetteer_.is_common(cands[v]) || gazetteer_.is_common(key))) continue;
        if (v == 0 && s.ordinary(i) && (is_definite(norm) || is_nisba(norm))) continue;
        // (Nor a feminine nisba with the article, an adjective or a body's
        // name: "كانت العربية للعود السباقة" after نشأت العربية.)
        if (is_definite(cands[v]) && ends_with(key, "يه") && code_points(key) >= 5) continue;
        // (Nor a definite word after a demonstrative: "هذا المخطوط" is the
        // manuscript, not عمر المخطوط.)
        // (بذلك and لذلك are "thereby", "therefore": "ودخل بذلك المولد".)
        if (const int mb = i > 0 && s.word(i - 1) ? l.noun_markers.find(tokens[i - 1].norm) : -1;
            is_definite(cands[v]) && mb >= 0 && !(mb > 0 && ends_with(tokens[i - 1].norm, "ذلك")) &&
            joins_words(text, tokens[i - 1].end, tokens[i].begin))
          continue;
        // A definite nisba right after a definite word is its adjective ("الشطر
        // التركي" after أبو عبد الله التركي), not the person.
        if (is_definite(cands[v]) && is_nisba(cands[v]) && i > 0 && s.word(i - 1) &&
            starts_with(tokens[i - 1].norm, "ال") && is_definite(tokens[i - 1].norm))
          continue;
        Entity e = s.make(EntityType::Person, EntityRule::Surname, i, i + 1,
                          static_cast<std::uint32_t>(norm.size() - cands[v].size()));
        e.id = hit->id;
        e.name = hit->name;
        e.surname.assign(key);
        covered_[i] = 2;
        out.push_back(std::move(e));
        break;
      }
    }
  }

  // 6. Names of words that news uses mostly for people (name-words.tsv),
  // alone or in a run: "بلير", "وقال بوش", "كوفي عنان". Runs after every other
  // rule, on the words they left, so that it never changes what they find.
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    int cb = s.name_word_at(i, true);
    if (cb < 0) continue;
    // "مستشفى الملك فهد", "جامعة الملك سعود", "مطار محمد الخامس": the name of
    // an institution.
    if (i >= 2 && s.word(i - 1) && s.word(i - 2) && l.title(tokens[i - 1].norm) >= 0 &&
        l.institutions.find(tokens[i - 2].norm) >= 0)
      continue;
    if (i >= 1 && s.word(i - 1) && joins_words(text, tokens[i - 1].end, tokens[i].begin) && s.named_facility(i - 1))
      continue;
    std::size_t k = i + 1;
    int words = 1;
    // The name's start may lie before the mined word: a connector and the word
    // before it (شكيب بن موسى, أبو أيوب, معاوية بن أبي سفيان) or one rare word
    // (طه حسين, عادل فتحي); the first word may then carry و (وجمال حمزة).
    const std::size_t mined = i;
    // (Not before a word that carries و: it starts the next name of a list,
    // "وجناح فاخوري وخالد السيد".)
    for (std::size_t b = i; b > 0 && cb == 0;) {
      const std::size_t p = b - 1;
      // (Nor across a quotation mark: "منشورات نزار قباني " تزوج نزار".)
      if (!joins_words(text, tokens[p].end, tokens[b].begin) || has_quote(text, tokens[p].end, tokens[b].begin)) break;
      if (s.connector(p)) {
        b = p;
        // (Not an ordinary word before a kunya: "خروج أبي زيد".)
        if (b > 0 && s.free_name_word(b - 1) && joins_words(text, tokens[b - 1].end, tokens[b].begin) &&
            !(l.kunya.find(tokens[b].norm) >= 0 && s.common(b - 1))) {
          b = b - 1;
          i = b;
          cb = s.leading_conjunction(b);
          continue;
        }
        i = b;
        cb = s.leading_conjunction(b);
        continue;
      }
      if (b == mined && s.free_name_word(p) && !s.common(p)) {
        i = p;
        cb = s.leading_conjunction(p);
      }
      break;
    }
    while (k < tokens.size() && words < 4 && joins_words(text, tokens[k - 1].end, tokens[k].begin)) {
      if (s.connector(k) && k + 1 < tokens.size() && s.name_word_at(k + 1, false) >= 0) {
        k += 2;
        ++words;
        continue;
      }
      if (s.name_word_at(k, false) < 0) break;
      ++k;
      ++words;
    }
    // A single word before a number is not a name ("توفي عن عمر 75 عاما").
    if (k == mined + 1 && i == mined && k < tokens.size() && tokens[k].kind == TokenKind::Number) continue;
    // A mined first name may take one rare word after it (خوان بالاسيوس).
    if (k == i + 1 && k < tokens.size() && joins_words(text, tokens[k - 1].end, tokens[k].begin) &&
        s.free_name_word(k) && !s.common(k) && !starts_with(tokens[k].norm, "و") && s.clean_end(k + 1))
      ++k;
    std::vector<std::string> keys;
    Entity e = s.make_person(EntityRule::NameWord, i, k, static_cast<std::uint32_t>(cb), keys);
    if (keys.size() == 1)
      for (const Known& known : article_)
        if (known.type == EntityType::Person && known.keys.size() >= 2 &&
            (known.keys.back() == e.surname || known.keys.front() == e.surname)) {
          e.id = known.id;
          e.name = known.name;
        }
    // A given name alone (محمد, يوسف) names nobody in particular unless the
    // article has named that person in full.
    if (e.name.empty() && k == i + 1 && s.given[i]) continue;
    if (e.name.empty()) e.name = clean_surface(text.substr(e.begin, e.end - e.begin));
    for (std::size_t t = i; t < k; ++t) covered_[t] = 2;
    out.push_back(std::move(e));
    i = k - 1;
  }

  // A kunya: أبو/أبي before a person the rules found is the start of the name
  // (أبو حمزة المصري, خروج أبي زيد, وأبو عبد الله التركي); so is علي.
  for (Entity& e : out) {
    if (e.type != EntityType::Person || e.first == 0 || e.begin != tokens[e.first].begin) continue;
    const std::size_t p = e.first - 1;
    if (!s.word(p) || covered_[p] || !joins_words(text, tokens[p].end, tokens[e.first].begin)) continue;
    // علي written with ي (the preposition is على, which the normalizer folds
    // with it) before a name of two words or more is the given name (علي حسن
    // المجيد); not before a name that starts a list item (علي | وهاني).
    const std::string_view written = text.substr(tokens[p].begin, tokens[p].end - tokens[p].begin);
    const bool ali = written == "علي" && e.last - e.first >= 2 && !starts_with(tokens[e.first].norm, "و");
    const int cb = ali ? 0 : l.kunya.find(tokens[p].norm);
    if (cb < 0) continue;
    const bool surface = e.name == clean_surface(text.substr(e.begin, e.end - e.begin));
    // The id stays that of the name found (the article's memory knows it so).
    Entity k = s.make(EntityType::Person, e.rule, p, e.last, static_cast<std::uint32_t>(cb));
    k.surname = e.surname;
    k.id = e.id;
    k.name = surface ? clean_surface(text.substr(k.begin, k.end - k.begin)) : e.name;
    covered_[p] = 2;
    e = std::move(k);
  }

  // A listed person's name right after more of a name is one name: a person
  // the rules found (الرئيس المصري محمد | حسني مبارك) or a given name (هانس |
  // بليكس, هيرمان | أينشتاين). The listed person's id is kept, except when a
  // first name other than theirs precedes their bare surname: that is someone
  // else of the family (هيرمان أينشتاين is not ألبرت أينشتاين); one letter
  // apart is a spelling of theirs (هانس, هانز).
  {
    bool merged = false;
    for (Entity& g : found) {
      if (g.type != EntityType::Person || g.first == 0 || g.begin != tokens[g.first].begin) continue;
      const std::size_t p = g.first - 1;
      if (!s.word(p) || !joins_words(text, tokens[p].end, tokens[g.first].begin)) continue;
      const GazetteerEntry* entry = nullptr;
      if (const auto m = gazetteer_.match_at(text, tokens, g.first); m && m->end == g.last)
        entry = &gazetteer_.entry(m->entry);
      if (!entry || entry->type != EntityType::Person) continue;
      const bool surname_only = g.last - g.first == 1;
      Entity* rule = nullptr;  // a rule person that ends right before it
      for (Entity& r : out)
        if (r.type == EntityType::Person && r.last == g.first) rule = &r;
      std::size_t start = g.first;
      std::uint32_t clitics = 0;
      if (rule) {
        start = rule->first;
        clitics = static_cast<std::uint32_t>(rule->begin - tokens[rule->first].begin);
      } else if (covered_[p]) {
        continue;
      } else if (s.given[p] && s.given[p]->end == g.first) {
        start = p;
        clitics = s.given[p]->clitic_bytes;
      } else if (p > 0 && s.given[p - 1] && s.given[p - 1]->end == g.first && !covered_[p - 1]) {
        start = p - 1;  // a given name of two words (عبد الله)
        clitics = s.given[p - 1]->clitic_bytes;
      } else {
        continue;
      }
      Entity e = s.make(EntityType::Person, g.rule, start, g.last, clitics);
      e.surname = g.surname;
      e.name = clean_surface(text.substr(e.begin, e.end - e.begin));
      e.id = g.id;
      if (surname_only) {
        // Another first name before a bare surname: another person, unless it
        // is a spelling of theirs (one letter apart: هانس, هانز).
        const std::vector<std::string> keys = s.name_keys(start, g.last, clitics);
        const std::size_t sp = entry->id.find(' ');
        const std::string_view first_key = token_key(std::string_view(entry->id).substr(0, sp));
        if (sp != std::string::npos && letters_apart(keys.front(), first_key) > 1) e.id = person_id(keys);
      }
      for (std::size_t t = start; t < g.last; ++t) covered_[t] = 2;
      if (rule) rule->type = EntityType::Given;  // dropped below (no rule finds a Given)
      g = std::move(e);
      merged = true;
    }
    if (merged)
      out.erase(std::remove_if(out.begin(), out.end(), [](const Entity& e) { return e.type == EntityType::Given; }),
                out.end());
  }

  // A place that an organization's name holds (جامعة زيورخ, قوات سوريا
  // الديمقراطية) is part of that name, not a place of its own.
  for (const Entity& o : out)
    if (o.type == EntityType::Org && (o.rule == EntityRule::OrgHead || o.rule == EntityRule::OrgPrefix))
      found.erase(std::remove_if(found.begin(), found.end(),
                                 [&](const Entity& g) {
                                   return g.type == EntityType::Place && g.first >= o.first && g.last <= o.last;
                                 }),
                  found.end());

  // Merge: gazetteer entities and rule entities, in text order.
  found.insert(found.end(), std::make_move_iterator(out.begin()), std::make_move_iterator(out.end()));
  std::sort(found.begin(), found.end(), [](const Entity& a, const Entity& b) { return a.first < b.first; });
  // An ordinal after a monarch's or a pope's name is part of it: "الملك هنري
  // الثاني", "البابا يوحنا بولس الثاني", "الخديوي عباس حلمي الثاني" (not "الأول
  // في الترتيب", first in something).
  for (Entity& e : found) {
    if (e.type != EntityType::Person || e.last >= tokens.size() || !s.word(e.last) ||
        !joins_words(text, tokens[e.last - 1].end, tokens[e.last].begin) ||
        std::find(l.ordinal_keys.begin(), l.ordinal_keys.end(), tokens[e.last].norm) == l.ordinal_keys.end())
      continue;
    // (After a monarch's or a pope's title only: "ولاية هولاند الأولى" is his first term.)
    if (e.first == 0 || !s.word(e.first - 1) || !is_definite(tokens[e.first - 1].norm) ||
        std::find(l.regnal_title_keys.begin(), l.regnal_title_keys.end(), token_key(tokens[e.first - 1].norm)) ==
            l.regnal_title_keys.end())
      continue;
    if (e.last + 2 < tokens.size() && s.word(e.last + 1) && s.word(e.last + 2) &&
        (tokens[e.last + 1].norm == "في" || tokens[e.last + 1].norm == "من" || tokens[e.last + 1].norm == "علي" ||
         tokens[e.last + 1].norm == "بين") &&
        starts_with(tokens[e.last + 2].norm, "ال") && is_definite(tokens[e.last + 2].norm))
      continue;
    const std::string_view ordinal = text.substr(tokens[e.last].begin, tokens[e.last].end - tokens[e.last].begin);
    const bool surface = e.name == clean_surface(text.substr(e.begin, e.end - e.begin));
    ++e.last;
    e.end = tokens[e.last - 1].end;
    e.id = person_id(s.name_keys(e.first, e.last, e.begin - tokens[e.first].begin));
    e.name = surface ? clean_surface(text.substr(e.begin, e.end - e.begin)) : e.name + " " + std::string(ordinal);
  }
  // A person followed by الأب is their father, someone else ("باراك أوباما
  // الأب", "غادر أوباما الأب"): the value is the person's and الأب. (Not "الأب
  // الروحي", a godfather; nor الابن, which may be the person: "بوش الابن".)
  for (Entity& e : found) {
    if (e.type != EntityType::Person || e.last >= tokens.size() || !s.word(e.last) || tokens[e.last].norm != "الاب" ||
        !joins_words(text, tokens[e.last - 1].end, tokens[e.last].begin) ||
        (e.last + 1 < tokens.size() && s.word(e.last + 1) && tokens[e.last + 1].norm == "الروحي"))
      continue;
    e.id += " الاب";
    if (e.name.empty()) e.name = clean_surface(text.substr(e.begin, e.end - e.begin));
    e.name += " الأب";
  }
  out.swap(found);
}

std::string EntityExtractor::resolve(std::string_view name, EntityType type) const {
  Analyzer analyzer(AnalyzerOptions{.stem_cache = 0});
  const auto tokens = analyzer.analyze(name);
  // A gazetteer name or alias, the whole of `name` (as Gazetteer::find, on these tokens).
  if (const auto m = gazetteer_.match_at(name, tokens, 0);
      m && m->end == tokens.size() && gazetteer_.entry(m->entry).type == type)
    return gazetteer_.entry(m->entry).id;
  std::vector<std::string_view> words;
  for (const Token& t : tokens)
    if (t.kind != TokenKind::Symbol) words.push_back(t.norm);
  if (words.empty()) return {};
  if (type == EntityType::Person) return person_id(person_keys(words));
  std::string id;
  for (std::string_view w : words) {
    if (!id.empty()) id.push_back(' ');
    id += w;
  }
  return id;
}

}  // namespace fahras::analysis
