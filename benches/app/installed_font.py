"""BIZ UDPGothic as a system has it installed (one file per weight), for `make bench-app`.

Merges @fontsource's unicode-range subsets of one weight back into a single TrueType font
whose names are the face's own ("BIZ UDPGothic", "BIZUDPGothic-Regular"): the bench puts it in
the fonts folder of the app's data home, where fontconfig finds it, to time the app's start-up
when the face is installed (as on Windows 10 1809 and later) beside the bundled subsets.

    python3 installed_font.py FONTSOURCE_FILES_DIR WEIGHT OUT.ttf
"""

import sys
from pathlib import Path

from fontTools.merge import Merger
from fontTools.ttLib import TTFont


def main() -> None:
    files, weight, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    subsets = sorted(files.glob(f"biz-udpgothic-*-{weight}-normal.woff2"))
    if not subsets:
        sys.exit(f"no subsets of weight {weight} in {files}")
    out.parent.mkdir(parents=True, exist_ok=True)
    plain = []
    for subset in subsets:
        font = TTFont(subset)
        font.flavor = None
        path = out.parent / f"{subset.stem}.ttf"
        font.save(path)
        plain.append(path)
    Merger().merge(plain).save(out)
    for path in plain:
        path.unlink()


if __name__ == "__main__":
    main()
