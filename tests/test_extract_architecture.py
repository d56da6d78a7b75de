"""The extractor reads as stages over one document: words live in data files, functions
stay short, and the data files say what they mean to YAML."""

from __future__ import annotations

import ast
from pathlib import Path

import yaml

from timeline.extract import nlp

EXTRACT = Path(__file__).resolve().parents[1] / "timeline" / "extract"


def _labels() -> set[str]:
    parser = nlp.load().get_pipe("parser")
    return {label.lower() for label in parser.labels} | {"root", "case", "flat", "nmod"}


def test_no_word_lists_in_the_logic_modules():
    labels = _labels()
    found = []
    for path in sorted(EXTRACT.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                continue
            strings = [e.value for e in node.elts if isinstance(e, ast.Constant)]
            words = [s for s in strings if isinstance(s, str) and s.isalpha() and s.islower()]
            lexical = [w for w in words if w not in labels]
            if len(lexical) >= 4 and sum(len(w) >= 4 for w in lexical) * 2 >= len(lexical):
                found.append(f"{path.name}:{node.lineno}: {lexical[:5]}")
    assert found == [], "word lists belong in data/*.yaml or lexicon/*.yaml"


def test_no_function_over_sixty_lines():
    long = []
    for path in sorted(EXTRACT.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > 60:
                    long.append(f"{path.name}:{node.lineno} {node.name} ({lines} lines)")
    assert long == []


def _booleans(value: object, where: str) -> list[str]:
    if isinstance(value, dict):
        return [b for k, v in value.items() for b in _booleans(v, f"{where}/{k}")]
    if isinstance(value, list):
        return [b for v in value for b in _booleans(v, where)]
    if isinstance(value, bool) and not where.endswith("/alone"):
        return [where]
    return []


def test_no_word_in_the_data_files_reads_as_true_or_false():
    """A bare on, off, no or yes is a boolean to YAML: 'went on strike' never matched."""
    found = []
    for path in sorted(EXTRACT.rglob("*.yaml")):
        found += _booleans(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
    assert found == []
