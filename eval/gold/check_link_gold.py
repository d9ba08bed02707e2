#!/usr/bin/env python3
"""Consistency check of the linking gold (eval/gold/link.json) against its articles
(examples/link/articles/).

Run from anywhere:  python3 eval/gold/check_link_gold.py   (exit code 0 = all checks pass)

It verifies that
  * every file in articles/ has a gold entry and vice versa, and each file has the expected
    shape (title line, `Source:` line equal to the gold outlet, a date line equal to `published`);
  * every quote (claims, contradiction sides) occurs verbatim in its article;
  * the independence groups partition the articles and follow `copy_of` and citation-only
    `cites` exactly (every group has one origin);
  * every relative date resolves, against the article's own publication date, to the
    interval the gold claims (taxonomy rules: weekday = latest such day on or before
    publication, `yesterday`, `last week` = previous Monday-Sunday, `earlier this month`);
  * the contradictions listed are exactly the conflicting claim pairs (recomputed from the
    claim table with the casualty range table, the date intervals, the place hierarchy and
    the actor rules below), the non-contradictions are compatible, the updates are framed as
    updates, and the corroborations / single-source values and their independent-source
    counts follow the counting rule in README.md;
  * exact copies have identical bodies, near copies overlap strongly, and no two articles in
    different groups share more than a few 5-word shingles (the copy structure is in the text).

Python 3.8+, standard library only.
"""
import datetime as dt
import json
import os
import re
import sys
from itertools import combinations

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = os.path.join(HERE, "..", "..", "examples", "link", "articles")
GOLD = os.path.join(HERE, "link.json")

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
INF = 10 ** 9

# ---------------------------------------------------------------- counts (taxonomy table)


def number(word):
    w = word.lower().strip()
    if w.isdigit():
        return int(w)
    if w in WORDS:
        return WORDS[w]
    if w in TENS:
        return TENS[w]
    if "-" in w:
        a, b = w.split("-", 1)
        if a in TENS and b in WORDS:
            return TENS[a] + WORDS[b]
    raise ValueError("not a number: %r" % word)


