"""The seeds page in a real headless Chromium: offline, drawn, clickable, searchable.

Needs Chromium and its driver from the system packages (`apt-get install chromium
chromium-driver`; `.ci/run` installs them), driven by Selenium (`tests/browser.py`). Where
they cannot be found, the tests skip and say so.
"""

from __future__ import annotations

import html
import time

import pytest
from browser import (
    CHROMIUM,
    DRIVER,
    LOCAL_SCHEMES,
    NO_BROWSER,
    click_at,
    middle,
    node_at,
    open_page,
    pixel,
    requests_made,
    start_chromium,
    text_of,
    view,
)

from graph import build_graph, statement_rows, write_graph

pytest.importorskip("selenium", reason="selenium is not installed: pip install '.[test]'")
pytestmark = pytest.mark.skipif(CHROMIUM is None or DRIVER is None, reason=NO_BROWSER)


def is_blue(rgb):
    r, _, b = rgb
    return b > r + 60


@pytest.fixture(scope="module")
def seeds_page(seed_results, tmp_path_factory):
    G = build_graph(seed_results)
    rows = statement_rows(seed_results)
    path = tmp_path_factory.mktemp("html") / "seeds.html"
    write_graph(G, path, statements=rows, title="The two seed articles")
    return path, G, rows


@pytest.fixture(scope="module")
def driver():
    try:
        chrome = start_chromium()
    except Exception as e:  # a broken install: say what failed rather than error every test
        pytest.skip(f"Chromium did not start ({type(e).__name__}: {str(e).splitlines()[0]})")
    yield chrome
    chrome.quit()


@pytest.fixture(scope="module")
def opened(driver, seeds_page):
    open_page(driver, seeds_page[0].as_uri())
    time.sleep(0.3)  # the first frame on screen
    return seeds_page


def test_page_makes_no_network_request(driver, opened):
    urls = requests_made(driver)
    assert opened[0].as_uri() in urls, "the performance log recorded nothing"
    assert [u for u in urls if not u.startswith(LOCAL_SCHEMES)] == []


def test_nodes_and_edges_are_drawn(driver, opened):
    _, G, _ = opened
    view(driver, "graph")
    counts = driver.execute_script(
        "const r = window._found.model.renderers;"
        "return ['nodes', 'edges'].map(n => r.find(x => x.name === n).data_source.length)"
    )
    assert counts == [G.number_of_nodes(), G.number_of_edges()]
    r, g, b = pixel(driver, *node_at(driver, "Maroc"))
    assert g > r + 60 and g > b, f"Maroc's disc is not green (country) on screen: {(r, g, b)}"
    colour = pixel(driver, *middle(driver, "Maroc", "Qatar"))
    assert is_blue(colour), f"the Maroc–Qatar edge is not blue (cooperation): {colour}"


def test_click_on_the_maroc_qatar_edge_shows_its_statements(driver, opened):
    _, _, rows = opened
    click_at(driver, *middle(driver, "Maroc", "Qatar"))
    shown = text_of(driver, "details")
    assert "Maroc — Qatar" in shown
    edge_rows = [r for r in rows if r.pair == ("country:MA", "country:QA")]
    assert f"Statements ({len(edge_rows)})" in shown
    assert "Le Maroc et le Qatar s’engagent à donner un nouvel élan" in shown
    for row in edge_rows:
        assert html.unescape(html.escape(row.sentence)) in shown
    click_at(driver, *node_at(driver, "Maroc"))
    shown = text_of(driver, "details")
    assert "Relations (" in shown and "aliases" in shown and "Qatar: cooperation" in shown


def test_search_box_finds_a_name(driver, opened):
    from selenium.webdriver.common.keys import Keys

    view(driver, "search")
    box = driver.execute_script("return window._found.input_el")
    box.clear()
    box.send_keys("hammou")
    time.sleep(0.3)
    box.send_keys(Keys.ENTER)
    shown = text_of(driver, "details")
    assert shown.startswith("Abdellatif Hammouchi") and "person" in shown


def test_relation_filter_hides_cooperation(driver, opened):
    edge = middle(driver, "Maroc", "Qatar")
    view(driver, "nodes")
    driver.execute_script("window._found.model.data_source.selected.indices = []")
    view(driver, "relations")
    boxes = driver.execute_script("return [...window._found.shadow_el.querySelectorAll('input')]")
    cooperation = driver.execute_script("return window._found.model.labels").index("cooperation")
    boxes[cooperation].click()
    time.sleep(0.3)
    colour = pixel(driver, *edge)
    assert min(colour) > 200, f"the cooperation edge is still drawn: {colour}"
    boxes[cooperation].click()
    time.sleep(0.3)
    assert is_blue(pixel(driver, *edge)), "the cooperation edge did not come back"


def test_the_request_log_sees_a_page_that_reaches_out(driver, opened, tmp_path):
    page = tmp_path / "remote.html"
    page.write_text('<img src="http://example.invalid/pixel.png">', encoding="utf-8")
    requests_made(driver)  # what came before
    driver.get(page.as_uri())
    time.sleep(0.5)
    assert "http://example.invalid/pixel.png" in requests_made(driver)


def test_date_slider_keeps_the_relations_of_its_range(driver, tmp_path):
    import networkx as nx

    G = nx.Graph()
    for node, label in (("country:MA", "Maroc"), ("country:QA", "Qatar"), ("country:IL", "Israël")):
        G.add_node(node, label=label, type="country", mentions=2)
    G.add_edge("country:MA", "country:QA", weight=1.0, relations="cooperation",
               first_date="2023-01-10", last_date="2023-02-01")  # fmt: skip
    G.add_edge("country:MA", "country:IL", weight=1.0, relations="opposition",
               first_date="2024-05-01", last_date="2024-06-01")  # fmt: skip
    page = tmp_path / "dated.html"
    write_graph(G, page)
    open_page(driver, page.as_uri())
    view(driver, "dates")
    driver.execute_script(  # as a drag of the slider's handles to 2024 would
        "const s = window._found.model; s.value = [Date.UTC(2024, 0, 1), s.end];"
    )
    view(driver, "graph")
    shown = driver.execute_script(
        "const r = window._found.model.renderers.find(x => x.name === 'edges');"
        "const d = r.data_source.data, keep = r.view.filter.booleans;"
        "return d.relations.filter((_, i) => keep[i]);"
    )
    assert shown == ["opposition"]
    time.sleep(0.3)
    gone = pixel(driver, *middle(driver, "Maroc", "Qatar"))
    assert min(gone) > 200, f"the 2023 edge is still drawn: {gone}"
