#!/usr/bin/env python3
"""Writes the recordings the voice pipeline is tested on (see README.md), and truth.json, their
ground truth: where each sentence (or part of one) is spoken and where each pause lies.

Offline: the sentences of speech.md as Podium reads them (`podium readings`, katakana: espeak-ng
reads no kanji), spoken by espeak-ng's Japanese voice, trimmed, resampled to 16 kHz mono with
sox, and joined with silences (breath, sentence end, paragraph end, an ad-lib pause) and an
applause-like noise. A quiet room noise runs under everything.

    PODIUM=path/to/podium tests/data/voice/make-recordings.py   (default: cargo run)
"""

import json
import os
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
RATE = 16000
BREATH, SENTENCE_END, PARAGRAPH_END, AD_LIB, APPLAUSE = 0.3, 0.8, 1.6, 2.5, 3.5
# The room under everything, and the applause: noise levels (sox's `vol` in dB).
ROOM_DB, APPLAUSE_DB = -58, -24
LEAD_IN = 1.0
# espeak-ng's speed (its default, 175, is about 550 morae a minute; 140 about 440, a brisk
# speech)
WORDS_PER_MINUTE = 140


def run(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw).stdout


def readings():
    podium = os.environ.get("PODIUM")
    command = [podium] if podium else ["cargo", "run", "-q", "-p", "podium-cli", "--"]
    out = run(*command, "readings", str(HERE / "speech.md"))
    return [line for line in out.splitlines() if line.strip()]


def seconds(path):
    return float(run("soxi", "-D", str(path)))


def spoken(text, path):
    """espeak-ng's Japanese voice, at 16 kHz mono, silence trimmed at both ends."""
    raw = path.with_suffix(".raw.wav")
    run("espeak-ng", "-v", "ja", "-s", str(WORDS_PER_MINUTE), "-w", str(raw), text)
    run("sox", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(path),
        "silence", "1", "0.02", "-45d", "reverse", "silence", "1", "0.02", "-45d", "reverse")
    return seconds(path)


def silence(length, path):
    run("sox", "-n", "-r", str(RATE), "-c", "1", "-b", "16", str(path), "trim", "0", f"{length}")


def applause(length, path):
    """Pink noise beating fast and unevenly (hands clapping), fading in and out."""
    run("sox", "-n", "-r", str(RATE), "-c", "1", "-b", "16", str(path),
        "synth", f"{length}", "pinknoise", "tremolo", "9", "90", "tremolo", "13", "60",
        "vol", f"{APPLAUSE_DB}dB", "fade", "q", "0.4", f"{length}", "0.6")


def kana(text):
    return sum(1 for c in text if c not in "、。，．！？「」『』（）　 ")


def main():
    sentences = readings()
    # The plan: what is spoken (sentence, part) and the pauses between, in order.
    plan = [("lead-in", LEAD_IN)]
    for index, text in enumerate(sentences):
        if index == 1:
            # A breath inside a long sentence.
            head, tail = text.split("、", 1)
            plan += [(index, head + "、"), ("breath", BREATH), (index, tail)]
        elif index == 4:
            # An ad-lib pause mid-sentence: the reader looks up after 「さらに、」.
            head, tail = text.split("、", 1)
            plan += [(index, head + "、"), ("ad-lib", AD_LIB), (index, tail)]
        else:
            plan.append((index, text))
        if index == 0:
            plan.append(("applause", APPLAUSE))
        elif index in (2, 4):
            plan.append(("sentence-end", SENTENCE_END))
        elif index in (1, 3, 5):
            plan.append(("paragraph-end", PARAGRAPH_END))
        else:
            plan.append(("end", LEAD_IN))
    speech, pauses, pieces, at = [], [], [], 0.0
    done = {}
    with tempfile.TemporaryDirectory() as tmp:
        for number, (what, value) in enumerate(plan):
            path = Path(tmp) / f"{number:03}.wav"
            if isinstance(what, int):
                length = spoken(value, path)
                total = kana(sentences[what])
                start = done.get(what, 0)
                done[what] = start + kana(value)
                speech.append({
                    "sentence": what,
                    "from": round(start / total, 4),
                    "to": round(done[what] / total, 4),
                    "start": round(at, 4),
                    "end": round(at + length, 4),
                    "reading": value,
                })
            else:
                (applause if what == "applause" else silence)(value, path)
                length = seconds(path)
                if what not in ("lead-in", "end"):
                    pauses.append({"kind": what, "start": round(at, 4), "end": round(at + length, 4)})
            pieces.append(str(path))
            at += length
        joined = Path(tmp) / "joined.wav"
        run("sox", *pieces, str(joined))
        room = Path(tmp) / "room.wav"
        run("sox", "-n", "-r", str(RATE), "-c", "1", "-b", "16", str(room),
            "synth", f"{at}", "brownnoise", "vol", f"{ROOM_DB}dB")
        run("sox", "-m", str(joined), str(room), "-b", "16", str(HERE / "reading.wav"))
    truth = {
        "file": "reading.wav",
        "rate": RATE,
        "seconds": round(at, 4),
        "voice": "espeak-ng -v ja (" + run("espeak-ng", "--version").split(" Data")[0].strip() + ")",
        "speech": speech,
        "pauses": pauses,
    }
    (HERE / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n")
    print(f"reading.wav: {at:.1f} s, {len(speech)} spoken parts, {len(pauses)} pauses")


if __name__ == "__main__":
    main()
