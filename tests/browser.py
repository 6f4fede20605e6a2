"""Drive the system's headless Chromium through Selenium, for the page's tests and benchmark.

Chromium and its driver come from the system packages (`apt-get install chromium
chromium-driver`); both paths are given to Selenium, so it never downloads a browser or a
driver of its own. The JavaScript here is test glue: it finds Bokeh's views by model name
and reads where a node is drawn.
"""

from __future__ import annotations

import io
import json
import shutil
import time
from typing import Any

CHROMIUM = next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
)
DRIVER = shutil.which("chromedriver")
NO_BROWSER = (
    "no headless browser here: install Chromium and its driver from the system packages "
    "(apt-get install chromium chromium-driver) to run the browser tests"
)
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:", "chrome:", "devtools:")

# Point window._found at the Bokeh view of the model named arguments[0].
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
# Where the node labelled arguments[0] is drawn, in CSS pixels of the window.
NODE_AT = """
const plot = window._found, nodes = plot.model.renderers.find(r => r.name === "nodes");
const data = nodes.data_source.data, i = data.label.indexOf(arguments[0]);
if (i < 0) return null;
const box = plot.canvas_view.el.getBoundingClientRect();
return [box.left + plot.frame.x_scale.compute(data.x[i]),
        box.top + plot.frame.y_scale.compute(data.y[i])];
"""


def start_chromium(*, width: int = 1500, height: int = 1000) -> Any:
    """Return a Selenium driver of headless Chromium that logs every network request.

    Requests out go to a proxy that does not exist, so they fail; the log still has them.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        f"--window-size={width},{height}",
        "--force-device-scale-factor=1",
        "--hide-scrollbars",
        "--proxy-server=http://127.0.0.1:9",
        "--proxy-bypass-list=<-loopback>",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(120)
    driver.set_script_timeout(60)
    return driver


def wait_for(driver: Any, script: str, *, timeout: float = 30.0) -> Any:
    """Return the first true value `script` gives, polling; fail after `timeout` seconds."""
    end = time.monotonic() + timeout
    while not (value := driver.execute_script(script)):
        assert time.monotonic() < end, f"timed out waiting for: {script}"
        time.sleep(0.01)
    return value


def open_page(driver: Any, uri: str) -> float:
    """Open a page and wait until Bokeh has drawn it; return the ms from navigation start."""
    driver.get(uri)
    return wait_for(
        driver,
        "return window.Bokeh && Bokeh.documents.length && Bokeh.index.roots.length"
        " && Bokeh.documents[0].is_idle && performance.now()",
    )


def view(driver: Any, name: str) -> None:
    """Point `window._found` at the Bokeh view named `name`."""
    assert driver.execute_script(FIND_VIEW, name), f"no Bokeh view named {name!r}"


def text_of(driver: Any, name: str) -> str:
    """Return the text a Div shows, as the page renders it."""
    view(driver, name)
    return driver.execute_script("return window._found.markup_el.innerText")


def node_at(driver: Any, label: str) -> tuple[float, float]:
    """Return where the node labelled `label` is drawn, in CSS pixels of the window."""
    view(driver, "graph")
    found = driver.execute_script(NODE_AT, label)
    assert found, f"no node labelled {label!r} on the page"
    return found[0], found[1]


def middle(driver: Any, a: str, b: str) -> tuple[float, float]:
    """Return the middle of the edge between the nodes labelled `a` and `b`."""
    (xa, ya), (xb, yb) = node_at(driver, a), node_at(driver, b)
    return (xa + xb) / 2, (ya + yb) / 2


def click_at(driver: Any, x: float, y: float) -> None:
    """Click the window at (x, y) CSS pixels, as a mouse would."""
    from selenium.webdriver.common.action_chains import ActionChains

    body = driver.find_element("tag name", "body")
    width, height = body.size["width"], body.size["height"]
    left, top = body.location["x"], body.location["y"]
    ActionChains(driver).move_to_element_with_offset(
        body, x - left - width / 2, y - top - height / 2
    ).click().perform()


def pixel(driver: Any, x: float, y: float) -> tuple[int, int, int]:
    """Return the colour on screen at (x, y) CSS pixels."""
    from PIL import Image  # Bokeh depends on Pillow

    image = Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")
    ratio = image.width / driver.execute_script("return window.innerWidth")
    return image.getpixel((round(x * ratio), round(y * ratio)))


def requests_made(driver: Any) -> list[str]:
    """Return the URL of every request the browser made since the log was last read."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls
