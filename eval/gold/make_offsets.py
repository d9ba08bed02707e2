#!/usr/bin/env python3
"""Build and verify eval/gold/events.jsonl (the hand-annotated event-frame gold set).

The gold set references texts by (dataset, key, byte offsets); it never stores them.
This script holds no dataset text either: the annotator's working file (sentence texts
plus frames, kept outside the repository) is passed on the command line.

    # build: locate each annotated sentence in its decoded source, write offsets
    python3 eval/gold/make_offsets.py build ANNOTATIONS.json > eval/gold/events.jsonl

    # verify: re-read the sources, slice every record, check guards and field texts
    python3 eval/gold/make_offsets.py verify eval/gold/events.jsonl

    # dump: rebuild an editable working file (with sentence texts) from the gold set;
    # write it OUTSIDE the repository, edit it, then `build` again
    python3 eval/gold/make_offsets.py dump eval/gold/events.jsonl > /tmp/gold-working.json

Sources and keys (offsets are UTF-8 byte offsets into the decoded text):
  fa-kes    key = unit_id; text = article_content of the CSV decoded as latin-1;
            published = the `date` column (M/D/YYYY).
  ptc       key = train-articles file name; text = the file decoded as UTF-8; published = null.
  ptc-test  key = test-articles file name of semeval2020-task11-ptc (the texts of the official
            test split, whose labels are held back); otherwise as ptc.
  fnc1      key = `Body ID` of fnc1-stance/competition_test_bodies.csv; text = its `articleBody`
            (UTF-8); published = null (the bodies carry no date).
  emergent  key = `articleId` of emergent-stance/url-versions-2015-06-14-clean-train.csv; text = its
            `articleHeadline` (UTF-8; one headline, one sentence); published = null.
  examples  key = "corpus/<file>.txt" (whole file) or "corpus/wire-feed.jsonl#<line>"
            (the `text` value of that 1-based record); published from examples/README.md.

Input records (build) carry the sentence as `sentence` (and `occurrence`, 0-based, when the
same sentence occurs more than once in the text); everything else is copied through.
"""
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SHARED = os.environ.get("CROSSCHECK_SHARED_DATA", os.path.normpath(os.path.join(ROOT, "..", "shared", "data")))
EXAMPLES = os.path.join(ROOT, "examples")

# Publication dates of the sample corpus, as given in examples/README.md (metadata, not text).
EXAMPLE_PUBLISHED = {
    "corpus/a1-levant-wire-market-strike.txt": "2016-10-16",
    "corpus/a2-crescent-review-syndicated.txt": "2016-10-17",
    "corpus/a3-homeland-gazette-mortar.txt": "2016-10-17",
    "corpus/a4-free-idlib-post-with-comments.txt": "2016-10-18",
    "corpus/c1-frontline-truth-chlorine-hoax.txt": "2017-03-06",
    "corpus/c2-patriot-dispatch-copy.txt": "2017-03-07",
    "corpus/c3-resistance-news-hub-copy.txt": "2017-03-08",
    "corpus/wire-feed.jsonl#1": "2016-10-17",
    "corpus/wire-feed.jsonl#2": "2017-03-09",
    "corpus/wire-feed.jsonl#3": "2017-11-14",
    "corpus/wire-feed.jsonl#4": "2017-11-16",
}
# The compilation holds three articles with different dates: by byte range (README "Compilation split").
COMPILATION = "corpus/compilation-press-digest.txt"
COMPILATION_PARTS = [(0, 794, "2016-10-17"), (808, 1644, "2016-10-17"), (1647, 2659, "2017-11-17")]

TYPES = {"airstrike", "shelling", "bombing", "ground_attack", "execution", "chemical_attack", "capture",
         "siege", "ceasefire", "agreement", "accusation", "death", "arrest", "displacement", "other"}
CATEGORIES = {"people", "civilians", "children", "women", "soldiers", "fighters", "militants", "medics",
              "journalists", "police"}
KINDS = {"official", "media", "monitor", "armed_group", "person", "anonymous", "other"}
PRECISIONS = {"day", "week", "month", "year"}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_fakes = None
_fnc1 = None
_emergent = None


