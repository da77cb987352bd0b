#!/usr/bin/env python3
"""Draws the review sample of issue 21: N distinct bokmål summary sentences.

The pool is every sentence (and exception said under one) of the bokmål
summaries for ages 6, 12, 15, 16, 18 and 23 and the services skole, barnevern,
helse-kommune and nav on --at, without repeats, sorted by text; the sample is
random.Random(SEED).sample(pool, N). The same binary, rules and date give the
same sample.

    tools/summary_sample.py build/lovsjekk --at 2026-12-07 [--seed 21] [--n 50]
"""
import argparse
import json
import random
import subprocess

AGES = [6, 12, 15, 16, 18, 23]
SERVICES = ["skole", "barnevern", "helse-kommune", "nav"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lovsjekk")
    parser.add_argument("--at", required=True)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--n", type=int, default=50)
    args = parser.parse_args()
    queries = [["--age", str(a)] for a in AGES] + [["--service", s] for s in SERVICES]
    pool = set()
    for query in queries:
        out = subprocess.run([args.lovsjekk, "summary", "--lang", "nb", "--at", args.at, "--format", "json"] + query,
                             capture_output=True, text=True, check=True).stdout
        for section in json.loads(out)["sections"]:
            for sentence in section["sentences"]:
                for s in [sentence] + sentence.get("exceptions", []):
                    pool.add((s["text"], tuple(s["rules"])))
    sample = random.Random(args.seed).sample(sorted(pool), args.n)
    print(f"# {len(pool)} distinct sentences; seed {args.seed}")
    for i, (text, rules) in enumerate(sample, 1):
        print(f"{i}. {text}  [{', '.join(rules)}]")


if __name__ == "__main__":
    main()
