#!/usr/bin/env python3
"""Build lexicons/outlets.tsv, the outlet reputation table, from ../shared/data.

    python3 scripts/build_outlets.py [--data ../shared/data] [--out lexicons/outlets.tsv]

The output is reproducible: the same inputs give the same bytes (rows sorted by
domain, no timestamps). What goes in, and under which licence, is documented in
docs/signals.md ("Outlet reputation"). In short:

  opensources/sources.json          OpenSources (Zimdars et al. 2017), LGPL-3.0
  bs-detector/data.json             B.S. Detector (Sieradski 2017), LGPL-3.0
  news-media-reliability/...        Burdisso et al. 2024 (Idiap), Apache-2.0; its labels
                                    come from Media Bias/Fact Check, NewsGuard (via
                                    NELA-GT-2018) and Wikipedia's perennial sources list

The table is a derived work of facts (domain -> label) with attribution; every row
says which lists it comes from. Rows for the outlets of conflict news (SANA, Al
Manar, TASS, ...) add names, aliases and ownership by hand (HAND_ROWS below); when
none of the lists rates such an outlet, its category is our own annotation and the
row states the basis.

The model-estimated scores of news-media-reliability (reliability_scores.json) are
not used: they are predictions, not labels.
"""

import argparse
import csv
import json
import os
import re
import sys

VERSION = "2025.1"

COLUMNS = [
    "domain", "name", "aliases", "category", "ownership", "reliability",
    "opensources", "bs_detector", "mbfc_factual", "mbfc_bias", "mbfc_credibility",
    "newsguard", "nela_mbfc", "wikipedia", "provenance", "version",
]

# Category precedence: when the lists disagree, the first category in this order
# that any of them supports wins. Genre labels (satire) come first because they
# change how every sentence should be read; then the labels that say the content
# is made up; then ownership; then the reliability tiers.
PRECEDENCE = [
    "satire", "fake", "conspiracy", "propaganda", "state", "unreliable",
    "hyperpartisan", "mixed", "reliable",
]

# OpenSources / B.S. Detector type -> category (their definitions are in the
# OpenSources README: "bias" is "Extreme Bias", "political" is "generally
# verifiable information in support of certain points of view", "clickbait" is
# "generally credible content" under misleading headlines).
TYPE_CATEGORY = {
    "fake": "fake", "fake news": "fake",
    "satire": "satire", "parody": "satire",
    "conspiracy": "conspiracy", "conpiracy": "conspiracy", "junksci": "conspiracy",
    "state": "state",
    "bias": "hyperpartisan", "bais": "hyperpartisan",
    "hate": "unreliable", "unreliable": "unreliable", "rumor": "unreliable", "rumors": "unreliable",
    "political": "mixed", "clickbait": "mixed",
    "reliable": "reliable", "credible": "reliable",
}
# Spellings normalised before lookup; anything else ("unknown", "malware warning",
# empty) is not a rating.
TYPE_SPELLING = {"conpiracy": "conspiracy", "bais": "bias", "rumors": "rumor", "fake news": "fake"}

WIKIPEDIA_STATUS = {1: "generally_reliable", 0: "no_consensus", -1: "generally_unreliable", -2: "blacklisted"}