def fakes_rows():
    global _fakes
    if _fakes is None:
        path = os.path.join(SHARED, "fa-kes", "FA-KES-Dataset.csv")
        with open(path, encoding="latin-1", newline="") as f:
            _fakes = {}
            for row in csv.DictReader(f):
                # A few unit_ids occur twice with identical content; the first row is used.
                _fakes.setdefault(row["unit_id"], row)
    return _fakes


def fnc1_bodies():
    global _fnc1
    if _fnc1 is None:
        path = os.path.join(SHARED, "fnc1-stance", "competition_test_bodies.csv")
        csv.field_size_limit(1 << 30)
        with open(path, encoding="utf-8", newline="") as f:
            _fnc1 = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}
    return _fnc1


def emergent_headlines():
    global _emergent
    if _emergent is None:
        path = os.path.join(SHARED, "emergent-stance", "url-versions-2015-06-14-clean-train.csv")
        with open(path, encoding="utf-8", newline="") as f:
            _emergent = {row["articleId"]: row["articleHeadline"] for row in csv.DictReader(f)}
    return _emergent


def source_text(dataset, key):
    if dataset == "fa-kes":
        return fakes_rows()[key]["article_content"]
    if dataset in ("ptc", "ptc-test"):
        folder = "train-articles" if dataset == "ptc" else "test-articles"
        with open(os.path.join(SHARED, "semeval2020-task11-ptc", folder, key), encoding="utf-8") as f:
            return f.read()
    if dataset == "fnc1":
        return fnc1_bodies()[key]
    if dataset == "emergent":
        return emergent_headlines()[key]
    if dataset == "examples":
        if "#" in key:
            path, line = key.split("#")
            with open(os.path.join(EXAMPLES, path), encoding="utf-8") as f:
                return json.loads(f.read().split("\n")[int(line) - 1])["text"]
        with open(os.path.join(EXAMPLES, key), encoding="utf-8") as f:
            return f.read()
    raise ValueError("unknown dataset %r" % dataset)


def published(dataset, key, start):
    if dataset == "fa-kes":
        m, d, y = fakes_rows()[key]["date"].split("/")
        return "%04d-%02d-%02d" % (int(y), int(m), int(d))
    if dataset in ("ptc", "ptc-test", "fnc1", "emergent"):
        return None
    if key == COMPILATION:
        for lo, hi, date in COMPILATION_PARTS:
            if lo <= start < hi:
                return date
        raise ValueError("offset outside the compilation parts")
    return EXAMPLE_PUBLISHED[key]


def byte_offset(text, char_index):
    return len(text[:char_index].encode("utf-8"))


def slice_bytes(text, start, end):
    return text.encode("utf-8")[start:end].decode("utf-8")


def field_texts(rec):
    """Yield (label, text) for every `text` the scorer must find inside the sentence."""
    ev = rec.get("event")
    if ev:
        for name in ("actor", "target", "place", "date", "killed", "injured"):
            if ev.get(name):
                yield name, ev[name]["text"]
        for i, k in enumerate(ev.get("killed_more", [])):
            yield "killed_more[%d]" % i, k["text"]
    for i, link in enumerate(rec["attribution"]["chain"]):
        yield "chain[%d]" % i, link["text"]


def check_record(rec, sentence):
    errs = []
    for label, t in field_texts(rec):
        if not t or t not in sentence:
            errs.append("%s text %r not in sentence" % (label, t))
    ev = rec.get("event")
    if ev is not None:
        if ev["type"] not in TYPES:
            errs.append("bad type %r" % ev["type"])
        d = ev.get("date")
        if d:
            if not (DATE_RE.match(d["value"]) and DATE_RE.match(d["last"]) and d["value"] <= d["last"]):
                errs.append("bad date %r" % d)
            if d["precision"] not in PRECISIONS:
                errs.append("bad precision %r" % d["precision"])
        for name in ("killed", "injured"):
            counts = [ev[name]] if ev.get(name) else []
            if name == "killed":
                counts += ev.get("killed_more", [])
            for k in counts:
                if k["category"] not in CATEGORIES:
                    errs.append("bad category %r" % k["category"])
                if not isinstance(k["min"], int) or (k["max"] is not None and k["max"] < k["min"]):
                    errs.append("bad range %r" % k)
    for link in rec["attribution"]["chain"]:
        if link["kind"] not in KINDS:
            errs.append("bad kind %r" % link["kind"])
    if not rec["checkworthy"] and ev is not None:
        errs.append("non-check-worthy sentence with an event")
    return errs


