"""The seeds page in a real headless Chromium: offline, drawn, clickable, searchable.

Needs Chromium and its driver from the system packages (`apt-get install chromium
chromium-driver`; `.ci/run` installs them); Selenium drives them, and never downloads a
browser or a driver of its own here: both paths are given. Where neither can be found, the
tests skip and say so.
"""

from __future__ import annotations

import html
import io
import json
import shutil
import time

import pytest

from graph import build_graph, statements, write_graph

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

CHROMIUM = next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
)
DRIVER = shutil.which("chromedriver")
NO_BROWSER = (
    "no headless browser here: install Chromium and its driver from the system packages "
    "(apt-get install chromium chromium-driver) to run the browser tests"
)
pytestmark = pytest.mark.skipif(CHROMIUM is None or DRIVER is None, reason=NO_BROWSER)
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:", "chrome:", "devtools:")

# Test glue: find the Bokeh view of the model with a given name (views nest; the page's
# drawing, sources and widgets each have one).
FIND_VIEW = """
const seen = new Set(), todo = [...Bokeh.index.roots];
while (todo.length) {
  const view = todo.pop();
  if (!view || seen.has(view)) continue;
  seen.add(view);
  if (view.model.name === arguments[0]) { window._found = view; return true; }
  for (const key of ["child_views", "renderer_views"]) {
    const children = view[key];
    if (children) todo.push(...(children.values ? children.values() : children));
  }
}
return false;
"""
# Where the node with a given label is on the screen, in CSS pixels of the window.
NODE_AT = """
const plot = window._found, nodes = plot.model.renderers.find(r => r.name === "nodes");
const data = nodes.data_source.data, i = data.label.indexOf(arguments[0]);
const box = plot.canvas_view.el.getBoundingClientRect();
return [box.left + plot.frame.x_scale.compute(data.x[i]),
        box.top + plot.frame.y_scale.compute(data.y[i])];
"""


def view(driver, name):
    """Point `window._found` at the view named `name`."""
    assert driver.execute_script(FIND_VIEW, name), f"no Bokeh view named {name!r}"


def text_of(driver, name):
    """Return the text a Div shows, as the page renders it."""
    view(driver, name)
    return driver.execute_script("return window._found.markup_el.innerText")


def node_at(driver, label):
    view(driver, "graph")
    x, y = driver.execute_script(NODE_AT, label)
    return x, y


def click_at(driver, x, y):
    """Click the window at (x, y) CSS pixels, as a mouse would."""
    body = driver.find_element("tag name", "body")
    left, top = body.location["x"], body.location["y"]
    width, height = body.size["width"], body.size["height"]
    ActionChains(driver).move_to_element_with_offset(
        body, x - left - width / 2, y - top - height / 2
    ).click().perform()


def pixel(driver, x, y):
    from PIL import Image  # Bokeh depends on Pillow

    image = Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")
    ratio = image.width / driver.execute_script("return window.innerWidth")
    return image.getpixel((round(x * ratio), round(y * ratio)))