# Hand-added rows: outlets of Syrian-war and Middle East news (FA-KES sources, the
# outlets the benchmark corpus names, and the agencies conflict news cites most).
# `category` is used only when none of the shared lists rates the domain; `basis`
# says why. `ownership`: state (owned or funded by a government), party (owned by
# a party to the conflict or a political movement), or empty when not stated.
HAND_ROWS = [
    dict(domain="sana.sy", name="SANA (Syrian Arab News Agency)",
         aliases=["SANA", "Syrian Arab News Agency", "Syrian Arab News Agency SANA", "sana", "en.sana.sy", "sana.sy"],
         ownership="state", category="state",
         basis="state-owned national news agency of Syria, run under the Ministry of Information"),
    dict(domain="almanar.com.lb", name="Al-Manar",
         aliases=["Al Manar", "Al-Manar TV", "Al Manar TV", "manar", "english.almanar.com.lb"],
         ownership="party", category="partisan",
         basis="television station owned by Hezbollah, a party to the Syrian war"),
    dict(domain="alalam.ir", name="Al-Alam News Network",
         aliases=["Al Alam", "Al-Alam", "Al Alam TV", "Al-Alam TV", "alalam", "en.alalam.ir"],
         ownership="state", category="state",
         basis="Arabic-language news channel of Islamic Republic of Iran Broadcasting (IRIB), Iran's state broadcaster"),
    dict(domain="alaraby.co.uk", name="Al-Araby Al-Jadeed (The New Arab)",
         aliases=["Al Araby", "Al-Araby", "Al Araby Al Jadeed", "Al-Araby Al-Jadeed", "The New Arab", "alaraby",
                  "english.alaraby.co.uk", "newarab.com"],
         ownership="", category="unknown",
         basis="London-based pan-Arab news site (Fadaat Media)"),
    dict(domain="dailysabah.com", name="Daily Sabah",
         aliases=["Daily Sabah", "dailysabah", "Sabah"],
         ownership="", category="unknown",
         basis="Turkish English-language daily of the Turkuvaz group"),
    dict(domain="sputniknews.com", name="Sputnik",
         aliases=["Sputnik", "Sputnik News", "Sputnik International", "sputnik", "sputniknews"],
         ownership="state", category="state",
         basis="news agency of Rossiya Segodnya, owned by the Russian state"),
    dict(domain="etilaf.org", name="Etilaf (National Coalition of Syrian Revolution and Opposition Forces)",
         aliases=["Etilaf", "etilaf", "en.etilaf.org", "National Coalition of Syrian Revolution and Opposition Forces",
                  "Syrian National Coalition", "Syrian Coalition", "National Coalition for Syrian Revolutionary and Opposition Forces"],
         ownership="party", category="partisan",
         basis="official website of the Syrian opposition coalition, a party to the Syrian war"),
    dict(domain="trtworld.com", name="TRT World",
         aliases=["TRT", "TRT World", "Turkish Radio and Television", "Turkish Radio and Television Corporation", "trt",
                  "trt.net.tr"],
         ownership="state", category="state",
         basis="international channel of TRT, Turkey's state broadcaster"),
    dict(domain="jordantimes.com", name="The Jordan Times",
         aliases=["Jordan Times", "The Jordan Times", "jordantimes"],
         ownership="", category="unknown",
         basis="Jordanian English-language daily (Jordan Press Foundation)"),
    dict(domain="reuters.com", name="Reuters",
         aliases=["Reuters", "Thomson Reuters", "reuters", "Reuters News Agency"],
         ownership="", category="unknown",
         basis="international news agency (Thomson Reuters)"),
    dict(domain="alarabiya.net", name="Al Arabiya",
         aliases=["Al Arabiya", "Al-Arabiya", "Al Arabiya English", "Al Arabiya News", "arabiya", "english.alarabiya.net"],
         ownership="", category="unknown",
         basis="Saudi-owned pan-Arab news channel (MBC Group)"),
    dict(domain="nna-leb.gov.lb", name="National News Agency (Lebanon)",
         aliases=["NNA", "National News Agency", "Lebanon's National News Agency", "Lebanese National News Agency", "nna"],
         ownership="state", category="state",
         basis="Lebanon's official news agency, run by the Ministry of Information (gov.lb domain)"),
    dict(domain="aawsat.com", name="Asharq Al-Awsat",
         aliases=["Asharq Al-Awsat", "Asharq Al Awsat", "Asharq Alawsat", "asharqalawsat", "english.aawsat.com",
                  "Al-Sharq al-Awsat"],
         ownership="", category="unknown",
         basis="London-based Saudi-owned daily (Saudi Research and Media Group)"),
    dict(domain="tass.com", name="TASS",
         aliases=["TASS", "ITAR-TASS", "TASS Russian News Agency", "Russian News Agency TASS", "tass"],
         ownership="state", category="state",
         basis="Russian state news agency"),
    dict(domain="tass.ru", name="TASS (Russian edition)", aliases=[], ownership="state", category="state",
         basis="Russian state news agency"),
    dict(domain="ahram.org.eg", name="Al-Ahram",
         aliases=["Ahram", "Al-Ahram", "Al Ahram", "Ahram Online", "english.ahram.org.eg", "ahram"],
         ownership="state", category="state",
         basis="Egyptian state-owned newspaper group"),
    dict(domain="aa.com.tr", name="Anadolu Agency",
         aliases=["Anadolu", "Anadolu Agency", "Anadolu Ajansi", "AA"],
         ownership="state", category="state",
         basis="Turkish state-run news agency"),
    dict(domain="aljazeera.com", name="Al Jazeera",
         aliases=["Al Jazeera", "Al-Jazeera", "Al Jazeera English", "aljazeera", "Al Jazeera Media Network"],
         ownership="state", category="state",
         basis="Al Jazeera Media Network, funded by the government of Qatar"),
    dict(domain="aljazeera.net", name="Al Jazeera (Arabic)", aliases=["Al Jazeera Arabic"],
         ownership="state", category="state",
         basis="Al Jazeera Media Network, funded by the government of Qatar"),
    dict(domain="rt.com", name="RT",
         aliases=["RT", "Russia Today", "RT News", "RT International", "RT Arabic"],
         ownership="state", category="state",
         basis="Russian state-funded television network"),
    dict(domain="presstv.ir", name="Press TV",
         aliases=["Press TV", "PressTV", "presstv"],
         ownership="state", category="state",
         basis="English-language channel of Islamic Republic of Iran Broadcasting (IRIB)"),
    dict(domain="presstv.com", name="Press TV (.com)", aliases=[], ownership="state", category="state",
         basis="English-language channel of Islamic Republic of Iran Broadcasting (IRIB)"),
    dict(domain="almasdarnews.com", name="Al-Masdar News",
         aliases=["Al-Masdar News", "Al Masdar News", "Al-Masdar", "Al Masdar", "AMN", "almasdar"],
         ownership="", category="unknown",
         basis="Lebanon-based Arabic/English news site covering the Syrian war"),
    dict(domain="enabbaladi.net", name="Enab Baladi",
         aliases=["Enab Baladi", "enabbaladi", "english.enabbaladi.net"],
         ownership="", category="unknown",
         basis="independent Syrian media organisation founded in Darayya in 2011; not rated by the shared lists"),
    dict(domain="syriahr.com", name="Syrian Observatory for Human Rights",
         aliases=["SOHR", "Syrian Observatory for Human Rights", "The Syrian Observatory for Human Rights",
                  "Syrian Observatory"],
         ownership="", category="unknown",
         basis="UK-based monitoring group that publishes casualty reports on the Syrian war"),
    dict(domain="afp.com", name="Agence France-Presse",
         aliases=["AFP", "Agence France-Presse", "Agence France Presse", "France-Presse"],
         ownership="", category="unknown", basis="international news agency"),
    dict(domain="apnews.com", name="Associated Press",
         aliases=["AP", "Associated Press", "The Associated Press", "AP News"],
         ownership="", category="unknown", basis="international news agency"),
    dict(domain="bbc.co.uk", name="BBC",
         aliases=["BBC", "BBC News", "British Broadcasting Corporation", "BBC World Service", "BBC Arabic"],
         ownership="", category="unknown", basis="UK public broadcaster"),
    dict(domain="xinhuanet.com", name="Xinhua",
         aliases=["Xinhua", "Xinhua News Agency", "news.cn"],
         ownership="state", category="state", basis="Chinese state news agency"),
    dict(domain="irna.ir", name="IRNA (Islamic Republic News Agency)",
         aliases=["IRNA", "Islamic Republic News Agency", "en.irna.ir"],
         ownership="state", category="state", basis="Iran's official state news agency"),
    dict(domain="tasnimnews.com", name="Tasnim News Agency",
         aliases=["Tasnim", "Tasnim News Agency", "Tasnim News"],
         ownership="state", category="state",
         basis="Iranian news agency affiliated with the Islamic Revolutionary Guard Corps"),
    dict(domain="farsnews.ir", name="Fars News Agency",
         aliases=["Fars", "Fars News Agency", "Fars News", "farsnews.com"],
         ownership="state", category="state",
         basis="Iranian news agency affiliated with the Islamic Revolutionary Guard Corps"),
    dict(domain="almayadeen.net", name="Al Mayadeen",
         aliases=["Al Mayadeen", "Al-Mayadeen", "Al Mayadeen TV", "english.almayadeen.net"],
         ownership="", category="unknown",
         basis="Beirut-based pan-Arab television channel; not rated by the shared lists"),
    dict(domain="alwatan.sy", name="Al-Watan (Syria)", aliases=["Al-Watan", "Al Watan", "Al-Watan Syria"],
         ownership="", category="unknown",
         basis="Damascus daily; not rated by the shared lists"),
    dict(domain="hawarnews.org", name="Hawar News Agency (ANHA)",
         aliases=["ANHA", "Hawar News Agency", "Hawar News", "Hawar"],
         ownership="", category="unknown",
         basis="news agency of the Kurdish-led administration of north-east Syria"),
    dict(domain="rudaw.net", name="Rudaw", aliases=["Rudaw", "Rudaw Media Network"],
         ownership="", category="unknown", basis="Erbil-based Kurdish media network; not rated by the shared lists"),
    dict(domain="kurdistan24.net", name="Kurdistan 24", aliases=["Kurdistan 24", "Kurdistan24"],
         ownership="", category="unknown", basis="Erbil-based Kurdish news channel"),
    dict(domain="orient-news.net", name="Orient News", aliases=["Orient News", "Orient TV"],
         ownership="", category="unknown",
         basis="Syrian opposition-aligned television channel; not rated by the shared lists"),
    dict(domain="zamanalwsl.net", name="Zaman al-Wasl", aliases=["Zaman al-Wasl", "Zaman Alwasl"],
         ownership="", category="unknown",
         basis="Syrian opposition news site; not rated by the shared lists"),
    dict(domain="syriadirect.org", name="Syria Direct", aliases=["Syria Direct"],
         ownership="", category="unknown",
         basis="Amman-based news site covering Syria; not rated by the shared lists"),
    dict(domain="middleeasteye.net", name="Middle East Eye", aliases=["Middle East Eye", "MEE"],
         ownership="", category="unknown", basis="London-based news site"),
    dict(domain="al-monitor.com", name="Al-Monitor", aliases=["Al-Monitor", "Al Monitor"],
         ownership="", category="unknown", basis="Washington-based news site on the Middle East"),
    dict(domain="yenisafak.com", name="Yeni Safak", aliases=["Yeni Safak", "Yeni Şafak"],
         ownership="", category="unknown", basis="Turkish daily; not rated by the shared lists"),
    dict(domain="hurriyetdailynews.com", name="Hurriyet Daily News",
         aliases=["Hurriyet Daily News", "Hürriyet Daily News", "Hurriyet"],
         ownership="", category="unknown", basis="Turkish English-language daily"),
    dict(domain="skynewsarabia.com", name="Sky News Arabia", aliases=["Sky News Arabia"],
         ownership="", category="unknown", basis="Abu Dhabi-based news channel; not rated by the shared lists"),
    dict(domain="alhurra.com", name="Alhurra", aliases=["Alhurra", "Al Hurra", "Al-Hurra"],
         ownership="state", category="state",
         basis="Arabic-language channel funded by the United States government (MBN)"),
    dict(domain="cgtn.com", name="CGTN", aliases=["CGTN", "China Global Television Network"],
         ownership="state", category="state", basis="international channel of China Central Television, state-owned"),
    dict(domain="southfront.org", name="South Front", aliases=["South Front", "SouthFront"],
         ownership="", category="unknown", basis="military-analysis site"),
    dict(domain="theduran.com", name="The Duran", aliases=["The Duran"],
         ownership="", category="unknown", basis="news and opinion site"),
    dict(domain="france24.com", name="France 24", aliases=["France 24", "France24"],
         ownership="state", category="state", basis="French state-owned international news channel"),
    dict(domain="dw.com", name="Deutsche Welle", aliases=["Deutsche Welle", "DW"],
         ownership="state", category="state", basis="German public international broadcaster funded by the federal government"),
    dict(domain="voanews.com", name="Voice of America", aliases=["Voice of America", "VOA", "VOA News"],
         ownership="state", category="state", basis="international broadcaster funded by the United States government"),
]