def boundary_warnings(text, ci, cj):
    warns = []
    if ci > 0 and not text[ci - 1].isspace():
        warns.append("starts mid-token (%r before)" % text[ci - 1])
    if text[cj - 1] not in ".!?\"'\u201d\u2019\u2026)" :
        warns.append("ends without final punctuation (%r)" % text[cj - 1])
    return warns


def build(path):
    with open(path, encoding="utf-8") as f:
        items = json.load(f)
    out, failures = [], 0
    seen = set()
    for n, item in enumerate(items):
        text = source_text(item["dataset"], item["key"])
        sent = item["sentence"]
        occ = item.get("occurrence", 0)
        positions = [m.start() for m in re.finditer(re.escape(sent), text)]
        if len(positions) <= occ:
            print("item %d (%s %s): sentence not found: %.60r" % (n, item["dataset"], item["key"], sent), file=sys.stderr)
            failures += 1
            continue
        if len(positions) > 1 and "occurrence" not in item:
            print("item %d: sentence occurs %d times; give occurrence" % (n, len(positions)), file=sys.stderr)
            failures += 1
            continue
        ci = positions[occ]
        cj = ci + len(sent)
        start, end = byte_offset(text, ci), byte_offset(text, cj)
        assert slice_bytes(text, start, end) == sent
        for w in boundary_warnings(text, ci, cj):
            print("item %d: warning: %s: %.50r" % (n, w, sent), file=sys.stderr)
        rec = {
            "dataset": item["dataset"], "key": item["key"], "start": start, "end": end,
            "check": sent[:20], "published": published(item["dataset"], item["key"], start),
            "checkworthy": item["checkworthy"], "event": item["event"], "attribution": item["attribution"],
        }
        ident = (rec["dataset"], rec["key"], start)
        if ident in seen:
            print("item %d: duplicate sentence" % n, file=sys.stderr)
            failures += 1
        seen.add(ident)
        errs = check_record(rec, sent)
        for e in errs:
            print("item %d (%.40r): %s" % (n, sent, e), file=sys.stderr)
        failures += bool(errs)
        out.append(rec)
    order = {"fa-kes": 0, "ptc": 1, "fnc1": 2, "examples": 3, "emergent": 4, "ptc-test": 5}
    out.sort(key=lambda r: (order[r["dataset"]], r["key"], r["start"]))
    for rec in out:
        print(json.dumps(rec, ensure_ascii=False))
    if failures:
        print("%d failures" % failures, file=sys.stderr)
        sys.exit(1)


def verify(path):
    bad = 0
    n = 0
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            n += 1
            rec = json.loads(line)
            text = source_text(rec["dataset"], rec["key"])
            try:
                sent = slice_bytes(text, rec["start"], rec["end"])
            except UnicodeDecodeError:
                print("line %d: offsets not on character boundaries" % line_no)
                bad += 1
                continue
            errs = []
            if sent[:20] != rec["check"]:
                errs.append("guard mismatch: %r vs %r" % (sent[:20], rec["check"]))
            if rec["published"] != published(rec["dataset"], rec["key"], rec["start"]):
                errs.append("published mismatch")
            errs += check_record(rec, sent)
            for e in errs:
                print("line %d: %s" % (line_no, e))
            bad += bool(errs)
    print("%d records, %d with problems" % (n, bad))
    sys.exit(1 if bad else 0)


def dump(path):
    items = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            text = source_text(rec["dataset"], rec["key"])
            sent = slice_bytes(text, rec["start"], rec["end"])
            ci = len(text.encode("utf-8")[:rec["start"]].decode("utf-8"))
            positions = [m.start() for m in re.finditer(re.escape(sent), text)]
            item = {"dataset": rec["dataset"], "key": rec["key"], "sentence": sent}
            if len(positions) > 1:
                item["occurrence"] = positions.index(ci)
            for k in ("checkworthy", "event", "attribution"):
                item[k] = rec[k]
            items.append(item)
    json.dump(items, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    commands = {"build": build, "verify": verify, "dump": dump}
    if len(sys.argv) != 3 or sys.argv[1] not in commands:
        print(__doc__)
        sys.exit(2)
    commands[sys.argv[1]](sys.argv[2])
