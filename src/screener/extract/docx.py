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

from screener.extract.base import ErrorCode, Extracted, ExtractionError

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
    package = _stored_copy(data)
    document = _open(package)
    part = document.part
    hidden: list[str] = []
    headers = _unique(_part_lines(part, _HEADER, hidden))
    footers = _unique(_part_lines(part, _FOOTER, hidden))
    body: list[str] = []
    _walk(document.element.body, body, hidden)
    lines = headers + ([""] if headers else []) + body + ([""] if footers else []) + footers
    return Extracted(text="\n".join(lines), extractor="docx", pages=_page_count(package),
                     hidden="\n".join(h.strip() for h in hidden if h.strip()))


# python-docx loads every part into memory; a resume's parts unpack to a few MB (photos
# included), so a package declaring more is a zip bomb. The declared sizes do not bound what
# opening it costs: zipfile inflates an entry in one call of up to 2 GB (ZipExtFile.MAX_N) and
# cuts the output to the declared size only afterwards, so a part declaring 1 KB can take
# gigabytes. Each part is therefore inflated here in chunks, MAX_UNPACKED at most in all, and
# python-docx opens a stored (uncompressed) copy of what was read.
MAX_UNPACKED = 256 * 1024 * 1024
_CHUNK = 1024 * 1024
# Word writes deflated or stored parts; other methods (bzip2, lzma) inflate without a bound in
# zipfile, so such a part is left out (python-docx then calls the file damaged if it needs it).
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def _open(package: bytes):
    import docx

    try:
        return docx.Document(io.BytesIO(package))
    except MemoryError:
        raise  # not damage: the batch reports it as a file too big to read
    except Exception as exc:
        raise ExtractionError(ErrorCode.E_DOCX_DAMAGED) from exc


def _stored_copy(data: bytes) -> bytes:
    """The package with every part inflated (within MAX_UNPACKED) and stored uncompressed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - any zip it cannot list, python-docx calls damaged
        raise ExtractionError(ErrorCode.E_DOCX_DAMAGED) from exc
    out = io.BytesIO()
    with archive, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        parts = {info.filename: info for info in archive.infolist()}  # the last of a name wins
        declared = sum(info.file_size for info in parts.values())
        if declared > MAX_UNPACKED:
            raise ExtractionError(ErrorCode.E_ZIP_BOMB, mb=declared // 1024**2)
        budget = MAX_UNPACKED
        for name, info in parts.items():
            part = _read_part(archive, info, budget) if info.compress_type in _METHODS else None
            if part is not None:
                budget -= len(part)
                copy.writestr(name, part)
    return out.getvalue()


def _read_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes | None:
    """The part's bytes, read a chunk at a time; None when it cannot be read (python-docx then
    calls the file damaged if it needs the part)."""
    chunks: list[bytes] = []
    try:
        with archive.open(info) as fp:
            while chunk := fp.read(_CHUNK):
                chunks.append(chunk)
                budget -= len(chunk)
                if budget < 0:
                    raise ExtractionError(ErrorCode.E_ZIP_BOMB, mb=MAX_UNPACKED // 1024**2)
    except (ExtractionError, MemoryError):
        raise
    except Exception:  # noqa: BLE001 - a bad CRC, an encrypted or truncated part
        return None
    return b"".join(chunks)


def _part_lines(part, reltype: str, hidden: list[str]) -> list[str]:
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
        _walk(target.element, lines, hidden)
    return [line for line in lines if line.strip()]


def _walk(element, out: list[str], hidden: list[str]) -> None:
    """Append the text lines of paragraphs and tables under `element`, in document order;
    the text of hidden runs (see `_hidden_run`) goes to `hidden` instead, one line each."""
    for child in element:
        if child.tag == _W + "p":
            _paragraph(child, out, hidden)
        elif child.tag in _CONTAINERS:
            _walk(child, out, hidden)


def _paragraph(p, out: list[str], hidden: list[str]) -> None:
    parts: list[str] = []
    boxes: list = []
    _runs(p, parts, boxes, hidden)
    out.extend("".join(parts).split("\n"))
    for box in boxes:  # text boxes anchored in this paragraph follow it
        _walk(box, out, hidden)


def _runs(element, parts: list[str], boxes: list, hidden: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == _W + "r" and _hidden_run(child):
            shown: list[str] = []
            _runs(child, shown, boxes, hidden)
            hidden.append("".join(shown).replace("\n", " "))
        elif tag == _W + "t":
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
            _runs(child, parts, boxes, hidden)


# Text a reader cannot see: hidden (w:vanish), under 3 pt (w:sz counts half-points), or
# near-white (each channel >= 0xEB) with no shading under it. Direct formatting only: a
# character style that hides text is not followed.
_MIN_HALF_POINTS = 6
_PALE = 0xEB
_SHADED = (_W + "pPr", _W + "tcPr", _W + "tblPr")


def _hidden_run(run) -> bool:
    props = run.find(_W + "rPr")
    if props is None:
        return False
    if _on(props.find(_W + "vanish")):
        return True
    size = props.find(_W + "sz")
    if size is not None and (size.get(_W + "val") or "").isdigit():
        if int(size.get(_W + "val")) < _MIN_HALF_POINTS:
            return True
    colour = props.find(_W + "color")
    return colour is not None and _pale(colour.get(_W + "val")) and not _shaded(run, props)


def _on(toggle) -> bool:
    return toggle is not None and toggle.get(_W + "val", "true") not in ("0", "false", "off")


def _pale(value: str | None) -> bool:
    if not value or len(value) != 6:
        return False  # "auto" or a malformed value: Word shows it dark
    try:
        channels = [int(value[i:i + 2], 16) for i in (0, 2, 4)]
    except ValueError:
        return False
    return all(c >= _PALE for c in channels)


def _shaded(run, props) -> bool:
    """Whether a run's own shading or highlight, or its paragraph's, cell's or table's
    shading, lies under it (white text on a dark table cell is read)."""
    highlight = props.find(_W + "highlight")
    if highlight is not None and highlight.get(_W + "val") not in (None, "none", "white"):
        return True
    holders = [props]
    node = run.getparent()
    while node is not None:
        holders.extend(c for c in node if c.tag in _SHADED)
        node = node.getparent()
    for holder in holders:
        shading = holder.find(_W + "shd")
        if shading is not None and not _pale(shading.get(_W + "fill")) and (
            shading.get(_W + "fill") or "auto"
        ) != "auto":
            return True
    return False


def _unique(lines: list[str]) -> list[str]:
    seen: set[str] = set()
    return [line for line in lines if not (line in seen or seen.add(line))]


def _page_count(package: bytes) -> int:
    """The page count Word recorded in docProps/app.xml, or 0 when there is none. `package` is
    the stored copy (see _stored_copy): reading a part inflates nothing."""
    try:
        with zipfile.ZipFile(io.BytesIO(package)) as archive:
            app = archive.read("docProps/app.xml")[:20000].decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - a page count is a nicety: never fail a readable file
        return 0
    match = re.search(r"<(?:\w+:)?Pages>(\d+)</", app)
    return int(match.group(1)) if match else 0
