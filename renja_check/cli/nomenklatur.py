"""``renja-check nomenklatur``: search names, show one code.

    renja-check nomenklatur cari "pengadaan sarana gedung" [--level subkegiatan] [--bidang 5.03]
    renja-check nomenklatur 5.03.01.2.07.0010

A group whose unknown subcommand is read as a code: ``nomenklatur KODE`` shows the entry.
"""

from __future__ import annotations

from typing import Optional

import click

from ..corpus import LEVELS, load_nomenclature
from ..nomenclature_search import card, search
from .common import EXIT_INPUT, lang_option

T = {
    "id": {
        "none": 'Tidak ada nama yang cocok dengan "{q}".',
        "unknown": "Kode {c} tidak ada dalam nomenklatur.",
        "code": "Kode",
        "level": "Tingkat",
        "name": "Nama",
        "editions": "Edisi",
        "parents": "Induk",
        "children": "Jumlah turunan",
        "ind": "Indikator",
        "sat": "Satuan",
        "score": "Skor",
        "since": "pertama tercatat",
        "unk": "tidak diketahui",
    },
    "en": {
        "none": 'No name matches "{q}".',
        "unknown": "Code {c} is not in the nomenclature.",
        "code": "Code",
        "level": "Level",
        "name": "Name",
        "editions": "Editions",
        "parents": "Parents",
        "children": "Children",
        "ind": "Indicator",
        "sat": "Unit",
        "score": "Score",
        "since": "first recorded",
        "unk": "unknown",
    },
}


class _CodeGroup(click.Group):
    """Unknown subcommands are codes: ``nomenklatur 5.03.02`` == ``nomenklatur kode 5.03.02``."""

    def resolve_command(self, ctx, args):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "kode", self.commands["kode"], args
        return super().resolve_command(ctx, args)


@click.group("nomenklatur", cls=_CodeGroup)
def nomenklatur_cmd() -> None:
    """Cari kode dan nama dalam nomenklatur nasional (cari "teks" | KODE)."""


def _editions(e) -> str:
    return ", ".join(e.editions) or "-"


@nomenklatur_cmd.command("cari")
@click.argument("text")
@click.option("--level", type=click.Choice(list(LEVELS)), help="Tingkat / level.")
@click.option("--bidang", help="Kode bidang urusan PD, mis. 5.03 / agency bidang code.")
@click.option("--limit", type=click.IntRange(1, 200), default=10, show_default=True)
@lang_option
def cari_cmd(text: str, level: Optional[str], bidang: Optional[str], limit: int, lang: str) -> None:
    """Cari nama (peringkat kecocokan) / search names, ranked."""
    t = T[lang]
    hits = search(load_nomenclature(), text, level=level, bidang=bidang, limit=limit)
    if not hits:
        click.echo(t["none"].format(q=text))
        raise SystemExit(1)
    click.echo(f"{t['score']:>5}  {t['code']:<20} {t['level']:<12} {t['name']}  [{t['editions']}]")
    for h in hits:
        click.echo(f"{h.score:5.1f}  {h.code:<20} {h.entry.level:<12} {h.entry.name}  [{_editions(h.entry)}]")


@nomenklatur_cmd.command("kode", hidden=True)
@click.argument("code")
@lang_option
def kode_cmd(code: str, lang: str) -> None:
    """Tampilkan satu kode / show one code."""
    t = T[lang]
    c = card(load_nomenclature(), code)
    if c is None:
        click.echo(t["unknown"].format(c=code), err=True)
        raise SystemExit(EXIT_INPUT)
    e = c.entry
    click.echo(f"{t['code']}: {c.code}" + (f"  ({e.code})" if e.code != c.code else ""))
    click.echo(f"{t['level']}: {e.level}")
    click.echo(f"{t['name']}: {e.name}")
    since = f" ({t['since']} {c.first_edition})" if c.first_edition else ""
    click.echo(f"{t['editions']}: {_editions(e)}{since}")
    click.echo(f"{t['parents']}:")
    for p in reversed(c.parents):
        click.echo(f"  {p.code:<20} {p.level:<10} {p.name}")
    click.echo(f"{t['children']}: {c.children}")
    if e.indikator:
        click.echo(f"{t['ind']}: {e.indikator}")
    if e.satuan:
        click.echo(f"{t['sat']}: {e.satuan}")
