// fahras-index: builds or updates a fahras index from articles on disk.
// A thin CLI over fahras::pipeline: options in, summary out, errors to exit codes.
#include "pipeline/extract.h"
#include "pipeline/pipeline.h"
#include "schema/schema.h"

#include <boost/program_options.hpp>
#include <unistd.h>
#include <xapian.h>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace po = boost::program_options;
using namespace fahras;

namespace {

constexpr int kExitOk = 0, kExitFailure = 1, kExitUsage = 2, kExitStrict = 3, kExitUnfinished = 4;

const char* kUsage = R"(Usage: fahras-index --index DIR [options] INPUT...
       fahras-index --extract [--json] INPUT...

Indexes Arabic news articles into DIR (created if missing). Each INPUT is a file
or a folder, walked recursively:
  *.txt     one article per file; its id is the path relative to the folder
            given (the file name for a file given directly)
  *.jsonl   one JSON article per line: "id", "title", "text" and optional
            "date", "source", "url" (rename them with --field)
  *.json    a JSON array of such articles (or one article)
  *.trec *.sgml, or a .txt that starts with <DOC>
            TREC collections: one article per <DOC>, DOCNO as its id
  *.html *.htm  one article per page: headline, paragraphs, published date
  *.zip *.tar *.tgz *.tar.gz|bz2|xz|zst
            archives, read in place: their .txt/.jsonl/.json entries
  *.gz *.bz2 *.xz *.zst  one compressed .txt/.jsonl/.json file
Re-indexing an article (same id) replaces its passages.

The run commits every --commit-every articles, recording in the index which
inputs (and how far into each) are committed. After a crash, kill -9 or power
loss, run the same command with --resume: it continues from the last commit
and ends with exactly the documents of an uninterrupted run. With --prune the
index afterwards holds only the articles of the given inputs.

With --extract, nothing is indexed: each article's figures (value, bounds,
qualifier, units) are printed per passage, as the index would see them, and
the dates written in its text (Levantine, Gulf/Egyptian and Maghrebi months,
years, periods such as "النصف الأول من عام 2024").

Example (SaudiNewsNet, zipped JSON arrays):
  fahras-index --index snn.idx --field id=url --field text=content \
      --field date=date_extracted ../shared/corpora/saudinewsnet/

Options)";

const char* kExitCodes = R"(
Exit status: 0 when the run completed (bad inputs are reported on stderr, skipped
and counted in the summary), 1 when the index could not be written (locked by
another writer, not a fahras index, unwritable path, full disk: the index keeps
its last commit, --resume continues), 2 for a usage error, 3 when --strict
stopped the run at a bad input (what came before it is indexed), 4 when the
index has an unfinished build and neither --resume nor --restart was given, or
--resume was given other inputs than the unfinished run's.
)";

std::string human_bytes(double b) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB"};
  int u = 0;
  while (b >= 1000 && u < 4) { b /= 1000; ++u; }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", b, units[u]);
  return buf;
}