def requests_made(driver):
    """Return the URL of every request the page made since the log was last read."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


@pytest.fixture(scope="module")
def seeds_page(seed_results, tmp_path_factory):
    G = build_graph(seed_results)
    rows = statements(seed_results)
    path = tmp_path_factory.mktemp("html") / "seeds.html"
    write_graph(G, path, statements=rows, title="The two seed articles")
    return path, G, rows


@pytest.fixture(scope="module")
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--window-size=1500,1000",
        "--force-device-scale-factor=1",
        "--proxy-server=http://127.0.0.1:9",  # a request out would fail, and be logged
        "--proxy-bypass-list=<-loopback>",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    try:
        chrome = webdriver.Chrome(service=Service(DRIVER), options=options)
    except Exception as e:  # a broken install: say what failed instead of erroring
        pytest.skip(f"Chromium did not start ({type(e).__name__}: {str(e).splitlines()[0]})")
    chrome.set_page_load_timeout(60)
    chrome.set_script_timeout(30)
    yield chrome
    chrome.quit()


@pytest.fixture(scope="module")
def opened(driver, seeds_page):
    path = seeds_page[0]
    driver.get(path.as_uri())
    wait_for(driver, "return !!(window.Bokeh && Bokeh.index.roots.length)")
    time.sleep(0.5)  # the first frame
    return seeds_page


def wait_for(driver, script, timeout=20.0):
    end = time.monotonic() + timeout
    while not driver.execute_script(script):
        assert time.monotonic() < end, f"timed out waiting for: {script}"
        time.sleep(0.05)


def test_page_makes_no_network_request(driver, opened):
    urls = requests_made(driver)
    assert urls, "the performance log recorded nothing"
    assert [u for u in urls if not u.startswith(LOCAL_SCHEMES)] == []


def test_nodes_and_edges_are_drawn(driver, opened):
    _, G, _ = opened
    view(driver, "graph")
    counts = driver.execute_script(
        "const r = window._found.model.renderers;"
        "return ['nodes', 'edges'].map(n => r.find(x => x.name === n).data_source.length)"
    )
    assert counts == [G.number_of_nodes(), G.number_of_edges()]
    maroc, qatar = node_at(driver, "Maroc"), node_at(driver, "Qatar")
    r, g, b = pixel(driver, *maroc)
    assert g > r + 60 and g > b, f"Maroc's disc is not green (country) on screen: {(r, g, b)}"
    middle = ((maroc[0] + qatar[0]) / 2, (maroc[1] + qatar[1]) / 2)
    r, g, b = pixel(driver, *middle)
    assert b > r + 60, f"the Maroc–Qatar edge is not blue (cooperation) on screen: {(r, g, b)}"


def test_click_on_the_maroc_qatar_edge_shows_its_statements(driver, opened):
    _, G, rows = opened
    maroc, qatar = node_at(driver, "Maroc"), node_at(driver, "Qatar")
    click_at(driver, (maroc[0] + qatar[0]) / 2, (maroc[1] + qatar[1]) / 2)
    wait_for(driver, "return true")
    shown = text_of(driver, "details")
    assert "Maroc — Qatar" in shown
    edge_rows = [r for r in rows if r.pair == ("country:MA", "country:QA")]
    assert f"Statements ({len(edge_rows)})" in shown
    assert "Le Maroc et le Qatar s’engagent à donner un nouvel élan" in shown
    for row in edge_rows:
        assert html.unescape(html.escape(row.sentence)) in shown
    click_at(driver, *maroc)
    shown = text_of(driver, "details")
    assert "Relations (" in shown and "aliases" in shown and "Qatar: cooperation" in shown


def test_search_box_finds_a_name(driver, opened):
    view(driver, "search")
    box = driver.execute_script("return window._found.input_el")
    box.clear()
    box.send_keys("hammou")
    time.sleep(0.3)
    box.send_keys(Keys.ENTER)
    wait_for(driver, "return true")
    shown = text_of(driver, "details")
    assert shown.startswith("Abdellatif Hammouchi") and "person" in shown


def test_relation_filter_hides_cooperation(driver, opened):
    maroc, qatar = node_at(driver, "Maroc"), node_at(driver, "Qatar")
    middle = ((maroc[0] + qatar[0]) / 2, (maroc[1] + qatar[1]) / 2)
    click_at(driver, middle[0] + 300, 5)  # a tap on nothing clears the selection
    view(driver, "relations")
    boxes = driver.execute_script("return [...window._found.shadow_el.querySelectorAll('input')]")
    labels = driver.execute_script("return window._found.model.labels")
    boxes[labels.index("cooperation")].click()
    time.sleep(0.3)
    r, g, b = pixel(driver, *middle)
    assert min(r, g, b) > 200, f"the cooperation edge is still drawn: {(r, g, b)}"
    boxes[labels.index("cooperation")].click()
    time.sleep(0.3)
    r, g, b = pixel(driver, *middle)
    assert b > r + 60, f"the cooperation edge did not come back: {(r, g, b)}"


def test_the_request_log_sees_a_page_that_reaches_out(driver, opened, tmp_path):
    page = tmp_path / "remote.html"
    page.write_text('<img src="http://example.invalid/pixel.png">', encoding="utf-8")
    requests_made(driver)  # what came before
    driver.get(page.as_uri())
    time.sleep(0.5)
    assert "http://example.invalid/pixel.png" in requests_made(driver)