def norm_domain(raw):
    """Lower case, no scheme, no `www.`, no spaces, no trailing slash; keeps a path."""
    d = raw.strip().lower().replace(" ", "")
    d = re.sub(r"^[a-z]+://", "", d)
    if d.startswith("www."):
        d = d[4:]
    return d.rstrip("/")


def norm_type(raw):
    t = raw.strip().lower()
    return TYPE_SPELLING.get(t, t)


def norm_bias(raw):
    """MBFC bias spellings (about 60 of them) -> a direction and flags."""
    b = raw.strip().lower()
    if not b or b in ("not rated", "unrated"):
        return ""
    flags = []
    if "conspiracy" in b:
        flags.append("conspiracy")
    if "pseudoscience" in b or "pseusdoscience" in b or "psuedoscience" in b:
        flags.append("pseudoscience")
    if "pro-science" in b:
        flags.append("pro-science")
    direction = ""
    for pat, name in [(r"(far|extreme)[ -]?right|alt-right", "far right"), (r"(far|extreme)[ -]?left", "far left"),
                      (r"right[ -]?cent", "right-center"), (r"left[ -]?cent", "left-center"),
                      (r"least", "least biased"), (r"\bright\b", "right"), (r"\bleft\b", "left")]:
        if re.search(pat, b):
            direction = name
            break
    return "+".join(([direction] if direction else []) + flags)


