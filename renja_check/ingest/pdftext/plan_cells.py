"""Cells of a plan / RKPD row: text runs and numeric runs, and how to split the text.

A row's lines fall into segments: some text lines, then numeric cells (``Segment``).
The text of the first segment holds the name and the indicator (and, in the plan
table, the lokasi); ``split_name`` cuts it with the nomenclature's official names
when there are any, else at the first word that opens an indicator. Lokasi and sumber
dana are told by their first words.
"""

from __future__ import annotations

import re
from dataclasses import field

from ...models import Money, Quantity
from ...numbers import parse_money, parse_quantity
from .codes import Officials, best_score_in
from .plan_lines import Cell, read_cells
from ...structs import struct

_NUMERIC_WORD_RE = re.compile(r"^[\d.,]+$")
IND_START = re.compile(
    r"^(Jumlah|Persentase|Presentase|Prosentase|Indeks|Nilai|Tingkat|Rasio|Cakupan|Angka|Rata-rata|"
    r"Luas|Panjang|Banyaknya|Proporsi|Tersedianya|Terlaksananya|Meningkatnya|Capaian|Predikat|Skor|"
    r"Ketersediaan|Kualitas|Tercapainya|Terpenuhinya)\b"
)
LOKASI_RE = re.compile(
    r"^(Kota|Kabupaten|Kab\.|Kecamatan|Kec\.|Kelurahan|Kel\.|Desa|Semua|Seluruh|"
    r"Provinsi|Wilayah|Lokasi|Di )"
)
SUMBER_RE = re.compile(
    r"\b(PENDAPATAN|PAD|DAU|DAK|DBH|APBD|APBN|DANA|BANTUAN|BANKEU|HIBAH|PINJAMAN|"
    r"BLUD|BAGI HASIL|TRANSFER|OTSUS|SILPA|INSENTIF|CUKAI|JKN|BOK|BOS)\b",
    re.I,
)
ACCEPT = 88.0  # a name cut at a line boundary this good is taken without trying word cuts


@struct
class Segment:
    texts: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)
    cells: list[Cell] = field(default_factory=list)

    @property
    def lines(self) -> list[int]:
        return [n for n, _ in self.texts] + [c.line for c in self.cells]


def segments(items: list[tuple[int, str]], read=read_cells) -> list[Segment]:
    """(line number, text) pairs -> text/numeric segments; ``4 ; 25 ;`` joins the next line.
    ``read``: ``read_cells`` or a reader's memo of it."""
    segs = [Segment()]
    cont = False
    for no, text in items:
        if not text:
            continue
        got = read(text, no)
        if got is None:
            if segs[-1].cells:
                segs.append(Segment())
            segs[-1].texts.append((no, text))
            cont = False
            continue
        lead, cells, more = got
        if lead:
            if segs[-1].cells:
                segs.append(Segment())
            segs[-1].texts.append((no, lead))
        if cont and cells and segs[-1].cells:
            last = segs[-1].cells.pop()
            cells = [Cell("qty", f"{last.text} {cells[0].text}", last.line)] + cells[1:]
        segs[-1].cells.extend(cells)
        cont = more
    return [s for s in segs if s.texts or s.cells]


def join_text(parts: list[str]) -> str:
    out = ""
    for p in parts:
        p = p.strip()
        if p:
            out = out + p if out.endswith("-") else (f"{out} {p}" if out else p)
    return out


def split_name(texts: list[str], officials: list[str], level: str) -> tuple[str, list[str]]:
    """Cut the first text run into (name, the rest as lines)."""
    if not texts:
        return "", []
    cuts: list[tuple[int, int]] = [(k, 0) for k in range(1, len(texts) + 1)]
    word_cuts = [(k, w) for k, t in enumerate(texts) for w in range(1, len(t.split()))]

    def name_of(k: int, w: int) -> tuple[str, list[str]]:
        head = texts[:k] + ([" ".join(texts[k].split()[:w])] if w else [])
        rest = ([" ".join(texts[k].split()[w:])] if w else []) + texts[k + (1 if w else 0) :] if k < len(texts) else []
        return join_text(head), rest

    if officials:
        prepared = Officials.of(officials)

        def best(cands):
            scored = [(best_score_in(name_of(k, w)[0], prepared), -k, -w, (k, w)) for k, w in cands]
            return max(scored) if scored else None

        top = best(cuts)
        if top and top[0] < ACCEPT:
            wt = best(word_cuts)
            top = wt if wt and wt[0] > top[0] else top
        if top and top[0] >= 70:
            return name_of(*top[3])
    for k, t in enumerate(texts):  # no dictionary: the indicator opens with a known word
        words = t.split()
        for w, word in enumerate(words):
            if (k or w) and IND_START.match(" ".join(words[w:])) and (w == 0 or word[0].isupper()):
                return name_of(k, w)
        if level == "program" and k and not t.isupper():
            return name_of(k, 0)
    return name_of(1, 0)


def split_lokasi(texts: list[str]) -> tuple[list[str], list[str]]:
    """(indicator lines, lokasi lines): the lokasi opens with a place word."""
    for i, t in enumerate(texts):
        if LOKASI_RE.match(t):
            return texts[:i], texts[i:]
    return texts, []


def split_sumber(texts: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(before, sumber dana, after): sumber dana is a run of upper-case lines naming a fund."""
    for i, t in enumerate(texts):
        if SUMBER_RE.search(t) and (t.isupper() or not LOKASI_RE.match(t)):
            j = i + 1
            while j < len(texts) and (
                texts[j].isupper() or join_text(texts[i:j]).count("(") > join_text(texts[i:j]).count(")")
            ):
                j += 1
            return texts[:i], texts[i:j], texts[j:]
    return texts, [], []


def quantity(cell: Cell, style) -> Quantity:
    if cell.kind == "blank":
        return Quantity(raw=cell.text, unit=cell.text, status="empty")
    if ";" in cell.text:
        words = cell.text.replace(";", " ").split()
        unit = " ".join(w for w in words if not _NUMERIC_WORD_RE.match(w)) or None
        return Quantity(raw=cell.text, unit=unit, status="invalid", note="several values in one cell")
    return parse_quantity(cell.text, style)


def money(cell: Cell, style) -> Money:
    return parse_money(cell.text, style)


def pair_targets(cells: list[Cell], years: list[str], style) -> tuple[dict[str, Quantity], dict[str, Money]]:
    """Targets and amounts of a run of cells: an amount's target is the cell before it."""
    targets: dict[str, Quantity] = {}
    pagu: dict[str, Money] = {}
    amts = [i for i, c in enumerate(cells) if c.kind == "amt"]
    for n, i in enumerate(amts[: len(years)]):
        y = years[n]
        pagu[y] = money(cells[i], style)
        if i and cells[i - 1].kind in ("qty", "blank") and (n == 0 or amts[n - 1] != i - 1):
            targets[y] = quantity(cells[i - 1], style)
    if not amts:
        qtys = [c for c in cells if c.kind == "qty"][-len(years) :]
        for y, c in zip(years, qtys):
            targets[y] = quantity(c, style)
    return targets, pagu
