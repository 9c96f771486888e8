"""The board pack (csdash report --format html) in a real browser: headless Chromium through Debian's chromedriver.

Renders the sample's pack, takes screenshots at desktop and phone widths, runs axe-core on it, checks that the
browser requested nothing but the file and logged no error or warning, prints it to A4 PDF and counts the pages;
and shows that hostile titles stay text. Screenshots and the PDF are kept in $CSDASH_PACK_OUT when that is set.
"""
import base64
import os
import re
import shutil
import tempfile

from cli_tests import SAMPLE, copy_sample, run

CHROMEDRIVER = "/usr/bin/chromedriver"
INSTALL = ("apt-get install -y chromium chromium-driver && "
           "python3 -m pip install selenium==4.51.0 axe-selenium-python==2.1.6")


def browser(width=1280, height=900):
    """Headless Chromium with the driver from Debian's package (selenium must not look for one on the network)."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        raise AssertionError("selenium is missing; install with: " + INSTALL)
    if not os.path.exists(CHROMEDRIVER):
        raise AssertionError("chromedriver is missing; install with: " + INSTALL)
    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              f"--window-size={width},{height}", "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-default-apps", "--disable-sync"):
        opts.add_argument(a)
    opts.binary_location = "/usr/bin/chromium"
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)


def out_dir():
    d = os.environ.get("CSDASH_PACK_OUT")
    if d:
        os.makedirs(d, exist_ok=True)
        return d
    return tempfile.mkdtemp(prefix="csdash-pack-")


def render(binary, data, path):
    code, out, err = run(binary, "report", data, "--format", "html")
    assert code == 0 and err == "", (code, err)
    with open(path, "w", encoding="utf-8") as f:
        f.write(out)
    return out


def requests_made(driver):
    """Every URL the page asked the network stack for, from Chromium's performance log."""
    import json
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def pdf_pages(driver, path):
    data = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})
    raw = base64.b64decode(data["data"])
    with open(path, "wb") as f:
        f.write(raw)
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", raw))


def test_sample_pack_in_a_browser(binary):
    out = out_dir()
    page = os.path.join(out, "pack.html")
    html = render(binary, SAMPLE, page)
    assert len(html.encode()) < 2 * 1024 * 1024, len(html)
    assert '<html lang="en-GB">' in html and "<script" not in html.lower()
    assert not re.search(r'(src|href)="(?!#)', html), "the pack links nothing outside itself"
    url = "file://" + page
    driver = browser()
    try:
        driver.get(url)
        assert driver.title.startswith("Gloucestershire County Council"), driver.title
        headings = [int(e.tag_name[1]) for e in driver.find_elements("css selector", "h1,h2,h3,h4,h5,h6")]
        assert headings[0] == 1 and all(b <= a + 1 for a, b in zip(headings, headings[1:])), headings
        charts = driver.find_elements("css selector", "svg.chart")
        assert len(charts) == 33, len(charts)
        for svg in charts:
            assert svg.get_attribute("role") == "img" and svg.find_element("css selector", "desc").get_attribute("textContent")
        driver.save_screenshot(os.path.join(out, "desktop.png"))
        from axe_selenium_python import Axe
        axe = Axe(driver)
        axe.inject()
        result = axe.run()
        assert result["violations"] == [], axe.report(result["violations"])
        pages = pdf_pages(driver, os.path.join(out, "pack.pdf"))
        assert 8 <= pages <= 40, pages
        others = [u for u in requests_made(driver) if u != url]
        assert others == [], others
        logged = [e for e in driver.get_log("browser") if e["level"] in ("WARNING", "SEVERE")]
        assert logged == [], logged
        driver.set_window_size(390, 844)
        driver.get(url)
        wide = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 0, f"the page is {wide}px wider than a phone"
        driver.save_screenshot(os.path.join(out, "phone.png"))
    finally:
        driver.quit()


def test_hostile_titles_show_as_text(binary):
    data = copy_sample()
    path = os.path.join(data, "indicators.yaml")
    text = open(path, encoding="utf-8").read()
    hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>']
    text = text.replace('title: "Contacts received in the quarter"', "title: '" + hostile[0] + "'", 1)
    text = text.replace('title: "Contacts closed at the point of contact"', "title: '" + hostile[1] + "'", 1)
    assert all(h in text for h in hostile)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    page = os.path.join(tempfile.mkdtemp(prefix="csdash-pack-"), "hostile.html")
    html = render(binary, data, page)
    assert "<script" not in html and "<img" not in html
    driver = browser()
    try:
        driver.get("file://" + page)
        from selenium.common.exceptions import NoAlertPresentException
        try:
            driver.switch_to.alert
            raise AssertionError("an alert ran")
        except NoAlertPresentException:
            pass
        assert driver.find_elements("css selector", "script, img") == []
        shown = [e.text for e in driver.find_elements("css selector", "article h3")]
        assert hostile[0] in shown and hostile[1] in shown, shown[:3]
    finally:
        driver.quit()
        shutil.rmtree(os.path.dirname(data), ignore_errors=True)
