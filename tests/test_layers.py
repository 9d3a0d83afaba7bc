"""The layers of core/ stay layers: a package imports only the packages below it.

From the bottom: ``settings`` and ``model`` (paths, columns, the article record), ``knowledge``
(the files a user edits), ``ingest`` (text in), ``extraction`` (spaCy parse to tables), ``corpus``
(store, review, merge), ``analysis`` (pure functions over the tables), ``views`` (charts, HTML,
exports), ``evaluation`` (gold and scores), and ``cli`` on top. An import upwards is how cycles and
a tangled tree start, so it fails here with the line that does it.
"""

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

LAYERS = ["settings", "model", "knowledge", "ingest", "extraction", "corpus", "analysis", "views", "evaluation", "cli", "__main__"]


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "core" and len(parts) > 1 else None


def core_imports(path: Path) -> list[tuple[int, str]]:
    """(line, imported core layer) for every import of a core module in ``path``, nested ones too."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "core":
                found += [(node.lineno, alias.name) for alias in node.names]
            elif (layer := _layer(node.module)) is not None:
                found.append((node.lineno, layer))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, layer) for alias in node.names if (layer := _layer(alias.name)) is not None]
    return found


def upward_imports(root: Path) -> list[str]:
    problems = []
    for path in sorted((root / "core").rglob("*.py")):
        if path.name == "__init__.py" and path.parent.name == "core":
            continue
        own = _layer(".".join(path.relative_to(root).with_suffix("").parts))
        assert own in LAYERS, f"{path}: not in a known layer; add it to LAYERS"
        for line, layer in core_imports(path):
            if layer != own and LAYERS.index(layer) > LAYERS.index(own):
                problems.append(f"{path.relative_to(root)}:{line}: {own} imports {layer}")
    return problems


def test_no_core_package_imports_a_layer_above_it():
    assert upward_imports(ROOT) == []


def test_an_upward_import_is_reported_with_its_line(tmp_path):
    package = tmp_path / "core" / "knowledge"
    package.mkdir(parents=True)
    (package / "bad.py").write_text('"""Knowledge that reaches up."""\n\nfrom core.corpus.store import CorpusStore\n', encoding="utf-8")
    assert upward_imports(tmp_path) == ["core/knowledge/bad.py:3: knowledge imports corpus"]


@pytest.mark.parametrize("package", LAYERS[:-2])
def test_every_layer_exists(package):
    assert (ROOT / "core" / f"{package}.py").is_file() or (ROOT / "core" / package / "__init__.py").is_file()


def test_core_never_imports_the_dashboard():
    for path in sorted((ROOT / "core").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert "import dashboard" not in source and "from dashboard" not in source, path
