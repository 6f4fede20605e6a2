"""The runnable examples in the output modules' docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "graph.safety",
    "graph.atomic",
    "graph.graphml",
    "graph.gexf",
    "graph.tables",
    "graph.nodelink",
    "graph.write",
    "graph.plot",
    "graph.statements",
    "graph.html",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0 and result.attempted > 0
