#!/usr/bin/env python3
"""Mora count of each speech from UniDic's pronunciation (発音形, 'pron').

An independent count for comparing against Podium's own mora counts.
Needs only python3 and the `mecab` command with Debian's UniDic
(`apt-get install mecab unidic-mecab`).  Run from anywhere:

    python3 tests/data/corpus/unidic_morae.py            # writes unidic-morae.tsv
    python3 tests/data/corpus/unidic_morae.py --stdout   # prints it instead

Counting rule: every katakana of the pronunciation is one mora, except the
small ャュョァィゥェォヮ (they join the kana before them); ー, ッ and ン count.
Tokens UniDic has no pronunciation for (punctuation, unknown words such as
Latin acronyms) count 0.  Digits are read by UniDic one by one (１２ → イチ ニ),
so numbers are not read the way a speaker would; this is UniDic's count, not
the gold reading.  `characters` is the number of Unicode code points of the
file, newlines excluded.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SPEECHES = os.path.join(HERE, "speeches")
OUT = os.path.join(HERE, "unidic-morae.tsv")
CANDIDATES = [
    "/var/lib/mecab/dic/unidic",
    "/usr/share/mecab/dic/unidic",
    "/usr/lib/x86_64-linux-gnu/mecab/dic/unidic",
]
SMALL = set("ャュョァィゥェォヮ")


def unidic_dir():
    for d in CANDIDATES:
        if os.path.exists(os.path.join(d, "sys.dic")):
            return d
    sys.exit("UniDic not found; install it with: apt-get install mecab unidic-mecab")


def pron(text, dicdir):
    # -O '' drops the dictionary's default output format so that -F applies.
    # f[9] is 'pron' in unidic-mecab 3.1 (see its dicrc).
    out = subprocess.run(
        ["mecab", "-d", dicdir, "-O", "", "-F", "%f[9]\n", "-U", "\n", "-E", ""],
        input=text, capture_output=True, text=True, check=True,
    ).stdout
    return "".join(line.strip() for line in out.splitlines())


def morae(kana):
    return sum(1 for ch in kana if "\u30a1" <= ch <= "\u30fc" and ch not in SMALL and ch != "\u30fb")


def main():
    dicdir = unidic_dir()
    rows = ["speech\tmorae\tcharacters"]
    for name in sorted(os.listdir(SPEECHES)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(SPEECHES, name), encoding="utf-8") as f:
            text = f.read()
        speech = name[:-4]
        chars = len(text.replace("\n", ""))
        rows.append(f"{speech}\t{morae(pron(text, dicdir))}\t{chars}")
    data = "\n".join(rows) + "\n"
    if "--stdout" in sys.argv:
        sys.stdout.write(data)
    else:
        with open(OUT, "w", encoding="utf-8") as f:
            f.write(data)


if __name__ == "__main__":
    main()
