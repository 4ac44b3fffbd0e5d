#!/usr/bin/env python3
"""The web pages end to end (issue 8), in Debian's chromium driven headless by Selenium.

A steward (key made by `plenum key new`, organization by `plenum init`, key imported on /login)
invites two members; both join in the browser (each in a browser profile of their own); one writes
a proposal, the other comments and the first replies; the steward opens a ranked round
(instant-runoff); both vote in the browser with the up/down buttons and the keyboard, one changes
the vote; the steward closes the round; the result page shows the winner and the chart; a member
verifies a receipt; the record downloaded from the audit page passes `plenum audit verify`.

Along the way: an API error is shown in #status as `message (code)`, every page is checked for
SEVERE console entries and for controls without a label, and screenshots of the main pages at
1280x900 and 390x844 are written to .build/web-screenshots/.

Usage: e2e.py --plenum PATH [--keep] [--chromium /usr/bin/chromium] [--chromedriver /usr/bin/chromedriver]
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / ".build" / "web-screenshots"
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
WAIT = 30

failures = []  # problems found that do not stop the run (labels, console), reported at the end


def log(message):
    print(f"[e2e] {message}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`plenum init` then `plenum serve` in a folder under .build/, stopped by `stop()`."""

    def __init__(self, plenum, folder):
        self.plenum = plenum
        self.folder = folder
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.db = folder / "org.sqlite"
        self.key = folder / "steward.key"
        self.process = None
        self.log_file = None

    def run(self, *args):
        result = subprocess.run([self.plenum, *args], capture_output=True, text=True, cwd=self.folder)
        if result.returncode != 0:
            raise RuntimeError(f"plenum {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def start(self):
        self.run("key", "new", "--key-file", str(self.key))
        self.run(
            "init", "--db", str(self.db), "--org", "e2e-coop", "--name", "E2E Co-op",
            "--steward-name", "Stella Steward", "--key-file", str(self.key),
            "--host", "127.0.0.1", "--port", str(self.port))
        self.log_file = open(self.folder / "server.log", "w")
        self.process = subprocess.Popen(
            [self.plenum, "serve", "--db", str(self.db), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=self.log_file, stderr=subprocess.STDOUT, cwd=self.folder)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"plenum serve exited with {self.process.returncode}:\n{self.server_log()}")
            try:
                with urllib.request.urlopen(f"{self.base}/api/v1/health", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.2)
        raise RuntimeError(f"plenum serve did not answer within 60 s:\n{self.server_log()}")

    def server_log(self):
        try:
            return (self.folder / "server.log").read_text()[-4000:]
        except OSError:
            return ""

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log_file:
            self.log_file.close()


# Controls that need a label, and a script returning those that have none.
UNLABELLED_JS = r"""
const out = [];
for (const el of document.querySelectorAll('input, select, textarea')) {
  if (el.type === 'hidden' || el.hidden || el.closest('[hidden]')) continue;
  const id = el.id;
  const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') ||
    el.closest('label') || (id && document.querySelector('label[for="' + CSS.escape(id) + '"]')) ||
    el.getAttribute('title');
  if (!labelled) out.push(el.outerHTML.slice(0, 160));
}
return out;
"""


# The innermost elements that stick out to the right of the screen (to say what makes a page wide).
WIDE_JS = r"""
const width = document.documentElement.clientWidth;
const clipped = (el) => {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX;
    if (o !== 'visible' && o !== 'clip' && p !== document.documentElement && p !== document.body) return true;
  }
  return false;
};
const wide = Array.from(document.querySelectorAll('body *')).filter((el) => {
  if (el.getClientRects().length === 0) return false;
  if (clipped(el) && getComputedStyle(el).position !== 'absolute') return false;
  const sticksOut = el.getBoundingClientRect().right > width + 1;
  const spills = getComputedStyle(el).overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0;
  return sticksOut || spills;
});
const innermost = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
return innermost.slice(0, 4).map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
  (el.className && typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '') +
  ' "' + (el.textContent || '').trim().slice(0, 40) + '"');
"""


class Browser:
    """One person's browser: its own profile (user-data-dir), so its own IndexedDB key and cookie."""

    def __init__(self, who, server, folder, chromium, chromedriver):
        self.who = who
        self.server = server
        options = Options()
        options.binary_location = chromium
        for argument in (
            "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            f"--user-data-dir={folder / ('profile-' + who)}", "--window-size=1280,900",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-sync", "--disable-component-update",
            "--disable-features=Translate,OptimizationHints,MediaRouter",
        ):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        service = Service(executable_path=chromedriver, log_output=str(folder / f"chromedriver-{who}.log"))
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_page_load_timeout(WAIT)
        self.wait = WebDriverWait(
            self.driver, WAIT, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))

    # -- navigation and checks --

    def url(self, path):
        return self.server.base + path

    def path(self):
        return re.sub(r"^https?://[^/]+", "", self.driver.current_url)

    def get(self, path):
        self.driver.get(self.url(path))
        self.ready()

    def ready(self):
        """Waits until plenum.js has wired the page (it marks <html data-plenum-ready>)."""
        try:
            self.wait.until(lambda d: d.execute_script(
                "return document.readyState === 'complete' && document.documentElement.dataset.plenumReady === 'true'"))
        except TimeoutException:
            raise AssertionError(f"{self.who}: plenum.js did not finish on {self.path()}; console: {self.console()}")
        self.check_page()

    def check_page(self):
        missing = self.driver.execute_script(UNLABELLED_JS)
        if missing:
            failures.append(f"{self.who} {self.path()}: controls without a label: {missing}")
        self.check_console()

    def console(self):
        try:
            return self.driver.get_log("browser")
        except WebDriverException:
            return []

    def check_console(self, allowed=()):
        for entry in self.console():
            if entry.get("level") != "SEVERE":
                continue
            message = entry.get("message", "")
            if any(re.search(pattern, message) for pattern in allowed):
                log(f"{self.who}: expected console entry: {message}")
                continue
            failures.append(f"{self.who} {self.path()}: SEVERE console entry: {message}")

    def find(self, selector):
        return self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, selector)))

    def visible(self, selector):
        return self.wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, selector)))

    def status(self):
        return (self.driver.execute_script(
            "const s = document.getElementById('status'); return s ? s.textContent : null") or "").strip()

    def wait_status(self, pattern, what):
        try:
            self.wait.until(lambda d: re.search(pattern, self.status()))
        except TimeoutException:
            raise AssertionError(f"{self.who}: {what}: #status says {self.status()!r} on {self.path()}")
        return self.status()

    def wait_path(self, pattern, what):
        try:
            self.wait.until(lambda d: re.fullmatch(pattern, self.path().split("?")[0].split("#")[0]))
        except TimeoutException:
            raise AssertionError(f"{self.who}: {what}: still at {self.path()}, #status {self.safe_status()!r}")
        self.ready()
        return self.path()

    def safe_status(self):
        try:
            return self.status()
        except WebDriverException:
            return "(no #status)"

    def accepted(self, what):
        """After a statement that reloads the page: the flash message `Accepted (leaf N)`."""
        text = self.wait_status(r"Accepted \(leaf \d+\)", what)
        self.ready()
        return text

    def submit(self, form_selector):
        form = self.find(form_selector)
        button = form.find_element(By.CSS_SELECTOR, "button[type=submit], input[type=submit], button:not([type])")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()

    def fill(self, element, text):
        element.clear()
        element.send_keys(text)

    def set_value(self, selector, text):
        """Sets a field's value directly (for multi-line text, where send_keys would be slow)."""
        element = self.find(selector)
        self.driver.execute_script(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
            element, text)

    def screenshot(self, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.driver.execute_script("window.scrollTo(0, 0)")
        for size, (width, height) in SIZES.items():
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": size == "phone"})
            time.sleep(0.2)
            target = SCREENSHOTS / f"{name}-{size}.png"
            self.driver.save_screenshot(str(target))
            # A phone-width page must not scroll sideways.
            overflow = self.driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if size == "phone" and overflow > 1:
                culprits = self.driver.execute_script(WIDE_JS)
                failures.append(f"{name}: at 390 px the page is {overflow} px wider than the screen; widest: {culprits}")
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        log(f"screenshots {name}-desktop.png, {name}-phone.png")

    def cookie(self):
        cookie = self.driver.get_cookie("plenum_token")
        return cookie["value"] if cookie else ""

    def quit(self):
        try:
            self.check_console()
        finally:
            self.driver.quit()


def ranking_order(browser):
    return [li.get_attribute("data-option") for li in browser.driver.find_elements(By.CSS_SELECTOR, "ol#ranking > li[data-option]")]


def ranking_item(browser, option):
    return browser.find(f'ol#ranking > li[data-option="{option}"]')


def fetch(server, path, token):
    request = urllib.request.Request(server.base + path, headers={"Cookie": f"plenum_token={token}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.read()


def scenario(server, folder, plenum, chromium, chromedriver):
    steward = ana = ben = None
    browsers = []
    try:
        steward = Browser("steward", server, folder, chromium, chromedriver)
        browsers.append(steward)

        # -- the steward imports the key file made by `plenum key new` and logs in --
        log("steward: import the key on /login")
        steward.get("/login")
        assert steward.driver.find_element(By.CSS_SELECTOR, "main[data-page=login]")
        steward.screenshot("login")
        key_text = server.key.read_text()
        steward.set_value("#import-key", key_text)
        steward.find("#import-button").click()
        steward.wait_path(r"/", "log in with the imported key")
        assert "plenum_token" in {c["name"] for c in steward.driver.get_cookies()}, "no plenum_token cookie"
        cookie = steward.driver.get_cookie("plenum_token")
        assert (cookie.get("sameSite") or "").lower() == "strict", f"the cookie is not SameSite=Strict: {cookie}"

        # -- the steward invites two members --
        links = {}
        steward.get("/steward")
        for name in ("Ana Alvarez", "Ben Brown"):
            log(f"steward: invite {name}")
            form = steward.find("#invite-form")
            steward.fill(form.find_element(By.CSS_SELECTOR, "input[name=name]"), name)
            weight = form.find_elements(By.CSS_SELECTOR, "input[name=weight]")
            if weight:
                steward.fill(weight[0], "1")
            days = form.find_elements(By.CSS_SELECTOR, "input[name=days]")
            if days:
                steward.fill(days[0], "7")
            steward.submit("#invite-form")
            steward.wait.until(lambda d: name.split()[0] in d.find_element(By.ID, "invite-link").text
                               and "/join#secret=" in d.find_element(By.ID, "invite-link").text)
            link = steward.driver.find_element(By.CSS_SELECTOR, "#invite-link a").get_attribute("href")
            assert re.fullmatch(re.escape(server.base) + r"/join#secret=[A-Za-z0-9_-]{43}", link), link
            active = steward.driver.switch_to.active_element
            assert active.get_attribute("id") == "invite-link", "focus did not move to the invitation link"
            links[name] = link
            steward.check_console()
        steward.screenshot("steward")

        # -- both join in their own browser profiles --
        ana = Browser("ana", server, folder, chromium, chromedriver)
        ben = Browser("ben", server, folder, chromium, chromedriver)
        browsers += [ana, ben]
        for browser, name in ((ana, "Ana Alvarez"), (ben, "Ben Brown")):
            log(f"{browser.who}: join with the invitation link")
            browser.driver.get(links[name])
            browser.ready()
            secret = browser.find("#join-secret").get_attribute("value")
            assert secret == links[name].split("#secret=")[1], f"#join-secret was not filled from the link: {secret!r}"
            if browser is ana:
                browser.screenshot("join")
            browser.fill(browser.find("#join-name"), name)
            browser.submit("#join-form")
            browser.wait_path(r"/", "join and log in")
            assert browser.driver.find_element(By.CSS_SELECTOR, "main[data-page=home]")

        # -- an API error is shown as `message (code)`: Ana tries Ben's used invitation --
        log("ana: a used invitation shows its error in #status")
        ana.driver.get(links["Ben Brown"])
        ana.ready()
        ana.fill(ana.find("#join-name"), "Ana again")
        ana.submit("#join-form")
        text = ana.wait_status(r"\(invitation_used\)", "the error of a used invitation")
        assert re.fullmatch(r".+ \(invitation_used\)", text), text
        ana.check_console(allowed=[r"/api/v1/statements .*409"])
        # Her own key is still the one stored: she logs in with it again.
        ana.get("/login")
        ana.visible("#login-button").click()
        ana.wait_path(r"/", "log in again after the failed join")

        # -- Ana writes a proposal --
        log("ana: write a proposal")
        ana.get("/")
        ana.screenshot("home-before")
        ana.find("a#new-proposal").click()
        ana.wait_path(r"/proposals/new", "open the new proposal form")
        ana.fill(ana.find("#proposal-form input[name=title]"), "Four-day week for the summer")
        ana.set_value("#proposal-form textarea[name=text]",
                      "From June to August we work four days a week.\n\nThe fifth day is paid.")
        ana.submit("#proposal-form")
        proposal_path = ana.wait_path(r"/proposals/[0-9a-f]{64}", "create the proposal")
        proposal_id = proposal_path.rsplit("/", 1)[1]
        assert "Four-day week" in ana.find("h1").text
        assert "four days a week" in ana.find("article#current-text").text

        # -- Ben comments; Ana replies --
        log("ben: comment on the proposal")
        ben.get(proposal_path)
        Select(ben.find("#comment-form select[name=stance]")).select_by_value("question")
        ben.set_value("#comment-form textarea[name=text]", "Does this include the weeks of the harvest?")
        ben.submit("#comment-form")
        ben.accepted("post a comment")
        comment = ben.find("section#thread article.comment")
        assert "harvest" in comment.text, comment.text
        comment_id = comment.get_attribute("data-id")
        assert re.fullmatch(r"[0-9a-f]{64}", comment_id or ""), comment_id

        log("ana: reply to the comment")
        ana.get(proposal_path)
        ana.find(f'article.comment[data-id="{comment_id}"] button.reply').click()
        assert ana.driver.find_element(By.CSS_SELECTOR, "#comment-form [name=replyTo]").get_attribute("value") == comment_id
        Select(ana.find("#comment-form select[name=stance]")).select_by_value("for")
        ana.set_value("#comment-form textarea[name=text]", "No: the harvest weeks stay five days.")
        ana.submit("#comment-form")
        ana.accepted("post a reply")
        assert len(ana.driver.find_elements(By.CSS_SELECTOR, "section#thread article.comment")) == 2

        # -- the steward opens a ranked round on the proposal --
        log("steward: open an instant-runoff round")
        steward.get("/steward")
        form = steward.find("#open-round-form")
        Select(form.find_element(By.CSS_SELECTOR, "select[name=proposal]")).select_by_value(proposal_id)
        steward.fill(form.find_element(By.CSS_SELECTOR, "input[name=question]"), "How do we decide the four-day week?")
        Select(form.find_element(By.CSS_SELECTOR, "select[name=method]")).select_by_value("instant-runoff")
        steward.set_value("#open-round-form textarea[name=options]", "Adopt\nAmend\nReject")
        steward.fill(form.find_element(By.CSS_SELECTOR, "input[name=seats]"), "1")
        visibility = form.find_elements(By.CSS_SELECTOR, "select[name=visibility]")
        if visibility:
            Select(visibility[0]).select_by_value("hidden")
        steward.submit("#open-round-form")
        round_path = steward.wait_path(r"/rounds/[0-9a-f]{64}", "open the round")
        round_id = round_path.rsplit("/", 1)[1]

        # -- Ana votes with the up/down buttons, then changes her vote with the keyboard --
        log("ana: rank with the buttons")
        ana.get(round_path)
        assert ana.find("div#ballot").get_attribute("data-shape") == "ranking"
        assert ranking_order(ana) == ["Adopt", "Amend", "Reject"], ranking_order(ana)
        for _ in range(2):
            ranking_item(ana, "Reject").find_element(By.CSS_SELECTOR, "button.up").click()
        assert ranking_order(ana) == ["Reject", "Adopt", "Amend"], ranking_order(ana)
        focused = ana.driver.switch_to.active_element
        assert focused.find_element(By.XPATH, "ancestor::li").get_attribute("data-option") == "Reject", \
            "focus left the moved option"
        # She leaves Amend unranked.
        include = ranking_item(ana, "Amend").find_element(By.CSS_SELECTOR, "input.rank-include")
        if include.is_selected():
            include.click()
        ana.screenshot("ballot-ranking")
        ana.submit("#ballot-form")
        ana.accepted("cast a ballot")
        first_ballot = ana.find("section#my-ballot").text

        log("ana: change the vote with the keyboard (Alt+ArrowUp/Down)")
        order = ranking_order(ana)
        assert ana.find("#ballot-form input[name=sequence]").get_attribute("value") == "2", \
            "the sequence after one ballot is not 2"
        amend = ranking_item(ana, "Amend")
        ana.driver.execute_script("arguments[0].focus()", amend)
        for _ in range(order.index("Amend")):
            ActionChainsAlt(ana.driver).press(Keys.ARROW_UP)
        assert ranking_order(ana)[0] == "Amend", ranking_order(ana)
        adopt = ranking_item(ana, "Adopt")
        ana.driver.execute_script("arguments[0].focus()", adopt)
        ActionChainsAlt(ana.driver).press(Keys.ARROW_DOWN)
        assert ana.driver.switch_to.active_element.get_attribute("data-option") == "Adopt", "focus left the moved item"
        for li in ana.driver.find_elements(By.CSS_SELECTOR, "ol#ranking input.rank-include"):
            if not li.is_selected():
                li.click()
        final = ranking_order(ana)
        assert final[0] == "Amend" and final.index("Reject") < final.index("Adopt"), final
        ana.submit("#ballot-form")
        ana.accepted("change the ballot")
        assert ana.find("section#my-ballot").text != first_ballot, "the current ballot did not change"

        log("ben: rank with the keyboard")
        ben.get(round_path)
        amend = ranking_item(ben, "Amend")
        ben.driver.execute_script("arguments[0].focus()", amend)
        ActionChainsAlt(ben.driver).press(Keys.ARROW_UP)
        assert ranking_order(ben) == ["Amend", "Adopt", "Reject"], ranking_order(ben)
        ben.submit("#ballot-form")
        ben.accepted("cast a ballot")

        # -- the steward closes the round; the result page shows the winner and the chart --
        log("steward: close the round")
        steward.get(round_path)
        steward.screenshot("round-steward")
        close = steward.find("#close-round")
        form = close if close.tag_name == "form" else close.find_element(By.XPATH, "ancestor-or-self::form")
        button = form.find_element(By.CSS_SELECTOR, "button, input[type=submit]")
        steward.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        steward.accepted("close the round")

        log("steward: the result page")
        steward.get(f"/rounds/{round_id}/result")
        winners = steward.find("#winners").text
        assert "Amend" in winners, f"the winner is not shown: {winners!r}"
        steward.find("svg#chart")
        assert steward.driver.find_elements(By.CSS_SELECTOR, "svg#chart rect"), "the chart has no bars"
        steward.find("table#trace")
        steward.screenshot("result")

        # -- a member verifies a receipt --
        log("ana: verify a receipt")
        ana.get("/receipts")
        buttons = ana.driver.find_elements(By.CSS_SELECTOR, "button.verify-receipt[data-statement]")
        assert buttons, "no receipt to verify"
        buttons[0].click()
        ana.wait.until(lambda d: re.match(r"(verified|failed)", d.find_element(By.CSS_SELECTOR, ".receipt-status").text))
        verdict = ana.find(".receipt-status").text
        assert verdict.startswith("verified"), f"the receipt did not verify: {verdict}"
        assert "kept" in verdict, f"the receipt kept in the browser was not checked: {verdict}"
        ana.check_console()
        ana.screenshot("receipts")

        # -- the record downloaded from the audit page passes `plenum audit verify` --
        log("steward: download the record from /audit and verify it")
        steward.get("/audit")
        links = steward.driver.find_elements(By.CSS_SELECTOR, "a.record-download")
        hrefs = [a.get_attribute("href") for a in links]
        href = next((h for h in hrefs if round_id in h), None)
        assert href, f"no download link for the round on /audit: {hrefs}"
        report = steward.find("section.audit-report").text
        assert "PASSED" in report and "FAILED" not in report, report
        steward.screenshot("audit")
        record = folder / "record.jsonl"
        record.write_bytes(fetch(server, re.sub(r"^https?://[^/]+", "", href), steward.cookie()))
        result = subprocess.run([plenum, "audit", "verify", str(record)], capture_output=True, text=True)
        print(result.stdout, end="")
        assert result.returncode == 0, f"plenum audit verify failed:\n{result.stdout}\n{result.stderr}"

        # -- the other ballot widgets: consent stances with a reason, a point budget's remainder --
        other_widgets(steward, ana, ben, proposal_id, proposal_path)

        # -- the remaining main pages, and logging out --
        steward.get("/")
        assert steward.driver.find_elements(By.CSS_SELECTOR, "section#proposals")
        steward.screenshot("home")
        steward.get(proposal_path)
        steward.screenshot("proposal")
        ben.get(round_path)
        ben.screenshot("round-closed")
        log("ben: log out")
        ben.find("#logout").click()
        ben.wait_path(r"/login", "log out")
        assert not ben.cookie(), "the cookie survived logging out"
        ben.get("/receipts")
        ben.wait_path(r"/login", "a members' page without a cookie goes to /login")
    finally:
        for browser in browsers:
            try:
                browser.quit()
            except Exception as error:  # noqa: BLE001 - closing must not hide the real failure
                log(f"could not close {browser.who}'s browser: {error}")


def open_round(steward, proposal_id, question, method, options, parameters="", budget=""):
    steward.get("/steward")
    form = steward.find("#open-round-form")
    Select(form.find_element(By.CSS_SELECTOR, "select[name=proposal]")).select_by_value(proposal_id)
    steward.fill(form.find_element(By.CSS_SELECTOR, "input[name=question]"), question)
    Select(form.find_element(By.CSS_SELECTOR, "select[name=method]")).select_by_value(method)
    steward.set_value("#open-round-form textarea[name=options]", "\n".join(options))
    steward.set_value("#open-round-form textarea[name=parameters]", parameters)
    steward.set_value("#open-round-form textarea[name=budget]", budget)
    Select(form.find_element(By.CSS_SELECTOR, "select[name=visibility]")).select_by_value("live")
    steward.submit("#open-round-form")
    return steward.wait_path(r"/rounds/[0-9a-f]{64}", f"open the {method} round")


def other_widgets(steward, ana, ben, proposal_id, proposal_path):
    log("steward: open a consent round and a cumulative (point budget) question round")
    consent_path = open_round(steward, proposal_id, "Do we consent to the four-day week?", "consent", ["Four-day week"])
    budget_path = open_round(steward, "", "Where does the summer outing go?", "cumulative",
                             ["Picnic", "Concert", "Trip"], "points=10")

    log("ana: object in the consent round; the reason becomes required and is posted as a comment")
    ana.get(consent_path)
    assert ana.find("div#ballot").get_attribute("data-shape") == "stances"
    ana.find('input[type=radio][name="stance:Four-day week"][value=object]').click()
    reason = ana.find('textarea[name="reason:Four-day week"]')
    assert reason.get_attribute("required") is not None, "the reason is not required for an objection"
    ana.find('input[type=radio][name="stance:Four-day week"][value=agree]').click()
    assert reason.get_attribute("required") is None, "the reason stays required after agreeing"
    ana.find('input[type=radio][name="stance:Four-day week"][value=object]').click()
    ana.set_value('textarea[name="reason:Four-day week"]', "The harvest weeks need five days.")
    ana.screenshot("ballot-consent")
    ana.submit("#ballot-form")
    ana.accepted("cast a consent ballot")
    ana.get(proposal_path)
    texts = [c.text for c in ana.driver.find_elements(By.CSS_SELECTOR, "section#thread article.comment")]
    assert any("harvest weeks need five days" in t for t in texts), f"the objection's reason is not in the thread: {texts}"

    log("ben: share 10 points; the remainder is live and an overspend is refused")
    ben.get(budget_path)
    ballot = ben.find("div#ballot")
    assert ballot.get_attribute("data-shape") == "scores" and ballot.get_attribute("data-budget") == "10", \
        ballot.get_attribute("outerHTML")[:300]
    picnic = ben.find('input[name="score:Picnic"]')
    trip = ben.find('input[name="score:Trip"]')
    remaining = lambda: ben.driver.execute_script("return document.getElementById('remaining').value")  # noqa: E731
    ben.fill(picnic, "6")
    ben.fill(trip, "5")
    assert remaining() == "-1", remaining()
    ben.submit("#ballot-form")
    ben.wait_status(r"\(over_limit\)", "an overspent budget")
    ben.fill(trip, "4")
    assert remaining() == "0", remaining()
    ben.screenshot("ballot-budget")
    ben.submit("#ballot-form")
    ben.accepted("cast a point-budget ballot")

    log("steward: a participatory budget (pb-greedy) with costs; ana approves two projects")
    pb_path = open_round(steward, "", "Which projects do we fund?", "pb-greedy", ["Roof", "Garden", "Bikes"],
                         budget="total=100\nRoof=60\nGarden=50\nBikes=30")
    ana.get(pb_path)
    assert ana.find("div#ballot").get_attribute("data-shape") == "approve"
    for option in ("Roof", "Bikes"):
        ana.find(f'input[type=checkbox][name=approve][value="{option}"]').click()
    ana.submit("#ballot-form")
    ana.accepted("cast an approval ballot")


class ActionChainsAlt:
    """Alt + an arrow key on the focused element."""

    def __init__(self, driver):
        self.driver = driver

    def press(self, key):
        from selenium.webdriver.common.action_chains import ActionChains

        ActionChains(self.driver).key_down(Keys.ALT).send_keys(key).key_up(Keys.ALT).perform()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plenum", required=True, help="the built plenum executable")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    plenum = str(Path(args.plenum).resolve())
    base = ROOT / ".build" / "web-e2e"
    # Earlier runs' folders and screenshots go: what is left is this run's.
    shutil.rmtree(base, ignore_errors=True)
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    base.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="run-", dir=base))
    server = Server(plenum, folder)
    ok = False
    try:
        server.start()
        log(f"plenum serve at {server.base} in {folder}")
        scenario(server, folder, plenum, args.chromium, args.chromedriver)
        ok = True
    except Exception:  # noqa: BLE001 - report, then fail
        traceback.print_exc()
        log("server log (tail):\n" + server.server_log())
    finally:
        server.stop()
        if ok and not args.keep and not failures:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            log(f"kept {folder}")
    for failure in failures:
        log(f"FAIL {failure}")
    if ok and not failures:
        log(f"passed; screenshots in {SCREENSHOTS}")
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