// A value for display: integers exactly, others to 10 significant digits
// (bounds such as "about 200" are computed: 180..220).
std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// Up to `chars` characters of `text` before byte `at` (or after it, with
// `after`), within its line: the context that --extract-context adds.
std::string_view context(std::string_view text, std::size_t at, unsigned chars, bool after) {
  const auto lead = [&](std::size_t i) { return (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80; };
  std::size_t i = at;
  for (unsigned n = 0; n < chars;) {
    if (after ? i >= text.size() : i == 0) break;
    const std::size_t next = after ? i + 1 : i - 1;
    if (text[after ? i : next] == '\n') break;
    i = next;
    if (after) {
      while (i < text.size() && !lead(i)) ++i;
    } else {
      while (i > 0 && !lead(i)) --i;
    }
    ++n;
  }
  return after ? text.substr(at, i - at) : text.substr(i, at - i);
}

// ,"before":…,"after":… for the span [begin, end) of `text`, when `chars` > 0.
void append_context(std::string& line, std::string_view text, std::size_t begin, std::size_t end, unsigned chars) {
  if (chars == 0) return;
  line += ",\"before\":";
  schema::append_json_string(line, context(text, begin, chars, false));
  line += ",\"after\":";
  schema::append_json_string(line, context(text, end, chars, true));
}

// --extract: prints the figures of every article instead of indexing.
int run_extract(const std::vector<std::filesystem::path>& paths, const ingest::SourceOptions& source_options,
                ingest::Diagnostics& diagnostics, bool json, unsigned context_chars) {
  try {
    ingest::DocumentSource source(paths, source_options, diagnostics);
    pipeline::Extractor extractor;
    schema::Article article;
    while (source.next(article)) {
      const pipeline::Extraction e = extractor.extract(article);
      if (!json)
        std::printf("== %s (%u passages, %zu figures, %zu dates, %zu entities)\n", e.article.c_str(), e.passages,
                    e.figures.size(), e.dates.size(), e.entities.size());
      for (const pipeline::ExtractedFigure& f : e.figures) {
        std::string units;
        for (const std::string& u : f.units) units += (units.empty() ? "" : " ") + u;
        if (json) {
          std::string line = "{\"article\":";
          schema::append_json_string(line, e.article);
          line += ",\"passage\":" + std::to_string(f.passage) + ",\"begin\":" + std::to_string(f.begin) +
                  ",\"end\":" + std::to_string(f.end) + ",\"number_begin\":" + std::to_string(f.number_begin) +
                  ",\"number_end\":" + std::to_string(f.number_end) + ",\"text\":";
          schema::append_json_string(line, f.text);
          line += ",\"value\":" + number(f.value) + ",\"low\":" + number(f.low) + ",\"high\":" +
                  (std::isinf(f.high) ? std::string("null") : number(f.high)) + ",\"qualifier\":";
          schema::append_json_string(line, f.qualifier);
          line += std::string(",\"percent\":") + (f.percent ? "true" : "false") + ",\"range\":" +
                  (f.range ? "true" : "false") + ",\"vague\":" + (f.vague ? "true" : "false") + ",\"units\":[";
          for (std::size_t i = 0; i < f.units.size(); ++i) {
            if (i) line.push_back(',');
            schema::append_json_string(line, f.units[i]);
          }
          line.push_back(']');
          append_context(line, article.text, f.begin, f.end, context_chars);
          std::printf("%s}\n", line.c_str());
        } else {
          std::string bounds = f.low == f.high ? number(f.value)
                                               : number(f.low) + ".." + (std::isinf(f.high) ? "" : number(f.high));
          std::printf("  passage %u: %s  = %s%s%s%s  units: %s\n", f.passage, f.text.c_str(), bounds.c_str(),
                      f.qualifier.empty() ? "" : (" (" + f.qualifier + ")").c_str(), f.percent ? " %" : "",
                      f.vague ? " (vague)" : "", units.empty() ? "-" : units.c_str());
        }
      }
      for (const pipeline::ExtractedDate& d : e.dates) {
        if (json) {
          std::string line = "{\"article\":";
          schema::append_json_string(line, e.article);
          line += ",\"passage\":" + std::to_string(d.passage) + ",\"begin\":" + std::to_string(d.begin) +
                  ",\"end\":" + std::to_string(d.end) + ",\"date\":";
          schema::append_json_string(line, d.value);
          line += ",\"text\":";
          schema::append_json_string(line, d.text);
          if (d.hijri) line += ",\"calendar\":\"hijri\"";
          append_context(line, article.text, d.begin, d.end, context_chars);
          std::printf("%s}\n", line.c_str());
        } else {
          std::printf("  passage %u: date %s  = %s%s\n", d.passage, d.text.c_str(), d.value.c_str(),
                      d.hijri ? " (hijri)" : "");
        }
      }
      for (const pipeline::ExtractedEntity& n : e.entities) {
        const std::string_view type = analysis::entity_type_name(n.type);
        const std::string_view rule = analysis::entity_rule_name(n.rule);
        if (json) {
          std::string line = "{\"article\":";
          schema::append_json_string(line, e.article);
          line += ",\"passage\":" + std::to_string(n.passage) + ",\"begin\":" + std::to_string(n.begin) +
                  ",\"end\":" + std::to_string(n.end) + ",\"entity\":\"" + std::string(type) + "\",\"id\":";
          schema::append_json_string(line, n.id);
          line += ",\"name\":";
          schema::append_json_string(line, n.name);
          line += ",\"text\":";
          schema::append_json_string(line, n.text);
          line += ",\"rule\":\"" + std::string(rule) + "\"";
          append_context(line, article.text, n.begin, n.end, context_chars);
          std::printf("%s}\n", line.c_str());
        } else {
          std::printf("  passage %u: %.*s %s  = %s  (%.*s)\n", n.passage, static_cast<int>(type.size()), type.data(),
                      n.text.c_str(), n.name.c_str(), static_cast<int>(rule.size()), rule.data());
        }
      }
    }
    return kExitOk;
  } catch (const std::exception& e) {
    std::cerr << "fahras-index: " << e.what() << "\n";
    return kExitUsage;
  }
}

}  // namespace

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // Blocks of 1 MB and more (a day's JSON array, its simdjson buffers, large
  // articles) are mmap'ed and given back when freed. glibc otherwise raises
  // this threshold after the first such block is freed, and later ones then
  // stay in the threads' heaps: peak RSS grew with the input read (4x
  // SaudiNewsNet: 239 -> 196 MB with this; docs/BENCHMARKS.md).
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
  pipeline::IndexOptions options;
  ingest::SourceOptions source_options;
  std::vector<std::string> inputs, fields;
  unsigned extract_context = 0;
  bool quiet = false, single_writer = false, strict = false, extract = false, json = false, no_termlist = false,
       no_positions = false;
  bool resume = false, restart = false, no_sync = false, prune_flag = false;
  std::uint64_t max_article_mb = 8;
  std::string shard_spec;

  po::options_description visible(kUsage);
  visible.add_options()
      ("help,h", "show this help and exit")
      ("index,i", po::value(&options.index_path)->value_name("DIR"), "index folder to create or update (required)")
      ("threads,j", po::value(&options.threads)->value_name("N")->default_value(0),
       "analysis threads (0: one per core)")
      ("commit-every", po::value(&options.commit_every)->value_name("K")->default_value(10000),
       "commit after every K articles, with a checkpoint (what --resume continues from)")
      ("resume", po::bool_switch(&resume),
       "continue the unfinished run of the index (interrupted by a crash, kill, full disk…) from its last "
       "commit; the inputs and options must be the same. Nothing unfinished: index as usual")
      ("restart", po::bool_switch(&restart),
       "discard an unfinished build of the index and start over")
      ("prune", po::bool_switch(&prune_flag),
       "afterwards, delete the articles of the index that this run did not index (their source is gone "
       "or no longer given), so the index holds exactly the inputs")
      ("no-sync", po::bool_switch(&no_sync),
       "do not fsync commits: a little faster; a crash of fahras-index still loses nothing committed, "
       "a power loss may")
      ("in-flight", po::value(&options.max_in_flight)->value_name("N")->default_value(0),
       "articles in the pipeline at once, bounding memory (0: 4 per thread, up to 128 per thread while they hold under 8 MB of text)")
      ("segment", po::value(&options.segment_passages)->value_name("N")->default_value(20000),
       "new index: each thread writes shard databases of about N passages, compacted into one at the "
       "end (0: one per thread; measured faster and leaner than 0, docs/BENCHMARKS.md)")
      ("no-positions", po::bool_switch(&no_positions),
       "word terms without positions: faster to build and smaller; quoted phrases are then checked in each "
       "candidate passage's stored text at search time (slower for phrases of common words). Updates of the "
       "index must use it too")
      ("no-termlist", po::bool_switch(&no_termlist),
       "new index without Xapian's termlists: about 15 % faster and 20 % smaller, but it can never be "
       "updated (re-indexing into it is refused), and of articles with the same id the first is kept")
      ("flush", po::value(&options.flush_threshold)->value_name("N")->default_value(0),
       "writers commit every N passages (also sets XAPIAN_FLUSH_THRESHOLD, which overrides it; 0: "
       "2000 for segmented shards, else Xapian's default of 10000)")
      ("field", po::value(&fields)->value_name("NAME=KEY")->composing(),
       "JSON key for a field, e.g. --field id=url --field text=content "
       "(NAME: id, title, text, date, source, url); repeatable")
      ("encoding", po::value(&source_options.encoding)->value_name("NAME"),
       "read every input as this encoding (ICU name: windows-1256, ISO-8859-6, UTF-16LE…); "
       "default: UTF-8, a byte-order mark, or what ICU's detector finds")
      ("max-article-size", po::value(&max_article_mb)->value_name("MB")->default_value(8),
       "skip (and report) articles whose text is over MB megabytes, bounding memory (0: no limit)")
      ("max-words", po::value(&options.build.passages.max_words)->value_name("N")->default_value(120),
       "cut paragraphs longer than N words at sentence ends")
      ("min-words", po::value(&options.build.passages.min_words)->value_name("N")->default_value(6),
       "join lines of fewer than N words to the paragraph after them (1 <= N <= --max-words): "
       "larger N, fewer and longer passages, faster indexing (docs/INGESTION.md)")
      ("shard", po::value(&shard_spec)->value_name("K/N"),
       "index only the articles of shard K of N (1 <= K <= N): those whose id's FNV-1a hash "
       "modulo N is K-1, so N machines given the same inputs build N disjoint shards")
      ("single-writer", po::bool_switch(&single_writer),
       "build a new index with one Xapian writer instead of one shard per thread merged at the end")
      ("extract", po::bool_switch(&extract),
       "print what analysis finds in each article (figures with their units) instead of indexing")
      ("json", po::bool_switch(&json), "with --extract: one JSON object per figure, date and entity")
      ("extract-context", po::value(&extract_context)->value_name("N")->default_value(0),
       "with --extract --json: add the N characters before and after each (\"before\", \"after\"; "
       "within its line), to read mentions in context (scripts/sample-entities)")
      ("strict", po::bool_switch(&strict),
       "stop at the first bad input (what came before it is indexed and committed; exit status 3)")
      ("quiet,q", po::bool_switch(&quiet),
       "print no per-input messages and no progress line, only the summary");
  po::options_description hidden;
  hidden.add_options()("input", po::value(&inputs)->composing());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);

  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
      std::cout << visible << kExitCodes;
      return kExitOk;
    }
    if (options.index_path.empty() && !extract) throw po::error("--index DIR is required");
    options.parallel_writers = !single_writer;
    options.termlists = !no_termlist;
    options.build.positions = !no_positions;
    if (resume && restart) throw po::error("--resume and --restart exclude each other");
    options.unfinished = resume ? pipeline::Unfinished::Resume
                         : restart ? pipeline::Unfinished::Restart
                                   : pipeline::Unfinished::Refuse;
    options.prune = prune_flag;
    options.max_article_bytes = max_article_mb << 20;
    options.sync = !no_sync;
    if (!shard_spec.empty()) {
      unsigned k = 0, n = 0;
      char slash = 0, extra = 0;
      if (std::sscanf(shard_spec.c_str(), "%u%c%u%c", &k, &slash, &n, &extra) != 3 || slash != '/' || k < 1 || k > n)
        throw po::error("bad --shard '" + shard_spec + "' (expected K/N with 1 <= K <= N)");
      options.shard = k;
      options.shards = n;
    }
    if (inputs.empty()) throw po::error("no INPUT given");
    const analysis::PassageOptions& passages = options.build.passages;
    if (passages.max_words == 0) throw po::error("--max-words must be at least 1");
    if (passages.min_words == 0 || passages.min_words > passages.max_words)
      throw po::error("--min-words must be between 1 and --max-words (" + std::to_string(passages.max_words) + ")");
    for (const std::string& f : fields)
      if (!ingest::set_field(source_options.fields, f)) throw po::error("bad --field '" + f + "' (expected NAME=KEY)");
    // What shapes the documents: --resume requires the same.
    const ingest::FieldNames& fn = source_options.fields;
    options.run_options = "--field id=" + fn.id + ",title=" + fn.title + ",text=" + fn.text + ",date=" + fn.date +
                          ",source=" + fn.source + ",url=" + fn.url + " --encoding '" + source_options.encoding +
                          "' --max-words " + std::to_string(options.build.passages.max_words) +
                          (passages.min_words == analysis::PassageOptions{}.min_words
                               ? ""
                               : " --min-words " + std::to_string(passages.min_words)) +
                          (shard_spec.empty() ? "" : " --shard " + shard_spec) + (no_termlist ? " --no-termlist" : "") +
                          (no_positions ? " --no-positions" : "");
  } catch (const po::error& e) {
    std::cerr << "fahras-index: " << e.what() << "\nTry 'fahras-index --help'.\n";
    return kExitUsage;
  }

  ingest::Diagnostics diagnostics([quiet](ingest::Outcome outcome, std::string_view where, std::string_view why) {
    if (quiet) return;
    const char* what = outcome == ingest::Outcome::Skipped    ? "skipped"
                       : outcome == ingest::Outcome::Repaired ? "repaired"
                       : outcome == ingest::Outcome::Converted ? "converted"
                       : outcome == ingest::Outcome::Duplicate ? "duplicate"
                                                                : "replaced";
    std::cerr << "fahras-index: " << where << ": " << why << " (" << what << ")\n";
  });
  diagnostics.set_strict(strict);
  std::vector<std::filesystem::path> paths(inputs.begin(), inputs.end());

  // A progress line on stderr when it is a terminal: bytes, rates, ETA by input bytes.
  const bool progress = !quiet && isatty(STDERR_FILENO);
  if (progress) {
    options.on_progress = [](const pipeline::Progress& p) {
      const double mb_s = p.seconds > 0 ? p.bytes_read / 1e6 / p.seconds : 0;
      std::string eta = "?";
      if (p.input_total > 0 && p.input_done > 0 && p.input_done < p.input_total) {
        const double left = p.seconds * static_cast<double>(p.input_total - p.input_done) / static_cast<double>(p.input_done);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%d:%02d", static_cast<int>(left) / 60, static_cast<int>(left) % 60);
        eta = buf;
      }
      std::fprintf(stderr, "\r%s read, %llu articles, %.0f articles/s, %.2f MB/s, %3.0f%%, ETA %s   ",
                   human_bytes(static_cast<double>(p.bytes_read)).c_str(), static_cast<unsigned long long>(p.articles),
                   p.seconds > 0 ? p.articles / p.seconds : 0.0, mb_s,
                   p.input_total ? 100.0 * static_cast<double>(p.input_done) / static_cast<double>(p.input_total) : 0.0,
                   eta.c_str());
    };
  }

  if (extract) return run_extract(paths, source_options, diagnostics, json, extract_context);

  pipeline::IndexSummary s;
  try {
    ingest::DocumentSource source(paths, source_options, diagnostics);
    s = pipeline::build_index(source, diagnostics, options);
  } catch (const std::invalid_argument& e) {  // --encoding names no encoding
    std::cerr << "fahras-index: " << e.what() << "\n";
    return kExitUsage;
  } catch (const pipeline::UnfinishedRun& e) {
    std::cerr << "fahras-index: " << e.what() << "\n";
    return kExitUnfinished;
  } catch (const pipeline::WriteError& e) {
    if (progress) std::fprintf(stderr, "\n");
    std::cerr << "fahras-index: " << e.what() << "\n";
    return kExitFailure;
  } catch (const Xapian::DatabaseLockError&) {
    std::cerr << "fahras-index: " << options.index_path << ": index is locked by another writer\n";
    return kExitFailure;
  } catch (const Xapian::DatabaseOpeningError& e) {
    std::cerr << "fahras-index: cannot open the index " << options.index_path << ": " << e.get_description() << "\n";
    return kExitFailure;
  } catch (const Xapian::DatabaseCreateError& e) {
    std::cerr << "fahras-index: cannot create the index " << options.index_path << ": " << e.get_description() << "\n";
    return kExitFailure;
  } catch (const Xapian::Error& e) {
    std::cerr << "fahras-index: " << options.index_path << ": " << e.get_description() << "\n";
    return kExitFailure;
  } catch (const std::filesystem::filesystem_error& e) {
    std::cerr << "fahras-index: cannot write the index " << options.index_path << ": " << e.what() << "\n";
    return kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << "fahras-index: " << e.what() << "\n";
    return kExitFailure;
  }

  if (progress) std::fprintf(stderr, "\n");
  for (const std::string& r : s.recovered) std::fprintf(stderr, "fahras-index: %s\n", r.c_str());
  if (!s.note.empty() && (!quiet || s.nothing_to_resume)) std::fprintf(stderr, "fahras-index: %s\n", s.note.c_str());
  if (s.nothing_to_resume) {
    std::printf("index %s holds %llu passages; nothing to resume\n", options.index_path.c_str(),
                static_cast<unsigned long long>(s.index_documents));
    return kExitOk;
  }
  if (s.resumed)
    std::printf("resumed the run started %s after its first %llu articles\n", s.resumed_from.c_str(),
                static_cast<unsigned long long>(s.resumed_at));
  const double mb_s = s.seconds > 0 ? s.input.bytes / 1e6 / s.seconds : 0;
  std::printf("indexed %llu articles, %llu passages, %s in %.2f s (%.2f MB/s, %.0f articles/s, %u threads)\n",
              static_cast<unsigned long long>(s.articles), static_cast<unsigned long long>(s.passages),
              human_bytes(static_cast<double>(s.input.bytes)).c_str(), s.seconds, mb_s,
              s.seconds > 0 ? s.articles / s.seconds : 0.0, s.threads);
  std::printf("skipped %llu inputs, %llu records; repaired %llu; converted %llu from other encodings; "
              "duplicate ids %llu; ignored %llu files\n",
              static_cast<unsigned long long>(s.input.skipped_files),
              static_cast<unsigned long long>(s.input.skipped_records + s.failed + s.empty + s.too_large),
              static_cast<unsigned long long>(s.input.repaired), static_cast<unsigned long long>(s.input.converted),
              static_cast<unsigned long long>(s.duplicates), static_cast<unsigned long long>(s.input.ignored_files));
  if (options.shards != 0)
    std::printf("shard %u/%u: left %llu articles to the other shards\n", options.shard, options.shards,
                static_cast<unsigned long long>(s.other_shard));
  std::printf("index %s now holds %llu passages", options.index_path.c_str(),
              static_cast<unsigned long long>(s.index_documents));
  if (s.shards > 0) std::printf(" (built as %zu shards, merged in %.1f s)", s.shards, s.finish_seconds);
  std::printf("\n");
  if (options.prune) {
    if (s.prune_skipped.empty())
      std::printf("pruned %llu articles (%llu passages) not in the inputs\n",
                  static_cast<unsigned long long>(s.pruned_articles), static_cast<unsigned long long>(s.pruned_passages));
    else
      std::fprintf(stderr, "fahras-index: not pruned: %s\n", s.prune_skipped.c_str());
  }
  if (s.stopped) {
    std::fprintf(stderr, "fahras-index: stopped at the first bad input (--strict): %s\n", diagnostics.first_bad().c_str());
    return kExitStrict;
  }
  return kExitOk;
}