def read_shared(data):
    rows = {}

    def row(domain):
        return rows.setdefault(domain, {c: "" for c in COLUMNS} | {"domain": domain, "_src": set(), "_cats": set()})

    def add_type(r, t):
        if t in TYPE_CATEGORY:
            r["_cats"].add(TYPE_CATEGORY[t])

    with open(os.path.join(data, "opensources", "sources.json"), encoding="utf-8") as f:
        for raw, v in json.load(f).items():
            d = norm_domain(raw)
            if not d:
                continue
            r = row(d)
            types = [norm_type(v.get(k, "")) for k in ("type", "2nd type", "3rd type")]
            types = [t for t in types if t]
            if types:
                r["opensources"] = "+".join(types)
                add_type(r, types[0])  # the primary type only sets the category
                r["_src"].add("opensources")

    with open(os.path.join(data, "bs-detector", "data.json"), encoding="utf-8") as f:
        for raw, v in json.load(f).items():
            d = norm_domain(raw)
            t = norm_type(v.get("type", ""))
            if not d or not t or t in ("unknown", "malware warning"):
                continue
            r = row(d)
            r["bs_detector"] = t
            add_type(r, t)
            r["_src"].add("bs-detector")

    nmr = os.path.join(data, "news-media-reliability")
    with open(os.path.join(nmr, "golden_truth_dataset.csv"), encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            d = norm_domain(rec["domain"])
            label = rec["reliability_label"].strip()
            if not d or label not in ("1", "0", "-1", "-2"):
                continue
            r = row(d)
            r["_golden"] = label
            r["_src"].add("nmr-golden(%s)" % rec["label_source"].strip())
            if rec["newsguard_score"].strip():
                r["newsguard"] = fmt_num(rec["newsguard_score"])

    with open(os.path.join(nmr, "mbfc", "mbfc.csv"), encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            d = norm_domain(rec["source"])
            if not d:
                continue
            r = row(d)
            # 51 domains appear twice; the first row with a factual rating wins.
            if r["mbfc_factual"]:
                continue
            r["mbfc_factual"] = rec["factual_reporting"].strip().lower()
            r["mbfc_bias"] = norm_bias(rec["bias"])
            r["mbfc_credibility"] = rec["mbfc_credibility_rating"].strip().lower().replace(" credibility", "")
            if "conspiracy" in r["mbfc_bias"] or "pseudoscience" in r["mbfc_bias"]:
                r["_cats"].add("conspiracy")
            r["_src"].add("mbfc")

    with open(os.path.join(nmr, "nela-gt", "labels_nela_gt_domain_2018.csv"), encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            d = norm_domain(rec["domain"])
            if not d:
                continue
            r = row(d)
            if rec["Source"].strip() and not r["name"]:
                r["name"] = rec["Source"].strip()
            label = rec["Media Bias / Fact Check, label"].strip()
            propaganda = rec["Media Bias / Fact Check, propaganda"].strip() == "1.0"
            if label:
                r["nela_mbfc"] = label + ("+propaganda" if propaganda else "")
                if label == "satire":
                    r["_cats"].add("satire")
                elif label == "conspiracy_pseudoscience":
                    r["_cats"].add("conspiracy")
                elif label == "questionable_source":
                    r["_cats"].add("propaganda" if propaganda else "unreliable")
            if rec["NewsGuard, score"].strip() and not r["newsguard"]:
                r["newsguard"] = fmt_num(rec["NewsGuard, score"])
            r["_src"].add("nela-gt-2018")

    with open(os.path.join(nmr, "nela-gt", "newsguard.csv"), encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            d = norm_domain(rec["domain"])
            if d and rec["reliability_score"].strip():
                r = row(d)
                if not r["newsguard"]:
                    r["newsguard"] = fmt_num(rec["reliability_score"])
                r["_src"].add("newsguard(nela-gt)")

    with open(os.path.join(nmr, "wikipedia_perennial_sources", "wikipedia_perennial_sources.json"), encoding="utf-8") as f:
        for raw, status in json.load(f).items():
            d = norm_domain(raw)
            if d and status in WIKIPEDIA_STATUS:
                r = row(d)
                r["wikipedia"] = WIKIPEDIA_STATUS[status]
                r["_src"].add("wikipedia-perennial")

    return rows


def reliability_vote(r):
    """The mean of the reliability ratings a domain has, each in {-1, 0, 1}.

    MBFC factual reporting (very high/high 1, mixed 0, low/very low -1), the NewsGuard
    score (60 and above is NewsGuard's pass mark: 1, else -1) and Wikipedia's
    perennial-sources status (generally reliable 1, no consensus 0, generally
    unreliable or blacklisted -1) each vote once. The golden label of
    news-media-reliability (which picks one of those sources per domain, or its
    manual list of unreliable domains) votes only when none of the three is present.
    """
    votes = []
    f = r["mbfc_factual"]
    if f in ("very high", "high"):
        votes.append(1)
    elif f == "mixed":
        votes.append(0)
    elif f in ("low", "very low"):
        votes.append(-1)
    if r["newsguard"]:
        votes.append(1 if float(r["newsguard"]) >= 60 else -1)
    w = r["wikipedia"]
    if w:
        votes.append({"generally_reliable": 1, "no_consensus": 0}.get(w, -1))
    if not votes and r.get("_golden"):
        votes.append(max(-1, int(r["_golden"])))
    return sum(votes) / len(votes) if votes else None


def fmt_num(s):
    v = float(s)
    return str(int(v)) if v == int(v) else "%g" % v


def clean_field(s):
    return re.sub(r"[\t\r\n]+", " ", s).strip()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join(here, "..", "lexicons", "outlets.tsv"))
    args = ap.parse_args()

    rows = read_shared(args.data)
    for r in rows.values():
        vote = reliability_vote(r)
        if vote is not None:
            r["reliability"] = fmt_num("%.2f" % vote)
            r["_cats"].add("reliable" if vote >= 0.5 else "unreliable" if vote <= -0.5 else "mixed")

    seen_aliases = {}
    for hand in HAND_ROWS:
        d = norm_domain(hand["domain"])
        r = rows.setdefault(d, {c: "" for c in COLUMNS} | {"domain": d, "_src": set(), "_cats": set()})
        r["name"] = hand["name"]
        r["aliases"] = "|".join(hand["aliases"])
        r["ownership"] = hand["ownership"]
        for a in hand["aliases"]:
            key = re.sub(r"[^0-9a-z]", "", a.lower())
            if key in seen_aliases and seen_aliases[key] != d:
                sys.exit("alias %r names both %s and %s" % (a, seen_aliases[key], d))
            seen_aliases[key] = d
        if r["_cats"]:
            r["_hand"] = "crosscheck: name, aliases, ownership (%s)" % hand["basis"]
        else:
            r["_cats"] = {hand["category"]} if hand["category"] != "unknown" else set()
            r["_hand"] = "crosscheck annotation: %s (%s)" % (hand["category"], hand["basis"])

    out = []
    for d in sorted(rows):
        r = rows[d]
        if not r["_src"] and "_hand" not in r:
            continue
        cats = r["_cats"]
        r["category"] = next((c for c in PRECEDENCE + ["partisan"] if c in cats), "unknown")
        prov = sorted(r["_src"])
        if "_hand" in r:
            prov.append(r["_hand"])
        r["provenance"] = "; ".join(prov)
        r["version"] = VERSION
        out.append([clean_field(r[c]) for c in COLUMNS])

    header = [
        "# Outlet reputation table for crosscheck (crates/signals, Outlets). Generated by",
        "# scripts/build_outlets.py from ../shared/data; do not edit by hand, edit the script.",
        "# Table version %s. Sources and licences (details in docs/signals.md):" % VERSION,
        "#   opensources   OpenSources, Zimdars et al. 2017 (opensources.co), LGPL-3.0",
        "#   bs-detector   B.S. Detector, Sieradski 2017, LGPL-3.0",
        "#   nmr-golden, mbfc, nela-gt-2018, newsguard(nela-gt), wikipedia-perennial:",
        "#                 News-Media-Reliability, Burdisso et al. 2024 (Idiap), Apache-2.0; labels from",
        "#                 Media Bias/Fact Check, NewsGuard (via NELA-GT-2018) and Wikipedia's",
        "#                 'Reliable sources/Perennial sources' list, under their own terms",
        "#   crosscheck    names, aliases, ownership and (for unrated outlets) category added by hand",
        "# This table states what those lists say about a domain, with attribution; it is",
        "# not a judgement by crosscheck. Columns are documented in docs/signals.md.",
        "\t".join(COLUMNS),
    ]
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header) + "\n")
        for cells in out:
            f.write("\t".join(cells) + "\n")
    os.replace(tmp, args.out)
    cats = {}
    for cells in out:
        cats[cells[3]] = cats.get(cells[3], 0) + 1
    print("%d rows -> %s" % (len(out), args.out))
    print("categories: " + ", ".join("%s %d" % kv for kv in sorted(cats.items(), key=lambda kv: -kv[1])))


if __name__ == "__main__":
    main()