def count_range(value):
    """The {min, max} a casualty wording allows (docs/taxonomy.md), max INF when open."""
    v = value.lower().strip()
    v = re.sub(r"^(has risen to|rose to|climbed to)\s+", "", v)
    v = re.sub(r"\s+(children|people|civilians)$", "", v)
    fixed = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
             "a dozen": (12, 12), "two dozen": (24, 24), "several": (3, 9)}
    if v in fixed:
        return fixed[v]
    m = re.match(r"^(at least|no fewer than)\s+(\S+)$", v)
    if m:
        return (number(m.group(2)), INF)
    m = re.match(r"^(more than|over)\s+(\S+)$", v)
    if m:
        return (number(m.group(2)) + 1, INF)
    m = re.match(r"^(about|around|some|approximately)\s+(\S+)$", v)
    if m:
        n = number(m.group(2))
        return (n - n // 10, n + n // 10)
    m = re.match(r"^(nearly|almost)\s+(\S+)$", v)
    if m:
        n = number(m.group(2))
        return (n - n // 5, n - 1)
    n = number(v)
    return (n, n)


def ranges_conflict(a, b):
    return a[1] < b[0] or b[1] < a[0]


def range_within(inner, outer):
    return outer[0] <= inner[0] and inner[1] <= outer[1]

# ---------------------------------------------------------------- dates


def parse_date_line(line):
    """Publication date from the date line styles used in this corpus (numeric = day first,
    and only used with a day above 12 so that month-first readers agree)."""
    s = line.strip()
    s = re.sub(r"^(Published|Posted on|Updated)\s*:?\s*", "", s)
    s = re.sub(r"\s+by\s+.*$", "", s)
    s = re.sub(r"^(%s),?\s+" % "|".join(WEEKDAYS), "", s, flags=re.I)
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.match(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$", s)
    if m:
        d, mo = int(m.group(1)), int(m.group(2))
        if d <= 12:
            raise ValueError("ambiguous numeric date line: %r" % line)
        return dt.date(int(m.group(3)), mo, d)
    m = re.match(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$", s)
    if m:
        return dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = re.match(r"^([A-Za-z]+)\.?\s+(\d{1,2}),\s+(\d{4})$", s)
    if m:
        return dt.date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    raise ValueError("unrecognised date line: %r" % line)


def resolve_date(value, published):
    """(first day, last day, precision) of a date wording, relative to `published`."""
    v = value.lower()
    m = re.search(r"\b(\d{1,2})\s+(january|february|march|april|may|june|july|august|"
                  r"september|october|november|december)\b", v)
    if m:
        d = dt.date(published.year, MONTHS[m.group(2)], int(m.group(1)))
        return (d, d, "day")
    if "yesterday" in v or "last night" in v:
        d = published - dt.timedelta(days=1)
        return (d, d, "day")
    if "last week" in v:
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return (monday, monday + dt.timedelta(days=6), "week")
    if "this month" in v:
        first = published.replace(day=1)
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        return (first, nxt - dt.timedelta(days=1), "month")
    for i, name in enumerate(WEEKDAYS):
        if re.search(r"\b%s\b|\b%s's\b" % (name, name), v):
            back = (published.weekday() - i) % 7
            d = published - dt.timedelta(days=back)
            return (d, d, "day")
    if "today" in v or "this morning" in v or "tonight" in v:
        return (published, published, "day")
    raise ValueError("cannot resolve date %r" % value)

# ---------------------------------------------------------------- places and actors

# child -> parent, for the places claimed in this corpus (lexicons/gazetteer.tsv).
PLACE_PARENT = {"Sheikh Maqsoud": "Aleppo"}


def place_within(inner, outer):
    p = inner
    while p is not None:
        if p == outer:
            return True
        p = PLACE_PARENT.get(p)
    return False


def places_conflict(a, b):
    return not (place_within(a, b) or place_within(b, a))


# Camps: who an actor claim points at. `generic` labels (terrorists, militants) name some
# non-state armed group without saying which.
CAMP = {
    "Syrian Government": "government", "Russian Armed Forces": "russia",
    "Turkish Armed Forces": "turkey", "YPG": "ypg",
    "Hayat Tahrir al-Sham": "rebels", "Rebels": "rebels",
    "Islamic State": "islamic-state", "Khalid ibn al-Walid Army": "islamic-state",
    "Terrorists": "generic", "Militants": "generic",
}
STATE = {"government", "russia", "turkey"}


def actor_conflict(a, b):
    """Two actor claims that cannot both hold: a denial of X against X (or X's camp when X is
    a state), two different camps, or a generic non-state label against a state actor."""
    na, nb = a.startswith("not "), b.startswith("not ")
    if na and nb:
        return False
    if na or nb:
        neg, pos = (a[4:], b) if na else (b[4:], a)
        if CAMP[neg] in STATE:
            return CAMP[pos] == CAMP[neg]
        return pos == neg
    ca, cb = CAMP[a], CAMP[b]
    if ca == cb:
        return False
    if "generic" in (ca, cb):
        return (cb if ca == "generic" else ca) in STATE
    return True


def actor_supports(claim, value):
    """Does an actor claim imply the value? Same camp for named actors; a generic value is
    implied by any non-state camp; a denial only by the same denial."""
    if value.startswith("not ") or claim.startswith("not "):
        return claim == value
    if CAMP[value] == "generic":
        return CAMP[claim] not in STATE
    return CAMP[claim] == CAMP[value]

# ---------------------------------------------------------------- claim normalisation


def norm(claim, published):
    f = claim["field"]
    if f in ("killed", "injured"):
        return (claim.get("category", "people"), count_range(claim["value"]))
    if f == "date":
        a, b, _ = resolve_date(claim["value"], published)
        return (a, b)
    return claim["canonical"]


def conflict(field, x, y):
    if field in ("killed", "injured"):
        return x[0] == y[0] and ranges_conflict(x[1], y[1])
    if field == "date":
        return x[1] < y[0] or y[1] < x[0]
    if field == "place":
        return places_conflict(x, y)
    return actor_conflict(x, y)


def supports(field, claim_norm, value_norm):
    if field in ("killed", "injured"):
        return claim_norm[0] == value_norm[0] and range_within(claim_norm[1], value_norm[1])
    if field == "date":
        return value_norm[0] <= claim_norm[0] and claim_norm[1] <= value_norm[1]
    if field == "place":
        return place_within(claim_norm, value_norm)
    return actor_supports(claim_norm, value_norm)

# ---------------------------------------------------------------- articles


def read_article(name):
    with open(os.path.join(ARTICLES, name), encoding="utf-8") as fh:
        text = fh.read()
    head, _, body = text.partition("\n\n")
    lines = head.split("\n")
    return text, lines, body


def shingles(text, n=5):
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}

# ---------------------------------------------------------------- derived gold


def source_unit(gold, claim):
    """The outlet a claim counts for: the corpus outlet it is attributed to (`via`), else
    the outlet of the origin of the article's independence group."""
    if claim.get("via_chain"):
        return claim["via_chain"][-1]
    if claim.get("via"):
        return claim["via"]
    origin = group_origin(gold, claim["article"])
    return gold["articles"][origin]["outlet"]


def group_origin(gold, name):
    a = gold["articles"][name]
    if a["copy_of"]:
        return group_origin(gold, a["copy_of"])
    for c in a["cites"]:
        if c["for"] == "all" and c.get("article"):
            return group_origin(gold, c["article"])
    return name


def derive_contradictions(gold, pub):
    """One cross-article entry per (event, field) holding every claim in a cross-article
    conflict, plus one intra-article entry per article and field with conflicting claims."""
    out = []
    claims = gold["claims"]
    keys = sorted({(c["event"], c["field"]) for c in claims})
    for ev, field in keys:
        cs = [c for c in claims if c["event"] == ev and c["field"] == field]
        ns = {c["id"]: norm(c, pub[c["article"]]) for c in cs}
        cross, intra = set(), {}
        for x, y in combinations(cs, 2):
            if not conflict(field, ns[x["id"]], ns[y["id"]]):
                continue
            if x["article"] == y["article"]:
                intra.setdefault(x["article"], set()).update([x["id"], y["id"]])
            else:
                cross.update([x["id"], y["id"]])
        if cross:
            out.append((ev, field, False, tuple(sorted(cross))))
        for art, ids in sorted(intra.items()):
            out.append((ev, field, True, tuple(sorted(ids))))
    return out


def value_key(claim, published):
    """What makes two stated values "the same value" for corroboration: the normalised count
    range or date interval, the canonical place, and for actors the camp (a generic label, a
    named group and its affiliate are one value); a denial is its own value."""
    v = norm(claim, published)
    if claim["field"] == "actor" and not v.startswith("not "):
        return "camp:" + CAMP[v]
    return repr(v)


def derive_support(gold, pub):
    """For every distinct value stated on an event field: the supporting claims, articles and
    independent sources."""
    out = {}
    for c in gold["claims"]:
        v = norm(c, pub[c["article"]])
        key = (c["event"], c["field"], value_key(c, pub[c["article"]]))
        if key in out:
            continue
        sup = [d for d in gold["claims"]
               if d["event"] == c["event"] and d["field"] == c["field"]
               and supports(c["field"], norm(d, pub[d["article"]]), v)]
        arts = sorted({d["article"] for d in sup})
        units = sorted({source_unit(gold, d) for d in sup})
        out[key] = (c, arts, units)
    return out

# ---------------------------------------------------------------- the checks


def main():
    errors = []

    def err(msg):
        errors.append(msg)

    with open(GOLD, encoding="utf-8") as fh:
        gold = json.load(fh)
    files = sorted(f for f in os.listdir(ARTICLES) if f.endswith(".txt"))
    arts = gold["articles"]
    if sorted(arts) != files:
        err("file list differs: only in gold %s, only on disk %s" % (
            sorted(set(arts) - set(files)), sorted(set(files) - set(arts))))

    texts, bodies, pub = {}, {}, {}
    for name in files:
        text, lines, body = read_article(name)
        texts[name], bodies[name] = text, body
        a = arts.get(name)
        if a is None:
            continue
        if not re.match(r"^\d\d-[a-z0-9-]+\.txt$", name):
            err("%s: file name not <nn>-<outlet-slug>-<slug>.txt" % name)
        if len(lines) < 3 or not lines[0] or lines[1] != "Source: " + a["outlet"]:
            err("%s: header is not title / Source: %s / date" % (name, a["outlet"]))
            continue
        published = parse_date_line(lines[2])
        pub[name] = published
        if published.isoformat() != a["published"]:
            err("%s: date line %r is %s, gold says %s" % (name, lines[2], published, a["published"]))
        if len(lines) > 3 and not (lines[3].startswith("By ") and len(lines) == 4):
            err("%s: unexpected header lines %r" % (name, lines[3:]))
        words = len(body.split())
        if not 120 <= words <= 350:
            err("%s: body has %d words (want 120-350)" % (name, words))
        for ev in a["event_ids"]:
            if ev not in gold["events"]:
                err("%s: unknown event %s" % (name, ev))

    # quotes and claims
    ids = {}
    for c in gold["claims"]:
        ids[c["id"]] = c
        if c["quote"] not in bodies.get(c["article"], ""):
            err("claim %s: quote not in %s: %r" % (c["id"], c["article"], c["quote"]))
        if c["event"] not in arts[c["article"]]["event_ids"]:
            err("claim %s: event %s not in the article's event_ids" % (c["id"], c["event"]))
        if c["field"] == "date":
            a, b, prec = resolve_date(c["value"], pub[c["article"]])
            want = c["resolved"]
            if (a.isoformat(), b.isoformat(), prec) != (want["from"], want["to"], want["precision"]):
                err("claim %s: %r published %s resolves to %s..%s (%s), gold says %s" % (
                    c["id"], c["value"], pub[c["article"]], a, b, prec, want))
        if c["field"] in ("killed", "injured"):
            lo, hi = count_range(c["value"])
            if [lo, None if hi == INF else hi] != c["range"]:
                err("claim %s: range of %r is %s..%s, gold says %s" % (c["id"], c["value"], lo, hi, c["range"]))
    for name, a in arts.items():
        for ev in a["event_ids"]:
            if not any(c["article"] == name and c["event"] == ev for c in gold["claims"]):
                err("%s: no claim for its event %s" % (name, ev))
    for ev, e in gold["events"].items():
        if not any(c["event"] == ev and c["field"] == "date"
                   and c["resolved"]["from"] <= e["date"] <= c["resolved"]["to"]
                   for c in gold["claims"]):
            err("event %s: no date claim contains its date %s" % (ev, e["date"]))

    # independence groups
    seen = {}
    for i, g in enumerate(gold["independence_groups"]):
        for m in g:
            if m in seen:
                err("%s is in groups %d and %d" % (m, seen[m], i))
            seen[m] = i
        origins = {group_origin(gold, m) for m in g}
        if len(origins) != 1:
            err("group %d has several origins %s" % (i, sorted(origins)))
        if g[0] not in origins:
            err("group %d does not start with its origin %s" % (i, sorted(origins)))
    if sorted(seen) != sorted(arts):
        err("groups do not cover the articles: missing %s" % sorted(set(arts) - set(seen)))

    # contradictions
    derived = derive_contradictions(gold, pub)
    listed = []
    for k in gold["contradictions"]:
        for s in k["sides"]:
            c = ids.get(s["claim"])
            if c is None or (c["article"], c["value"], c["quote"]) != (s["article"], s["value"], s["quote"]):
                err("contradiction side does not match its claim: %s" % s)
            if s["quote"] not in bodies.get(s["article"], ""):
                err("contradiction quote not in %s: %r" % (s["article"], s["quote"]))
        listed.append((k["event"], k["field"], k["intra_article"], tuple(sorted(s["claim"] for s in k["sides"]))))
    for d in sorted(set(derived) - set(listed)):
        err("conflict not listed as a contradiction: %s" % (d,))
    for d in sorted(set(listed) - set(derived)):
        err("listed contradiction is not a conflict (or is incomplete): %s" % (d,))

    # non-contradictions: the named claims are pairwise compatible
    for n in gold["non_contradictions"]:
        cs = [ids[i] for i in n["claims"]]
        for x, y in combinations(cs, 2):
            if x["event"] == y["event"] and conflict(x["field"], norm(x, pub[x["article"]]), norm(y, pub[y["article"]])):
                err("non-contradiction conflicts: %s vs %s" % (x["id"], y["id"]))
        if sorted({c["article"] for c in cs}) != sorted(n["articles"]):
            err("non-contradiction articles do not match its claims: %s" % n["why"])

    # updates
    for u in gold["updates"]:
        to = [c for c in gold["claims"] if c["article"] == u["to"] and c["event"] == u["event"]
              and c["field"] == u["field"] and c.get("update")]
        fr = [c for c in gold["claims"] if c["article"] == u["from"] and c["event"] == u["event"]
              and c["field"] == u["field"]]
        if not to or not fr or pub[u["from"]] > pub[u["to"]]:
            err("update %s -> %s is not an earlier figure followed by an update" % (u["from"], u["to"]))

    # corroborations and single-source values
    sup = derive_support(gold, pub)
    want_c = {k: (v[1], len(v[2])) for k, v in sup.items() if len(v[2]) >= 2}
    want_s = {k: (v[1], 1) for k, v in sup.items() if len(v[2]) == 1}
    got_c, got_s = {}, {}
    for c in gold["corroborations"]:
        key = (c["event"], c["field"], value_key(ids[c["claim"]], pub[ids[c["claim"]]["article"]]))
        got_c[key] = (sorted(c["articles"]), c["independent_sources"])
    for c in gold["single_source"]:
        key = (c["event"], c["field"], value_key(ids[c["claim"]], pub[ids[c["claim"]]["article"]]))
        got_s[key] = (sorted(c["articles"]), 1)
        if c["article"] not in c["articles"]:
            err("single_source: %s not among its articles" % c["article"])
    for name, want, got in (("corroboration", want_c, got_c), ("single_source", want_s, got_s)):
        for k in sorted(set(want) | set(got)):
            if want.get(k) != got.get(k):
                err("%s %s: derived %s, gold %s" % (name, k, want.get(k), got.get(k)))

    # copies are in the text, and nothing else is
    sh = {n: shingles(bodies[n]) for n in files}
    for name, a in arts.items():
        if a["copy_of"]:
            o = a["copy_of"]
            if a["copy_kind"] == "exact" and bodies[name] != bodies[o]:
                err("%s is not an exact copy of %s" % (name, o))
            if a["copy_kind"] == "near":
                inter = len(sh[name] & sh[o])
                jac = inter / len(sh[name] | sh[o])
                if jac < 0.6:
                    err("%s: near copy of %s has Jaccard %.2f" % (name, o, jac))
    worst = (0.0, None, None)
    for x, y in combinations(files, 2):
        if seen.get(x) == seen.get(y):
            continue
        inter = len(sh[x] & sh[y])
        cont = inter / max(1, min(len(sh[x]), len(sh[y])))
        passage = any(c.get("how") == "copied passage" and c.get("article") in (x, y)
                      for n in (x, y) for c in arts[n]["cites"])
        if cont > worst[0] and not passage:
            worst = (cont, x, y)
        if cont > 0.15 and not passage:
            err("%s and %s share %.0f%% of shingles but are in different groups" % (x, y, 100 * cont))

    # report
    t = gold["totals"]
    print("articles %d, events %d (%d decoys), groups %d, claims %d" % (
        len(arts), len(gold["events"]), sum(1 for e in gold["events"].values() if e.get("decoy")),
        len(gold["independence_groups"]), len(gold["claims"])))
    print("contradictions %d (%s), non-contradictions %d, updates %d, corroborations %d, single-source %d" % (
        len(gold["contradictions"]), t["contradictions_per_field"], len(gold["non_contradictions"]),
        len(gold["updates"]), len(gold["corroborations"]), len(gold["single_source"])))
    print("largest shingle containment across groups (copied passages aside): %.1f%% (%s, %s)" % (
        100 * worst[0], worst[1], worst[2]))
    if errors:
        print("\n%d problem(s):" % len(errors))
        for e in errors:
            print("  - " + e)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
