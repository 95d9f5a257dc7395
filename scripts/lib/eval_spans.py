"""Shared helpers for scripts/eval-ner and scripts/eval-wojood (python3 standard library only).

Gold files are CoNLL-like: one `token TAG [TAG...]` per line. Sentences are written to a
JSONL file (one article per sentence, tokens joined by single spaces unless a joiner says
otherwise), fahras-index --extract --json runs once over it, and each predicted UTF-8 byte
span is mapped back to the tokens it covers:

  start token = the first token that ends after `begin`
  end token   = the last token that starts before `end`

so a prediction is always counted as the token span [start, end] (a span that starts or
ends inside a token, e.g. after a clitic, is widened to whole tokens); predictions whose
byte offsets are not exactly a token start and a token end are counted as "not aligned".
Spans are (type, first_token, last_token_exclusive) within a sentence.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

BIO_TAGS = ("B-", "I-")


def is_tag(s):
    return s == "O" or (len(s) > 2 and s[:2] in BIO_TAGS)


class Sentence:
    __slots__ = ("tokens", "tags", "lines")

    def __init__(self):
        self.tokens = []   # str
        self.tags = []     # list of tag lists (one list per token; ["O"] for none)
        self.lines = []    # 1-based line numbers in the gold file


def read_conll(path, end_at_period=False, stats=None):
    """Reads `token TAG [TAG...]` lines into Sentences.

    Sentences end at blank lines, and, with end_at_period, after a line whose token is `.`
    (ANERcorp). Robust to trailing/double spaces and CR. Malformed lines (no token, or a
    second field that is not a tag) are skipped and counted in stats["malformed"]; a line
    like `. Oالإصابة O` (two lines run together) is split and counted in stats["repaired"].
    """
    if stats is None:
        stats = {}
    stats.setdefault("malformed", 0)
    stats.setdefault("repaired", 0)
    stats.setdefault("malformed_examples", [])
    sentences = []
    cur = Sentence()

    def close():
        nonlocal cur
        if cur.tokens:
            sentences.append(cur)
        cur = Sentence()

    def bad(lineno, line):
        stats["malformed"] += 1
        if len(stats["malformed_examples"]) < 5:
            stats["malformed_examples"].append((lineno, line))

    with open(path, encoding="utf-8", errors="replace") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\r\n")
            if lineno == 1:
                line = line.lstrip("\ufeff")
            fields = line.split()
            if not fields:
                close()
                continue
            if line[:1].isspace():
                # ` O`: the token is missing (ANERcorp has 191 of these).
                bad(lineno, line)
                continue
            items = [(fields[0], fields[1:])]
            if len(fields) == 3 and not is_tag(fields[1]) and is_tag(fields[2]):
                # `. Oالإصابة O`: an O tag glued to the next line's token.
                glued = fields[1]
                if glued.startswith("O") and len(glued) > 1:
                    items = [(fields[0], ["O"]), (glued[1:], [fields[2]])]
                    stats["repaired"] += 1
                else:
                    bad(lineno, line)
                    continue
            ok = True
            for tok, tags in items:
                if not tags or not all(is_tag(t) for t in tags):
                    ok = False
            if not ok:
                bad(lineno, line)
                continue
            for tok, tags in items:
                cur.tokens.append(tok)
                cur.tags.append(tags)
                cur.lines.append(lineno)
                if end_at_period and tok == ".":
                    close()
    close()
    return sentences


def bio_spans(tag_lists, types=None):
    """Gold spans from (possibly nested) BIO tags: set of (type, start, end_exclusive).

    Each token carries one or more tags. For every type separately, a token with k tags
    I-X continues the k oldest open X spans (inner ones close first) and each B-X opens a
    new one; an I-X with nothing open starts a span (lenient BIO).
    """
    spans = set()
    open_ = {}  # type -> list of start indices (oldest first)
    n = len(tag_lists)
    for i in range(n + 1):
        tags = tag_lists[i] if i < n else []
        nb, ni = {}, {}
        for t in tags:
            if t == "O":
                continue
            kind, typ = t[:2], t[2:]
            if types is not None and typ not in types:
                continue
            (nb if kind == "B-" else ni)[typ] = (nb if kind == "B-" else ni).get(typ, 0) + 1
        for typ in list(open_):
            starts = open_[typ]
            keep = ni.get(typ, 0)
            for s in starts[keep:]:
                spans.add((typ, s, i))
            open_[typ] = starts[:keep]
        for typ, k in ni.items():
            starts = open_.setdefault(typ, [])
            while len(starts) < k:      # I- without an open span: start one here
                starts.append(i)
        for typ, k in nb.items():
            open_.setdefault(typ, []).extend([i] * k)
        open_ = {t: s for t, s in open_.items() if s}
    return spans


def space_join(tokens):
    return [" "] * (len(tokens) - 1)


def build_text(tokens, seps):
    """Joins tokens with the given separators; returns (text, [(byte_begin, byte_end)])."""
    parts, offs, pos = [], [], 0
    for i, tok in enumerate(tokens):
        if i:
            parts.append(seps[i - 1])
            pos += len(seps[i - 1].encode("utf-8"))
        b = len(tok.encode("utf-8"))
        offs.append((pos, pos + b))
        parts.append(tok)
        pos += b
    return "".join(parts), offs


def token_span(offs, begin, end):
    """Maps a byte span to (start, end_exclusive, aligned) over token offsets, or None."""
    start = None
    for i, (b, e) in enumerate(offs):
        if e > begin:
            start = i
            break
    last = None
    for i in range(len(offs) - 1, -1, -1):
        if offs[i][0] < end:
            last = i
            break
    if start is None or last is None or last < start:
        return None
    aligned = offs[start][0] == begin and offs[last][1] == end
    return start, last + 1, aligned


def find_fahras_index(repo):
    """fahras-index on PATH (or $FAHRAS_INDEX), else scripts/build then $BUILD_DIR/bin."""
    env = os.environ.get("FAHRAS_INDEX")
    if env:
        return env
    found = shutil.which("fahras-index")
    if found:
        return found
    print("fahras-index is not on PATH: building it with scripts/build…", file=sys.stderr)
    subprocess.run([os.path.join(repo, "scripts", "build")], cwd=repo, check=True,
                   stdout=sys.stderr)
    build_dir = os.environ.get("BUILD_DIR", "build")
    path = os.path.join(repo, build_dir, "bin", "fahras-index")
    if not os.access(path, os.X_OK):
        sys.exit("scripts/build did not produce %s" % path)
    return path


def run_extractor(binary, sentences, seps_for=space_join, extra_args=(), context=1):
    """Writes the sentences as JSONL articles, runs the extractor once over them.

    context=1: one article per sentence (id = sentence index). context=N: one article per N
    consecutive sentences, joined by newlines, so that what the extractor remembers within
    an article (a surname named in full earlier) spans sentences as in a news article; each
    prediction is mapped back to the sentence holding its first byte, with offsets made
    relative to that sentence, and one that runs into the next sentence gets "end" = -1
    (it can match no gold span) and is counted in stats["cross_sentence"].
    Returns (records, offsets, texts, stats): records is a list of (sentence_index, obj).
    stats counts "lines" read, "bad_json", "unknown_article", "text_mismatch"
    (prediction text differing from the bytes at its offsets; informational) and
    "cross_sentence".
    """
    context = max(1, int(context))
    offsets, texts = [], []
    stats = {"lines": 0, "bad_json": 0, "unknown_article": 0, "text_mismatch": 0, "cross_sentence": 0}
    starts = []  # per sentence: byte offset of its text in its article
    ngroups = (len(sentences) + context - 1) // context
    tmpdir = tempfile.mkdtemp(prefix="fahras-eval-")
    try:
        path = os.path.join(tmpdir, "sentences.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for g in range(ngroups):
                parts, pos = [], 0
                for i in range(g * context, min(len(sentences), (g + 1) * context)):
                    s = sentences[i]
                    text, offs = build_text(s.tokens, seps_for(s.tokens))
                    texts.append(text.encode("utf-8"))
                    offsets.append(offs)
                    starts.append(pos)
                    parts.append(text)
                    pos += len(texts[-1]) + 1  # the newline after it
                f.write(json.dumps({"id": str(g), "text": "\n".join(parts)}, ensure_ascii=False) + "\n")
        cmd = [binary, "--extract", "--json", "--quiet",
               "--field", "id=id", "--field", "text=text"] + list(extra_args) + [path]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
            sys.exit("fahras-index failed (exit status %d): %s" % (proc.returncode, " ".join(cmd)))
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    records = []
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if not line:
            continue
        stats["lines"] += 1
        try:
            obj = json.loads(line)
            g = int(obj["article"])
            if not 0 <= g < ngroups:
                raise ValueError
        except (ValueError, KeyError, TypeError):
            if line.startswith("{"):
                stats["bad_json" if "article" not in line else "unknown_article"] += 1
            else:
                stats["bad_json"] += 1
            continue
        b, e = obj.get("begin"), obj.get("end")
        idx = g * context
        if isinstance(b, int) and isinstance(e, int):
            last = min(len(sentences), (g + 1) * context) - 1
            while idx < last and starts[idx + 1] <= b:
                idx += 1
            b -= starts[idx]
            e -= starts[idx]
            obj["begin"], obj["end"] = b, e
            for key in ("number_begin", "number_end"):
                if isinstance(obj.get(key), int):
                    obj[key] -= starts[idx]
            if e > len(texts[idx]):
                stats["cross_sentence"] += 1
                obj["end"] = -1
            elif "text" in obj and texts[idx][b:e].decode("utf-8", "replace") != obj["text"]:
                stats["text_mismatch"] += 1
        records.append((idx, obj))
    return records, offsets, texts, stats


def prf(correct_p, pred, correct_g, gold):
    p = correct_p / pred if pred else 0.0
    r = correct_g / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_exact(gold, pred, types):
    """gold, pred: sets of (sentence, type, start, end). Returns {type: metrics} + overall."""
    out = {}
    tg = tp = tc = 0
    for t in types:
        g = {x for x in gold if x[1] == t}
        p = {x for x in pred if x[1] == t}
        c = len(g & p)
        P, R, F = prf(c, len(p), c, len(g))
        out[t] = {"gold": len(g), "predicted": len(p), "correct": c, "P": P, "R": R, "F1": F}
        tg += len(g)
        tp += len(p)
        tc += c
    P, R, F = prf(tc, tp, tc, tg)
    out["overall"] = {"gold": tg, "predicted": tp, "correct": tc, "P": P, "R": R, "F1": F}
    return out


def _overlaps(a, others):
    # (An empty span, a prediction across sentences, overlaps nothing.)
    return a[2] < a[3] and any(a[0] == o[0] and o[2] < o[3] and a[2] < o[3] and o[2] < a[3] for o in others)


def score_overlap(gold, pred, types):
    """Lenient variant: a prediction is correct when it shares a token with a gold span of
    the same type in the same sentence; a gold span is found when some prediction of its
    type shares a token with it. P = correct predictions / predictions, R = found gold /
    gold (so one long prediction may find two gold spans)."""
    by_sent_g, by_sent_p = {}, {}
    for x in gold:
        by_sent_g.setdefault((x[0], x[1]), []).append(x)
    for x in pred:
        by_sent_p.setdefault((x[0], x[1]), []).append(x)
    out = {}
    sums = [0, 0, 0, 0]
    for t in types:
        g = [x for x in gold if x[1] == t]
        p = [x for x in pred if x[1] == t]
        cp = sum(1 for x in p if _overlaps(x, by_sent_g.get((x[0], t), ())))
        cg = sum(1 for x in g if _overlaps(x, by_sent_p.get((x[0], t), ())))
        P, R, F = prf(cp, len(p), cg, len(g))
        out[t] = {"gold": len(g), "predicted": len(p), "correct_predicted": cp,
                  "found_gold": cg, "P": P, "R": R, "F1": F}
        for k, v in enumerate((len(g), len(p), cp, cg)):
            sums[k] += v
    P, R, F = prf(sums[2], sums[1], sums[3], sums[0])
    out["overall"] = {"gold": sums[0], "predicted": sums[1], "correct_predicted": sums[2],
                      "found_gold": sums[3], "P": P, "R": R, "F1": F}
    return out


def format_table(metrics, types, title=None, overlap=False):
    lines = []
    if title:
        lines.append(title)
    if overlap:
        lines.append("%-10s %7s %7s %9s %7s %7s %7s %7s" %
                     ("type", "gold", "pred", "pred_ok", "found", "P", "R", "F1"))
    else:
        lines.append("%-10s %7s %7s %7s %7s %7s %7s" %
                     ("type", "gold", "pred", "correct", "P", "R", "F1"))
    for t in list(types) + ["overall"]:
        m = metrics[t]
        if overlap:
            lines.append("%-10s %7d %7d %9d %7d %7.3f %7.3f %7.3f" %
                         (t, m["gold"], m["predicted"], m["correct_predicted"],
                          m["found_gold"], m["P"], m["R"], m["F1"]))
        else:
            lines.append("%-10s %7d %7d %7d %7.3f %7.3f %7.3f" %
                         (t, m["gold"], m["predicted"], m["correct"], m["P"], m["R"], m["F1"]))
    return "\n".join(lines)


def context(sentence, start, end, width=6):
    """Tokens around [start, end) with the span in [[ ]]."""
    toks = sentence.tokens
    a = max(0, start - width)
    b = min(len(toks), end + width)
    parts = (["…"] if a else []) + toks[a:start] + ["[[" + " ".join(toks[start:end]) + "]]"] \
        + toks[end:b] + (["…"] if b < len(toks) else [])
    return " ".join(parts)


def print_errors(sentences, gold, pred, types, n, out=sys.stdout, labels=None, rule_of=None):
    """Up to n false positives and n false negatives per type (first ones in file order),
    each noting any gold/predicted span of any type that overlaps it, and, with rule_of
    ({prediction: rule}), the rule that made a false positive."""
    by_sent = {}
    for x in gold:
        by_sent.setdefault(x[0], {"g": [], "p": []})["g"].append(x)
    for x in pred:
        by_sent.setdefault(x[0], {"g": [], "p": []})["p"].append(x)

    def near(x, key):
        hits = [o for o in by_sent.get(x[0], {}).get(key, ()) if o != x and x[2] < o[3] and o[2] < x[3]]
        return ", ".join("%s %s" % (o[1], " ".join(sentences[o[0]].tokens[o[2]:o[3]])) for o in sorted(hits))

    for t in types:
        fp = sorted(x for x in pred if x[1] == t and x not in gold)
        fn = sorted(x for x in gold if x[1] == t and x not in pred)
        name = labels.get(t, t) if labels else t
        print("\n== %s: %d false positives, %d false negatives" % (name, len(fp), len(fn)), file=out)
        for kind, items, key, what in (("FP", fp, "g", "gold"), ("FN", fn, "p", "predicted")):
            for x in items[:n]:
                s = sentences[x[0]]
                nb = near(x, key)
                rule = " {%s}" % rule_of[x] if rule_of and x in rule_of else ""
                print("%s line %d%s: %s%s" % (kind, s.lines[x[2]], rule, context(s, x[2], x[3]),
                                              ("   (%s here: %s)" % (what, nb)) if nb else ""), file=out)
