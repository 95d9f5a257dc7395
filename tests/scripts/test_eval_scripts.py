#!/usr/bin/env python3
"""Self-test of scripts/eval-ner, scripts/eval-wojood, scripts/lib/eval_spans.py, and of the
reading tools scripts/sample-entities and scripts/diff-entities.

  python3 tests/scripts/test_eval_scripts.py        (from anywhere; no fahras build needed)

Runs both scripts on tiny hand-made gold files (tests/scripts/data/) with a fake extractor
(tests/scripts/fake-fahras-index) whose predictions are listed in data/*.predictions.tsv,
and checks the counts worked out by hand in the comments below. Exit status 0 when all pass.
"""
import json
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(HERE, "data")
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(REPO, "scripts", "lib"))
import eval_spans as ev  # noqa: E402


def run(script, args, predictions=None):
    env = dict(os.environ, FAHRAS_INDEX=os.path.join(HERE, "fake-fahras-index"))
    env.pop("FAKE_PREDICTIONS", None)
    if predictions:
        env["FAKE_PREDICTIONS"] = os.path.join(DATA, predictions)
    p = subprocess.run([os.path.join(REPO, "scripts", script)] + args, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    if p.returncode != 0:
        raise AssertionError("%s failed (%d):\n%s%s" % (script, p.returncode, p.stdout, p.stderr))
    return p.stdout


class Helpers(unittest.TestCase):
    def test_bio_flat(self):
        tags = [["O"], ["B-PERS"], ["I-PERS"], ["B-PERS"], ["I-LOC"], ["O"], ["I-ORG"]]
        self.assertEqual(ev.bio_spans(tags), {("PERS", 1, 3), ("PERS", 3, 4), ("LOC", 4, 5),
                                              ("ORG", 6, 7)})

    def test_bio_nested_same_type(self):
        # ORG [0,4) holding ORG [2,4); GPE [3,4) inside both
        tags = [["B-ORG"], ["I-ORG"], ["I-ORG", "B-ORG"], ["I-ORG", "I-ORG", "B-GPE"], ["O"]]
        self.assertEqual(ev.bio_spans(tags), {("ORG", 0, 4), ("ORG", 2, 4), ("GPE", 3, 4)})

    def test_bio_nested_inner_closes_first(self):
        tags = [["B-DATE"], ["I-DATE", "B-DATE"], ["I-DATE"], ["O"]]
        self.assertEqual(ev.bio_spans(tags), {("DATE", 0, 3), ("DATE", 1, 2)})

    def test_token_span(self):
        text, offs = ev.build_text(["في", "وبغداد", "."], [" ", " "])
        b = text.encode().find("بغداد".encode())
        self.assertEqual(ev.token_span(offs, b, b + len("بغداد".encode())), (1, 2, False))
        self.assertEqual(ev.token_span(offs, 0, len("في وبغداد".encode())), (0, 2, True))
        self.assertIsNone(ev.token_span(offs, 4, 5))  # the space between the tokens
        self.assertEqual(ev.token_span(offs, 0, 2), (0, 1, False))  # cuts a token

    def test_empty_span_overlaps_nothing(self):
        # A prediction across sentences is scored as the empty span (a, a): it overlaps no
        # gold span, not even one that strictly contains token a, and finds none.
        self.assertFalse(ev._overlaps((0, "PERS", 2, 2), [(0, "PERS", 1, 4)]))
        self.assertFalse(ev._overlaps((0, "PERS", 1, 4), [(0, "PERS", 2, 2)]))
        self.assertTrue(ev._overlaps((0, "PERS", 2, 3), [(0, "PERS", 1, 4)]))

    def test_prf_zero(self):
        self.assertEqual(ev.prf(0, 0, 0, 5), (0.0, 0.0, 0.0))


class EvalNer(unittest.TestCase):
    gold = os.path.join(DATA, "anercorp-mini.txt")

    def test_scores(self):
        d = json.loads(run("eval-ner", ["--json", self.gold], "anercorp-mini.predictions.tsv"))
        m, info = d["metrics"], d["info"]
        # gold: PERS محمد بن سلمان, وسمير (orphan I-), عمرو موسى (CRLF lines);
        #       LOC الرياض, دمشق, وبغداد; ORG الأمم المتحدة, الاتحاد الأوروبي, شركة أرامكو
        self.assertEqual(info["sentences"], 4)
        self.assertEqual(info["malformed_lines_skipped"], 2)   # ` O` and `كلمة`
        self.assertEqual(info["glued_lines_repaired"], 1)      # `. Oاجتمع O`
        self.assertEqual(info["entity_predictions_not_token_aligned"], 1)  # بغداد in وبغداد
        self.assertEqual(info["entity_predictions_duplicate"], 1)
        self.assertEqual(info["entity_types_unknown"], {"event": 1})
        self.assertEqual(info["extractor_output"], {"entity": 10, "figure": 1, "date": 1, "other": 0})
        self.assertEqual(info["text_offset_mismatches"], 0)
        want = {"PERS": (3, 1, 1), "LOC": (3, 3, 2), "ORG": (3, 4, 1), "overall": (9, 8, 4)}
        for t, (g, p, c) in want.items():
            self.assertEqual((m[t]["gold"], m[t]["predicted"], m[t]["correct"]), (g, p, c), t)
        self.assertAlmostEqual(m["overall"]["P"], 0.5)
        self.assertAlmostEqual(m["overall"]["R"], 4 / 9)
        self.assertAlmostEqual(m["overall"]["F1"], 2 * 0.5 * (4 / 9) / (0.5 + 4 / 9))

    def test_text_output_and_errors(self):
        out = run("eval-ner", ["--errors", "2", self.gold], "anercorp-mini.predictions.tsv")
        self.assertEqual(out.strip().splitlines()[-1], "overall P=0.500 R=0.444 F1=0.471 overlap_P=0.750 overlap_R=0.667 overlap_F1=0.706")
        self.assertIn("FP line", out)
        self.assertIn("[[دمشق]]", out)
        self.assertIn("gold here: LOC دمشق", out)

    def test_by_rule(self):
        d = json.loads(run("eval-ner", ["--json", "--by-rule", self.gold], "anercorp-mini.predictions.tsv"))
        rows = {(r["rule"], r["type"]): (r["predicted"], r["exact"], r["boundary"], r["other"], r["spurious"])
                for r in d["by_rule"]}
        self.assertEqual(rows, {
            ("gazetteer", "LOC"): (3, 2, 0, 1, 0),   # الرياض, وبغداد right; اليورو is MISC
            ("gazetteer", "ORG"): (1, 1, 0, 0, 0),   # الأمم المتحدة (printed twice, counted once)
            ("org-head", "ORG"): (2, 0, 1, 1, 0),    # الاتحاد (boundary), دمشق (gold LOC)
            ("title", "PERS"): (1, 1, 0, 0, 0),
            ("?", "ORG"): (1, 0, 1, 0, 0),           # أرامكو: no rule field
        })
        out = run("eval-ner", ["--by-rule", "--errors", "2", self.gold], "anercorp-mini.predictions.tsv")
        self.assertIn("predictions by rule", out)
        self.assertIn("FP line 17 {org-head}: ", out)

    def test_context(self):
        # Two sentences per article: the same predictions score the same in their sentences
        # (offsets made relative to the sentence), and one that runs across the line break
        # between two sentences counts as a wrong PERS.
        d = json.loads(run("eval-ner", ["--json", "--context", "2", self.gold],
                           "anercorp-mini.context2.predictions.tsv"))
        m, info = d["metrics"], d["info"]
        self.assertEqual(info["context"], 2)
        self.assertEqual(info["entity_predictions_across_sentences"], 1)
        self.assertEqual(info["entity_predictions_not_token_aligned"], 1)  # بغداد in وبغداد
        self.assertEqual(info["text_offset_mismatches"], 0)
        want = {"PERS": (3, 2, 1), "LOC": (3, 3, 2), "ORG": (3, 4, 1), "overall": (9, 9, 4)}
        for t, (g, p, c) in want.items():
            self.assertEqual((m[t]["gold"], m[t]["predicted"], m[t]["correct"]), (g, p, c), t)
        # In the overlap table it is a prediction that overlaps nothing.
        o = d["overlap"]["PERS"]
        self.assertEqual((o["predicted"], o["correct_predicted"], o["found_gold"]), (2, 1, 1))
        out = run("eval-ner", ["--context", "2", "--errors", "5", self.gold], "anercorp-mini.context2.predictions.tsv")
        self.assertIn("[2 sentences per article; 1 predictions across sentences]", out)
        self.assertIn("FP line 17 {org-head}: ", out)  # دمشق, in sentence 1 of article 0

    def test_no_predictions(self):
        out = run("eval-ner", [self.gold])
        self.assertEqual(out.strip().splitlines()[-1], "overall P=0.000 R=0.000 F1=0.000 overlap_P=0.000 overlap_R=0.000 overlap_F1=0.000")


class EvalWojood(unittest.TestCase):
    gold = os.path.join(DATA, "wojood-mini.txt")

    def test_scores(self):
        d = json.loads(run("eval-wojood", ["--json", self.gold], "wojood-mini.predictions.tsv"))
        ex, ov = d["dates_figures"]["exact"], d["dates_figures"]["overlap"]
        self.assertEqual(d["info"]["sentences"], 3)
        self.assertEqual(d["info"]["gold_spans_nested_in_same_type"], 1)  # 1948 in عامي ( 1948 )
        want = {"DATE": (3, 2, 2), "CARDINAL": (2, 2, 2), "MONEY": (1, 1, 1),
                "PERCENT": (1, 1, 1), "QUANTITY": (1, 1, 1), "overall": (8, 7, 7)}
        for t, (g, p, c) in want.items():
            self.assertEqual((ex[t]["gold"], ex[t]["predicted"], ex[t]["correct"]), (g, p, c), t)
        self.assertEqual((ov["DATE"]["correct_predicted"], ov["DATE"]["found_gold"]), (2, 3))
        self.assertAlmostEqual(ov["overall"]["R"], 1.0)
        ent, ento = d["entities"]["exact"], d["entities"]["overlap"]
        # gold LOC = GPE السورية + GPE مدينة البيرة; predicted البيرة is inside the second
        self.assertEqual((ent["LOC"]["gold"], ent["LOC"]["predicted"], ent["LOC"]["correct"]), (2, 1, 0))
        self.assertEqual((ent["ORG"]["gold"], ent["ORG"]["correct"]), (1, 1))
        self.assertEqual((ento["LOC"]["correct_predicted"], ento["LOC"]["found_gold"]), (1, 1))

    def test_overall_line(self):
        out = run("eval-wojood", [self.gold], "wojood-mini.predictions.tsv")
        self.assertEqual(out.strip().splitlines()[-1],
                         "overall P=1.000 R=0.875 F1=0.933 "
                         "overlap_P=1.000 overlap_R=1.000 overlap_F1=1.000")

    def test_no_predictions(self):
        out = run("eval-wojood", [self.gold])
        self.assertTrue(out.strip().splitlines()[-1].startswith("overall P=0.000 R=0.000 F1=0.000 overlap_P=0.000 overlap_R=0.000 overlap_F1=0.000"))


class ReadingTools(unittest.TestCase):
    """scripts/sample-entities and scripts/diff-entities, on hand-made extractor output."""

    def setUp(self):
        import tempfile
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, lines):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            for o in lines:
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
        return path

    @staticmethod
    def mention(article, begin, kind, id_, text, before="", after=""):
        return {"article": article, "passage": 1, "begin": begin, "end": begin + len(text.encode()),
                "entity": kind, "id": id_, "name": id_, "text": text, "rule": "title",
                "before": before, "after": after}

    def test_diff_entities(self):
        before = self.write("before.jsonl", [
            self.mention("a", 0, "person", "صالح", "صالح", "الدكتور ", " القنيعير"),
            self.mention("a", 40, "place", "جدة", "جدة"),
            self.mention("b", 5, "person", "محمد فهد", "محمد بن فهد"),
            {"article": "a", "passage": 1, "begin": 60, "end": 64, "text": "9000", "value": 9000},
        ])
        after = self.write("after.jsonl", [
            self.mention("a", 0, "person", "صالح قنيعير", "صالح القنيعير", "الدكتور ", ""),
            self.mention("a", 40, "place", "جدة", "جدة"),
            self.mention("b", 5, "person", "محمد فهد بن", "محمد بن فهد"),
        ])
        p = subprocess.run([os.path.join(REPO, "scripts", "diff-entities"), "--show", "صالح,صالح قنيعير",
                            before, after], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        # (a, 0) has another span: one removed and one added; (b, 5) the same span, another id.
        self.assertIn("person 2 -> 2: 1 removed, 1 added, 1 ids changed", p.stdout)
        self.assertIn("place  1 -> 1: 0 removed, 0 added, 0 ids changed", p.stdout)
        self.assertIn("removed: person صالح (1)", p.stdout)
        self.assertIn("added: person صالح قنيعير (1)", p.stdout)
        self.assertIn("- person صالح {title} | الدكتور  [[ صالح ]]  القنيعير", p.stdout)
        self.assertIn("+ person صالح قنيعير {title} | الدكتور  [[ صالح القنيعير ]] ", p.stdout)

    def test_sample_entities(self):
        lines = [self.mention("a", 10 * i, "person" if i % 2 else "org", "p%d" % i, "n%d" % i) for i in range(20)]
        out = self.write("extract.jsonl", lines)
        fake = os.path.join(self.tmp.name, "fake-index")
        with open(fake, "w") as f:
            f.write("#!/bin/sh\n"
                    "case \"$*\" in *'--extract --json --quiet --extract-context 5'*) cat '%s';; *) exit 9;; esac\n" % out)
        os.chmod(fake, 0o755)
        env = dict(os.environ, FAHRAS_INDEX=fake)

        def sample(*args):
            p = subprocess.run([os.path.join(REPO, "scripts", "sample-entities"), "--context", "5"] + list(args)
                               + ["INPUT"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               universal_newlines=True)
            self.assertEqual(p.returncode, 0, p.stderr)
            return p.stdout.splitlines()

        first = sample("--type", "person", "-n", "4", "--seed", "3")
        self.assertEqual(len(first), 5)
        self.assertEqual(first[-1], "10 person mentions drawn from")
        self.assertTrue(all(" {title} | " in line and "[[ n" in line for line in first[:4]))
        # The same seed draws the same sample; every person drawn is odd-numbered (a person).
        self.assertEqual(sample("--type", "person", "-n", "4", "--seed", "3"), first)
        self.assertTrue(all(int(line.split()[1][1:]) % 2 == 1 for line in first[:4]))
        self.assertEqual(sample("--type", "org", "-n", "50")[-1], "10 org mentions drawn from")
        self.assertEqual(len(sample("--type", "org", "-n", "50")), 11)  # all of them, then the count


if __name__ == "__main__":
    unittest.main(verbosity=2)
