"""Word .docx resumes: every paragraph, table cell, text box and header/footer, in order.

python-docx opens the package; the text is then walked straight from the XML, because
`Paragraph.text` misses text boxes, content controls and tracked insertions, all of which
resume templates use. Tables are read row by row, each cell's paragraphs on their own lines
(merged cells once). Headers come first and footers last, each distinct line once.
"""

from __future__ import annotations

import io
import re
import zipfile

from screener.extract.base import Extracted, ExtractionError, Messages

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Containers whose children are walked for paragraphs and tables.
_CONTAINERS = frozenset(
    _W + tag
    for tag in (
        "body",
        "tbl",
        "tr",
        "tc",
        "sdt",
        "sdtContent",
        "txbxContent",
        "hdr",
        "ftr",
        "customXml",
        "ins",
        "smartTag",
    )
)
_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


def read_docx(data: bytes) -> Extracted:
    document = _open(data)
    part = document.part
    headers = _unique(_part_lines(part, _HEADER))
    footers = _unique(_part_lines(part, _FOOTER))
    body: list[str] = []
    _walk(document.element.body, body)
    lines = headers + ([""] if headers else []) + body + ([""] if footers else []) + footers
    return Extracted(text="\n".join(lines), extractor="docx", pages=_page_count(data))


# python-docx loads every part into memory; a resume's parts unpack to a few MB (photos
# included), so a package declaring more is a zip bomb. zipfile never inflates an entry past
# its declared size, so checking the declarations bounds what opening it can cost.
MAX_UNPACKED = 256 * 1024 * 1024


def _open(data: bytes):
    import docx

    _check_unpacked_size(data)
    try:
        return docx.Document(io.BytesIO(data))
    except MemoryError:
        raise  # not damage: the batch reports it as a file too big to read
    except Exception as exc:
        raise ExtractionError(Messages.DAMAGED_DOCX) from exc


def _check_unpacked_size(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except Exception:  # noqa: BLE001 - any zip it cannot list, python-docx calls damaged
        return
    if unpacked > MAX_UNPACKED:
        raise ExtractionError(Messages.ZIP_BOMB.format(mb=unpacked // 1024**2))


def _part_lines(part, reltype: str) -> list[str]:
    lines: list[str] = []
    # Sorted by part name so the order does not depend on relationship ids.
    targets = sorted(
        (
            rel.target_part
            for rel in part.rels.values()
            if rel.reltype == reltype and not rel.is_external
        ),
        key=lambda p: str(p.partname),
    )
    for target in targets:
        _walk(target.element, lines)
    return [line for line in lines if line.strip()]


def _walk(element, out: list[str]) -> None:
    """Append the text lines of paragraphs and tables under `element`, in document order."""
    for child in element:
        if child.tag == _W + "p":
            _paragraph(child, out)
        elif child.tag in _CONTAINERS:
            _walk(child, out)


def _paragraph(p, out: list[str]) -> None:
    parts: list[str] = []
    boxes: list = []
    _runs(p, parts, boxes)
    out.extend("".join(parts).split("\n"))
    for box in boxes:  # text boxes anchored in this paragraph follow it
        _walk(box, out)


def _runs(element, parts: list[str], boxes: list) -> None:
    for child in element:
        tag = child.tag
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        elif tag == _W + "txbxContent":
            boxes.append(child)
        elif tag in (_MC_FALLBACK, _W + "del", _W + "instrText", _W + "delText"):
            continue  # a duplicate of the DrawingML text box, or deleted / field-code text
        else:
            _runs(child, parts, boxes)


def _unique(lines: list[str]) -> list[str]:
    seen: set[str] = set()
    return [line for line in lines if not (line in seen or seen.add(line))]


def _page_count(data: bytes) -> int:
    """The page count Word recorded in docProps/app.xml, or 0 when there is none."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            app = archive.read("docProps/app.xml")[:20000].decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - a page count is a nicety: never fail a readable file
        return 0
    match = re.search(r"<(?:\w+:)?Pages>(\d+)</", app)
    return int(match.group(1)) if match else 0
