#!/bin/sh
# Makes the .docx fixtures of tests/docx.rs and cli/tests/ from the sources beside this script.
# Needs LibreOffice (Debian: libreoffice-writer-nogui) and python3; `make test` does not: the
# results are committed. Run it again after changing a source, then check the golden files
# (UPDATE_GOLDEN=1 cargo test -p podium --test docx) by reading them.
#
#   address.docx    address.fodt by LibreOffice: 見出し 1/2/3, ruby, soft returns, lists ①② and 1.
#   review.docx     review.fodt by LibreOffice: 表題, a comment, tracked changes, a table, a picture
#   malformed.docx  a zip whose word/document.xml is not well-formed XML
#   truncated.docx  the first half of address.docx
#   bomb.docx       a zip whose word/document.xml unpacks to 64 MiB (64 KiB on disk)
#   encrypted.docx  an OLE compound file holding an EncryptedPackage stream, as Word writes a
#                   .docx with a password (a header and a directory entry, no real encryption)
#   not-word.docx   a zip with no Word document in it
set -eu
cd "$(dirname "$0")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless \
    --convert-to 'docx:MS Word 2007 XML' --outdir . address.fodt review.fodt
python3 - <<'PY'
import struct, zipfile

def package(path, parts, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", method) as z:
        for name, data in parts:
            # A fixed time, so that the files are the same each time the script runs.
            z.writestr(zipfile.ZipInfo(name, (2027, 1, 4, 9, 0, 0)), data, compress_type=method)

TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
         '/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

package("malformed.docx", [
    ("[Content_Types].xml", TYPES),
    ("word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r>'
                          '<w:t>閉じていない段落</w:t></w:p></w:body></w:document>'),
])

with open("address.docx", "rb") as f:
    whole = f.read()
with open("truncated.docx", "wb") as f:
    f.write(whole[: len(whole) // 2])

# 64 MiB of spaces inside <w:body>: deflate packs them a thousandfold.
head = f'<?xml version="1.0"?><w:document {W}><w:body>'.encode()
tail = b"</w:body></w:document>"
package("bomb.docx", [
    ("[Content_Types].xml", TYPES),
    ("word/document.xml", head + b" " * (64 << 20) + tail),
])

package("not-word.docx", [("readme.txt", "Word の文書ではありません。\n")])

# An OLE compound file: the header, then one directory sector naming the root and the two
# streams of an encrypted package (names in UTF-16LE, as the format has them).
def entry(name, kind):
    raw = name.encode("utf-16-le") + b"\0\0"
    return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF) + bytes(16 + 4 + 16)
            + struct.pack("<IQ", 0xFFFFFFFE, 0)).ljust(128, b"\0")
header = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
          + bytes(6) + struct.pack("<IIIIIIII", 0, 1, 0, 0, 0x1000, 0xFFFFFFFE, 0, 0xFFFFFFFE)
          + struct.pack("<I", 0)).ljust(512, b"\xFF")
directory = (entry("Root Entry", 5) + entry("EncryptionInfo", 2) + entry("EncryptedPackage", 2)
             + entry("", 0)).ljust(512, b"\0")
with open("encrypted.docx", "wb") as f:
    f.write(header + directory)
PY
ls -l ./*.docx
