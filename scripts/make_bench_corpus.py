#!/usr/bin/env python3
"""Generate the benchmark corpus used in BENCHMARKS.md from ../shared/data texts.

    python3 scripts/make_bench_corpus.py [--articles 50000] [--data ../shared/data] [--out bench-corpus]

The corpus is not committed (it is derived from datasets whose licences do not
allow redistribution); this script rebuilds it byte for byte (fixed seed).

What it writes (in --out):
  jsonl/feed-NNN.jsonl   most articles, 1,000 records per file ({id,title,text,date,outlet,url})
  text/NNNN/*.txt        every 10th article as a plain-text file with a title line,
                         a `Source:` line and a date line, as crawled news often looks
  csv/table.csv          5% of the articles as one CSV file

Each article is a real article from FA-KES, Horne 2017, the SemEval-2020 PTC,
NLP4IF-2019 PTC or FNC-1 bodies, with its paragraphs (or sentences, for texts
that have no paragraph breaks) lightly recombined with another article of the
same source, so that texts are realistic but not byte-identical copies (the store
would otherwise keep each once). Sizes follow the sources: about 2-5 KB each.
"""

import argparse
import csv
import json
import os
import random
import re
import sys

OUTLETS = ["SANA", "Al Arabiya", "TASS", "Anadolu", "Al Jazeera", "Reuters", "AFP", "Enab Baladi",
           "Al-Masdar News", "Sputnik", "Daily Sabah", "Asharq Al-Awsat", "Jordan Times", "Al Manar"]


def read_texts(data):
    """(source, title, body) for every article-length text in the shared data."""
    out = []
    fakes = os.path.join(data, "fa-kes", "FA-KES-Dataset.csv")
    with open(fakes, encoding="latin-1", newline="") as f:
        for row in csv.DictReader(f):
            out.append(("fakes", row["article_title"], row["article_content"]))
    horne = os.path.join(data, "horne2017-political-news")
    for root, _dirs, files in sorted(os.walk(horne)):
        if root.endswith("_titles"):
            continue
        for name in sorted(files):
            if not name.endswith(".txt") or name.upper().startswith("README"):
                continue
            body = open(os.path.join(root, name), encoding="cp1252", errors="replace").read()
            tpath = os.path.join(root + "_titles", name)
            title = open(tpath, encoding="cp1252", errors="replace").read().strip() if os.path.exists(tpath) else ""
            out.append(("horne", title, body.replace("\r\n", "\n")))
    for corpus in ["semeval2020-task11-ptc/train-articles", "semeval2020-task11-ptc/test-articles",
                   "nlp4if2019-ptc/train-articles"]:
        folder = os.path.join(data, corpus)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            text = open(os.path.join(folder, name), encoding="utf-8").read()
            title, _, body = text.partition("\n")
            out.append(("ptc", title.strip(), body.strip()))
    bodies = os.path.join(data, "fnc1-stance", "competition_test_bodies.csv")
    with open(bodies, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            body = row["articleBody"]
            first = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0][:120]
            out.append(("fnc1", first, body))
    return out


def units(body):
    paras = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
    if len(paras) >= 3:
        return paras, "\n\n"
    return [s for s in re.split(r"(?<=[.!?])\s+", body) if s.strip()], " "


def recombine(rng, body, other):
    mine, sep = units(body)
    theirs, _ = units(other)
    if len(mine) < 2 or not theirs:
        return body
    cut = rng.randint(1, len(mine) - 1)
    take = rng.randint(1, max(1, min(3, len(theirs))))
    start = rng.randint(0, len(theirs) - take)
    return sep.join(mine[:cut] + theirs[start:start + take] + mine[cut:])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=50000)
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
    ap.add_argument("--out", default="bench-corpus")
    ap.add_argument("--seed", type=int, default=20261122)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    texts = read_texts(args.data)
    by_source = {}
    for t in texts:
        by_source.setdefault(t[0], []).append(t)
    os.makedirs(os.path.join(args.out, "jsonl"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "csv"), exist_ok=True)

    feed = None
    csv_file = open(os.path.join(args.out, "csv", "table.csv"), "w", encoding="utf-8", newline="")
    table = csv.writer(csv_file)
    table.writerow(["id", "title", "text", "date", "outlet", "url"])
    total_bytes = 0
    for i in range(args.articles):
        source, title, body = texts[i % len(texts)] if i < len(texts) else rng.choice(texts)
        if i >= len(texts):
            _, _, other = rng.choice(by_source[source])
            body = recombine(rng, body, other)
        outlet = rng.choice(OUTLETS)
        date = f"{rng.randint(2013, 2018)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        url = f"https://{outlet.lower().replace(' ', '-')}.example/{i}"
        total_bytes += len(body.encode("utf-8"))
        if i % 20 == 19:
            table.writerow([f"b{i}", title, body, date, outlet, url])
        elif i % 10 == 9:
            folder = os.path.join(args.out, "text", f"{i // 1000:04d}")
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, f"b{i}.txt"), "w", encoding="utf-8") as f:
                f.write(f"{title}\nSource: {outlet}\nPublished {date}\n\n{body}\n")
        else:
            if i % 1000 == 0 or feed is None:
                if feed:
                    feed.close()
                feed = open(os.path.join(args.out, "jsonl", f"feed-{i // 1000:03d}.jsonl"), "w", encoding="utf-8")
            rec = {"id": f"b{i}", "title": title, "text": body, "date": date, "outlet": outlet, "url": url}
            feed.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if feed:
        feed.close()
    csv_file.close()
    print(f"{args.articles} articles from {len(texts)} source texts, {total_bytes / 1e6:.1f} MB of text, in {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
