"""The document view: program > kegiatan > sub kegiatan per document, pagu per table.

Document nodes are filled when first expanded (a 54-agency dossier stays quick).
Posts ``ShowFindings`` (``f`` on a node) with the node's locators.
"""

from __future__ import annotations

from typing import Optional

from rich.table import Table as RichTable
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from renja_check.report.labels import fmt_value

from ..i18n import t
from ..outline import DocOutline, Item

MISMATCH = "≠"


class DocTree(Tree):
    """The tree of one dossier (``f`` on a node: its findings, an app key)."""


class DocumentsPane(Horizontal):
    class ShowFindings(Message):
        def __init__(self, locators: frozenset[str]) -> None:
            super().__init__()
            self.locators = locators

    def __init__(self, lang: str = "id", **kwargs) -> None:
        super().__init__(**kwargs)
        self.lang = lang
        self.outlines: list[DocOutline] = []
        self.tables: dict[str, str] = {}
        self._filled: set[int] = set()
        self._tree_nodes: dict[str, TreeNode] = {}  # item key -> tree node

    def compose(self) -> ComposeResult:
        tree: DocTree = DocTree("", id="doctree")
        tree.show_root = False
        yield tree
        with VerticalScroll(id="node-info-box"):
            yield Static(id="node-info")

    def load(self, outlines: list[DocOutline], tables: dict[str, str]) -> None:
        self.outlines, self.tables = outlines, tables
        self._filled.clear()
        self._tree_nodes.clear()
        tree = self.query_one(DocTree)
        tree.clear()
        if not outlines:
            self.query_one("#node-info", Static).update(t("no_dossier", self.lang))
            return
        for o in outlines:
            label = Text(o.label())
            if o.mismatches():
                label.append(f" {MISMATCH}{o.mismatches()}", style="red")
            node = tree.root.add(label, data=o, expand=False, allow_expand=True)
            if len(outlines) == 1:
                self._fill(node, o)
                node.expand()
        tree.root.expand()

    def _fill(self, node: TreeNode, o: DocOutline) -> None:
        if o.index in self._filled:
            return
        self._filled.add(o.index)

        def add(parent: TreeNode, item: Item) -> None:
            label = self._label(item)
            if item.children:
                child = parent.add(label, data=item, expand=item.level == "program")
                for c in item.children:
                    add(child, c)
            else:
                child = parent.add_leaf(label, data=item)
            self._tree_nodes[item.key] = child

        for item in o.items:
            add(node, item)

    def _label(self, item: Item) -> Text:
        text = Text()
        if item.mismatched:
            text.append(f"{MISMATCH} ", style="bold red")
        text.append(item.code, style="bold")
        text.append(f" {item.name}")
        if item.findings:
            text.append(f" [{item.findings}]", style="yellow")
        inner = item.inner_mismatches()
        if inner:
            text.append(f" {MISMATCH}{inner}", style="red dim")
        return text

    @on(Tree.NodeExpanded)
    def _expanded(self, event: Tree.NodeExpanded) -> None:
        if isinstance(event.node.data, DocOutline):
            self._fill(event.node, event.node.data)

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        self.query_one("#node-info", Static).update(self._info(event.node.data))

    def _info(self, data) -> object:
        lang = self.lang
        if isinstance(data, DocOutline):
            d = data.document
            name = d.source.path.replace("\\", "/").rsplit("/", 1)[-1]
            return Text(f"{data.label()}\n{name}\n{len(d.tables)} {t('table', lang)}")
        if not isinstance(data, Item):
            return ""
        grid = RichTable.grid(padding=(0, 1))
        grid.add_column()
        grid.add_column(justify="right")
        grid.add_row(Text(f"{data.code} {data.name}", style="bold"), "")
        grid.add_row(Text(t("pagu_per_table", lang), style="underline"), "")
        for tid, value in data.pagu.items():
            grid.add_row(self.tables.get(tid, tid), fmt_value(value, lang))
        if len({v for v in data.pagu.values() if v is not None}) > 1:
            grid.add_row(Text(f"{MISMATCH} {t('mismatch', lang)}", style="bold red"), "")
        if data.findings:
            grid.add_row(Text(f"{data.findings} {t('node_findings', lang)} (f)", style="yellow"), "")
        others = [
            (o, o.by_code[data.code])
            for o in self.outlines
            if data.code in o.by_code and o.by_code[data.code] is not data
        ]
        for o, item in others:  # the same code in the dossier's other documents
            grid.add_row(Text(o.label(), style="underline"), "")
            for tid, value in item.pagu.items():
                grid.add_row(self.tables.get(tid, tid), fmt_value(value, lang))
        return grid

    # --- used by the app -----------------------------------------------------------------
    @property
    def current_document(self) -> Optional[str]:
        """The source path of the document holding the cursor."""
        node = self.query_one(DocTree).cursor_node
        while node is not None and not isinstance(node.data, DocOutline):
            node = node.parent
        return node.data.document.source.path if node is not None else None

    @property
    def current(self) -> Optional[Item]:
        node = self.query_one(DocTree).cursor_node
        return node.data if node is not None and isinstance(node.data, Item) else None

    def reveal(self, locator: str, document: Optional[str] = None) -> Optional[Item]:
        """Expand down to the item holding node ``locator`` (in ``document`` when given:
        documents of one dossier may share node ids) and put the cursor on it."""
        mine = [o for o in self.outlines if o.document.source.path == document]
        for o in mine + [o for o in self.outlines if o not in mine]:
            item = o.by_node.get(locator)
            if item is None:
                continue
            tree = self.query_one(DocTree)
            doc_node = next(n for n in tree.root.children if n.data is o)
            self._fill(doc_node, o)
            node = self._tree_nodes.get(item.key)
            if node is None:
                return None
            parent = node.parent
            while parent is not None:
                parent.expand()
                parent = parent.parent
            self.call_after_refresh(tree.move_cursor, node)
            return item
        return None
