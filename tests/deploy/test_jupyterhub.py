"""The JupyterHub workshop recipe (``deploy/jupyterhub``) on this machine, as root, on loopback.

``install.sh`` installs into a temporary, world-readable prefix (its own virtualenv built
from a Python every user can run, configurable-http-proxy from npm), creates an instructor
and two learners as real Linux accounts from a class list, and a shared nbgrader exchange
with the recipe's modes. JupyterHub starts from the recipe's configuration (only ports and
the place of the system-wide nbgrader settings are overridden, in the
``jupyterhub_config_local.py`` the recipe reads last). Then, as in a workshop:

- everyone logs in through the hub's login form (PAM, real passwords); a wrong password
  and an account outside the course's groups are refused;
- the instructor releases ``00_data_cleaning`` with ``custseg-grade``, which runs as the
  grader account (through sudo when it is installed);
- each learner fetches it, answers and submits through their own JupyterLab server's
  REST API (nbgrader's ``/assignments/fetch`` and ``/assignments/submit``, Jupyter's
  contents API to save the notebook): one with the model answers, one with a wrong answer;
- the instructor collects and autogrades (as the grader); the scores follow from the
  assignment's points;
- learners cannot list the exchange's inbound folder, find or read each other's
  submissions, read each other's home folders, change released files or rename the course
  folder in the exchange;
- learners can open none of the solutions, hidden tests, trainer notebooks, the gradebook,
  its backups or the grading configuration; all grading files belong to the grader account
  and the instructors' group, with no access for anyone else;
- the grader account (not root, but in the instructors' group) can start the grading
  sandbox, and inside it none of these files can be read.

Skipped without root, ``useradd`` or ``npm`` unless ``CUSTSEG_REQUIRE_HUB=1`` (CI), where it
fails instead. Everything lives in one temporary folder; the accounts are removed afterwards.
"""

from __future__ import annotations

import csv
import grp
import http.cookiejar
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import jupytext
import pytest

from custseg.grading.course import Course
from tests.grading.students import model_answers

REPO = Path(__file__).parents[2]
RECIPE = REPO / "deploy" / "jupyterhub"
ASSIGNMENT = "00_data_cleaning"
COURSE_ID = "custseg"
WRONG = {"q2_answer": 'missing_meaning = "A"'}  # learner 2's answer to question 2
TOOLS = ("useradd", "userdel", "groupadd", "groupdel", "chpasswd", "runuser", "npm")
REQUIRED = os.environ.get("CUSTSEG_REQUIRE_HUB") == "1"


def _python_for_everyone() -> str | None:
    """A Python >= 3.10 with venv that an unprivileged user can run (pyenv under /root cannot)."""
    check = "import sys, venv, ensurepip; assert sys.version_info >= (3, 10)"
    for candidate in ("/usr/bin/python3", "/usr/local/bin/python3", shutil.which("python3")):
        if candidate and os.path.exists(candidate):
            probe = ["runuser", "-u", "nobody", "--", candidate, "-c", check]
            if subprocess.run(probe, capture_output=True).returncode == 0:
                return candidate
    return None


def _unavailable() -> str | None:
    if not sys.platform.startswith("linux"):
        return "Linux only"
    if os.geteuid() != 0:
        return "needs root: creates Linux accounts"
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        return f"command not found: {', '.join(missing)}"
    if _python_for_everyone() is None:
        return "no python3 with venv that other users can run"
    return None


def _scratch_base() -> str:
    """Where the test installs: a roomy tmpfs if there is one, else /tmp.

    The prefix is a 1.3 GB virtualenv of some 30,000 files; writing and deleting it on a
    disk mounted with ``discard`` takes minutes, in memory seconds.
    """
    for line in Path("/proc/mounts").read_text().splitlines():
        _, mount, kind, options = line.split()[:4]
        if mount == "/dev/shm" and kind == "tmpfs" and "noexec" not in options.split(","):
            if shutil.disk_usage(mount).free > 4 * 2**30:
                return mount
    return "/tmp"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _points() -> dict[str, float]:
    """Points of each automatically graded cell, read from the assignment's text source."""
    notebook = jupytext.read(REPO / "grading" / "assignments" / f"{ASSIGNMENT}.py")
    return {
        c.metadata["nbgrader"]["grade_id"]: float(c.metadata["nbgrader"]["points"])
        for c in notebook.cells
        if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")
    }


@dataclass
class Session:
    """One browser: cookies from the login form, then an API token of the logged-in user."""

    base: str
    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)
    token: str | None = None

    def request(self, method: str, path: str, *, form=None, body=None, token=True, xsrf=False):
        headers = {}
        data = None
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if token and self.token:
            headers["Authorization"] = f"token {self.token}"
        if xsrf:
            headers["X-XSRFToken"] = next(c.value for c in self.jar if c.name == "_xsrf")
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        request = urllib.request.Request(self.base + path, data=data, method=method)
        for key, value in headers.items():
            request.add_header(key, value)
        try:
            with opener.open(request, timeout=120) as response:
                return response.status, response.geturl(), response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.geturl(), error.read()

    def login(self, name: str, password: str) -> tuple[int, str]:
        """Fill in the hub's login form; a successful login starts the user's server."""
        _, _, page = self.request("GET", "/hub/login")
        xsrf = re.search(rb'name="_xsrf" value="([^"]+)"', page).group(1).decode()
        form = {"username": name, "password": password, "_xsrf": xsrf}
        status, url, _ = self.request("POST", "/hub/login", form=form)
        return status, url

    @property
    def logged_in(self) -> bool:
        return any(cookie.name == "jupyterhub-hub-login" for cookie in self.jar)

    def json(self, method: str, path: str, **options):
        status, _, data = self.request(method, path, **options)
        assert status < 400, f"{method} {path}: HTTP {status} {data[:500]!r}"
        return json.loads(data) if data else None


@dataclass
class Workshop:
    root: Path
    prefix: Path
    exchange: Path
    config_path: Path
    url: str
    instructor: str
    learners: list[str]
    outsider: str
    passwords: dict[str, str]
    log: Path
    grader: str
    instructors_group: str
    grading_dir: Path

    def grade(self, *args: str, timeout: float = 300):
        """``custseg-grade`` as the instructor types it: run by the grader account."""
        bin_dir = self.prefix / "libexec" / "custseg" / "instructor-bin"
        if shutil.which("sudo"):
            env = f"PATH={bin_dir}:{self.prefix / 'bin'}:/usr/bin:/bin"
            command = ["env", env, "custseg-grade", *args]
            return self.as_user(self.instructor, *command, timeout=timeout)
        script = self.prefix / "libexec" / "custseg" / "custseg-grade-as-grader"
        return self.as_user(self.grader, str(script), *args, timeout=timeout)

    def home(self, account: str) -> Path:
        return Path(pwd.getpwnam(account).pw_dir)

    def as_user(self, account: str, *command: str, check: bool = True, timeout: float = 300):
        """Run a command as ``account`` with the server's Python first on PATH."""
        env = [
            f"HOME={self.home(account)}",
            f"USER={account}",
            f"PATH={self.prefix / 'bin'}:/usr/bin:/bin",
            f"JUPYTER_CONFIG_PATH={self.config_path}",
            "LANG=C.UTF-8",
        ]
        result = subprocess.run(
            ["runuser", "-u", account, "--", "env", "-i", *env, *command],
            capture_output=True,
            text=True,
            cwd=self.home(account),
            timeout=timeout,
        )
        if check:
            assert result.returncode == 0, (
                f"{command} as {account}:\n{result.stdout}{result.stderr}"
            )
        return result

    def python_as(self, account: str, code: str, *args: str):
        """Run Python ``code`` as ``account``; it prints one JSON value, returned here."""
        python = str(self.prefix / "bin" / "python")
        result = self.as_user(account, python, "-c", code, *args)
        return json.loads(result.stdout.strip().splitlines()[-1])


def _remove_accounts(names: list[str], groups: list[str]) -> None:
    uids = set()
    for name in names:
        try:
            uids.add(pwd.getpwnam(name).pw_uid)
        except KeyError:
            continue
    for _ in range(20):  # servers and kernels left running under the test accounts
        left = [int(p) for p in os.listdir("/proc") if p.isdigit() and _owner(p) in uids]
        if not left:
            break
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.2)
    for name in names:
        if name and subprocess.run(["id", name], capture_output=True).returncode == 0:
            subprocess.run(["userdel", "--remove", name], capture_output=True)
    for group in groups:
        subprocess.run(["groupdel", group], capture_output=True)


def _owner(pid: str) -> int | None:
    try:
        return os.stat(f"/proc/{pid}").st_uid
    except FileNotFoundError:
        return None


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)  # JupyterHub stops the users' servers
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def workshop():
    reason = _unavailable()
    if reason:
        if REQUIRED:
            pytest.fail(f"CUSTSEG_REQUIRE_HUB=1 but the JupyterHub test cannot run: {reason}")
        pytest.skip(reason)
    tag = secrets.token_hex(2)
    instructor = f"cs_instr_{tag}"
    learners = [f"cs_learn1_{tag}", f"cs_learn2_{tag}"]
    outsider = f"cs_out_{tag}"
    group, admin_group = f"cs_grp_{tag}", f"cs_adm_{tag}"
    grader, instructors_group = f"cs_grader_{tag}", f"cs_ins_{tag}"
    root = Path(tempfile.mkdtemp(prefix="custseg-hub-", dir=_scratch_base()))
    root.chmod(0o755)  # the accounts' homes and the prefix live here
    hub = None
    try:
        passwords = {name: secrets.token_urlsafe(12) for name in [*learners, outsider]}
        roster = root / "学员名单.csv"
        rows = ["学号,姓名,密码"] + [
            f"{name},学员{i},{passwords[name]}" for i, name in enumerate(learners, 1)
        ]
        roster.write_text("\n".join(rows) + "\n", encoding="utf-8")
        prefix, exchange = root / "opt" / "custseg", root / "srv" / "exchange"
        config_path, accounts = root / "etc" / "jupyter", root / "accounts.csv"
        command = [
            "bash",
            str(RECIPE / "install.sh"),
            *("--prefix", str(prefix), "--python", _python_for_everyone()),
            *("--exchange", str(exchange), "--jupyter-config-dir", str(config_path)),
            *("--group", group, "--admin-group", admin_group, "--instructor", instructor),
            *("--roster", str(roster), "--home-base", str(root / "home")),
            *("--accounts-out", str(accounts), "--no-service"),
            *("--grader", grader, "--grader-home", str(root / "var" / grader)),
            *("--instructors-group", instructors_group),
            *("--grading-dir", str(root / "srv" / "grading")),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, f"install.sh failed:\n{result.stdout}\n{result.stderr}"
        with accounts.open(encoding="utf-8-sig") as handle:
            generated = {row["账号"]: row["初始密码"] for row in csv.DictReader(handle)}
        assert set(generated) == {instructor}, "learners' passwords came from the class list"
        passwords[instructor] = generated[instructor]
        subprocess.run(["useradd", "--no-create-home", outsider], check=True)
        subprocess.run(["chpasswd"], input=f"{outsider}:{passwords[outsider]}\n", text=True)

        port = _free_port()
        (prefix / "etc" / "jupyterhub" / "jupyterhub_config_local.py").write_text(
            f'c.JupyterHub.bind_url = "http://127.0.0.1:{port}"\n'
            f'c.JupyterHub.hub_bind_url = "http://127.0.0.1:{_free_port()}"\n'
            f'c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{_free_port()}"\n'
            f'c.Spawner.environment.update({{"JUPYTER_CONFIG_PATH": "{config_path}"}})\n'
        )
        log = root / "jupyterhub.log"
        env = {"PATH": f"{prefix / 'bin'}:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/root"}
        with log.open("w") as output:
            hub = subprocess.Popen(
                [
                    str(prefix / "bin" / "jupyterhub"),
                    "-f",
                    str(prefix / "etc" / "jupyterhub" / "jupyterhub_config.py"),
                ],
                cwd=prefix / "var" / "jupyterhub",
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        url = f"http://127.0.0.1:{port}"
        for _ in range(120):
            assert hub.poll() is None, f"JupyterHub exited:\n{log.read_text()}"
            try:
                with urllib.request.urlopen(f"{url}/hub/api", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"JupyterHub did not answer on {url}:\n{log.read_text()}")
        yield Workshop(
            root,
            prefix,
            exchange,
            config_path,
            url,
            instructor,
            learners,
            outsider,
            passwords,
            log,
            grader,
            instructors_group,
            root / "srv" / "grading",
        )
    finally:
        if hub is not None:
            _stop(hub)
        accounts = [instructor, *learners, outsider, grader]
        _remove_accounts(accounts, [group, admin_group, instructors_group])
        Path("/etc/sudoers.d", f"custseg-grade-{grader}").unlink(missing_ok=True)
        shutil.rmtree(root, ignore_errors=True)


def _wait_ready(session: Session, name: str, log: Path) -> None:
    for _ in range(360):
        server = session.json("GET", f"/hub/api/users/{name}")["servers"].get("")
        if server and server["ready"]:
            return
        time.sleep(0.5)
    pytest.fail(f"{name}'s server did not start:\n{log.read_text()[-5000:]}")


def _page_config(session: Session, name: str) -> dict:
    status, _, page = session.request("GET", f"/user/{name}/lab")
    assert status == 200
    found = re.search(
        rb'<script id="jupyter-config-data" type="application/json">(.*?)</script>', page, re.S
    )
    return json.loads(found.group(1))


def _answered(notebook: dict, answers: dict[str, str]) -> dict:
    for cell in notebook["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell["source"] = answers[grade_id]
    return notebook


ISOLATION = """
import glob, json, os, sys
from pathlib import Path

exchange, other, own_home, other_home, instructor_home = map(Path, sys.argv[1:6])
course = exchange / "custseg"
released = course / "outbound" / "00_data_cleaning" / "00_data_cleaning.ipynb"
work = Path("00_data_cleaning") / "00_data_cleaning.ipynb"


def attempt(action):
    try:
        action()
        return "ok"
    except OSError as error:
        return type(error).__name__


print(json.dumps({
    "read released files": attempt(lambda: released.read_bytes()),
    "read own notebook": attempt(lambda: (own_home / work).read_bytes()),
    "list inbound": attempt(lambda: os.listdir(course / "inbound")),
    "find other's submission": glob.glob(str(course / "inbound" / f"{other}+*")),
    "list other's home": attempt(lambda: os.listdir(other_home)),
    "read other's notebook": attempt(lambda: (other_home / work).read_bytes()),
    "read gradebook": attempt(lambda: (instructor_home / "custseg" / "gradebook.db").read_bytes()),
    "change released files": attempt(lambda: released.open("a").write("x")),
    "add released files": attempt(lambda: (course / "outbound" / "extra.txt").write_text("x")),
    "rename course folder": attempt(lambda: course.rename(exchange / "mine")),
    "list feedback": attempt(lambda: os.listdir(course / "feedback")),
}))
"""

OPEN_EACH = """
import json, sys


def attempt(path):
    try:
        open(path, "rb").close()
        return "ok"
    except OSError as error:
        return type(error).__name__


print(json.dumps({path: attempt(path) for path in sys.argv[1:]}))
"""

IN_SANDBOX = """
import json, sys
from pathlib import Path
from custseg.grading.sandbox import run_sandboxed

work = Path.home() / "sandbox-check"
work.mkdir(exist_ok=True)
result = run_sandboxed(["python", "-c", *sys.argv[1:]], workdir=work)
print(result.stdout.strip() or json.dumps([result.returncode, result.stderr]))
"""

TRY_EACH = """
import json, os, sys


def attempt(path):
    if not os.path.lexists(path):
        return "absent"
    try:
        os.listdir(path) if os.path.isdir(path) else open(path, "rb").close()
        return "ok"
    except OSError as error:
        return type(error).__name__


print(json.dumps([os.getuid(), {path: attempt(path) for path in sys.argv[1:]}]))
"""


def _protected_paths(w: Workshop) -> list[Path]:
    """Files only instructors may read: solutions, hidden tests, trainer notebooks, grades."""
    private = w.prefix.parent / "custseg-instructors"
    grading = w.grading_dir
    paths = [
        private / "grading" / "assignments" / f"{ASSIGNMENT}.py",
        private / "grading" / "nbgrader_config.py",
        next((private / "trainer").glob("*.ipynb")),
        grading / "nbgrader_config.py",
        grading / "gradebook.db",
        grading / "assignments" / f"{ASSIGNMENT}.py",
        grading / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
        next((w.home(w.instructor) / "课程").glob("*.ipynb")),
        *sorted((grading / "autograded").rglob("*.ipynb")),
        *sorted(p for p in (grading / "backups").rglob("*") if p.is_file()),
    ]
    assert all(path.is_file() for path in paths), [p for p in paths if not p.is_file()]
    assert (grading / "backups").is_dir() and (grading / "autograded").is_dir()
    return paths


def _grading_files(w: Workshop) -> list[Path]:
    roots = [w.grading_dir, w.prefix.parent / "custseg-instructors"]
    return [path for root in roots for path in [root, *root.rglob("*")]]


def test_workshop_release_submit_grade_on_jupyterhub(workshop):
    w = workshop
    everyone = [w.instructor, *w.learners]

    # -- logging in: PAM with the real passwords; others are refused ------------------
    refused = {
        "wrong password": (w.learners[0], "not-the-password"),
        "outside the course's groups": (w.outsider, w.passwords[w.outsider]),
    }
    for case, (name, password) in refused.items():
        intruder = Session(w.url)
        status, url = intruder.login(name, password)
        assert status in (200, 403) and url.endswith("/hub/login"), case  # the form again
        assert not intruder.logged_in, case
    sessions = {}
    for name in everyone:
        session = Session(w.url)
        status, url = session.login(name, w.passwords[name])
        assert session.logged_in and f"/spawn-pending/{name}" in url, (name, status, url)
        created = session.json(
            "POST", f"/hub/api/users/{name}/tokens", body={"expires_in": 3600}, xsrf=True
        )
        session.token = created["token"]
        sessions[name] = session
    for name in everyone:
        _wait_ready(sessions[name], name, w.log)

    # -- each lands where the recipe says, with the tools meant for them --------------
    landings = {}
    for name in everyone:
        status, url, _ = sessions[name].request("GET", f"/user/{name}/", token=False)
        assert status == 200
        landings[name] = urllib.parse.unquote(urllib.parse.urlparse(url).path)
    assert landings[w.instructor] == f"/user/{w.instructor}/lab/tree/custseg"
    for name in w.learners:
        assert landings[name] == f"/user/{name}/lab/tree/课程/00_welcome.ipynb"
    formgrader = {n: sessions[n].request("GET", f"/user/{n}/formgrader")[0] for n in everyone}
    assert formgrader == {w.instructor: 200, w.learners[0]: 404, w.learners[1]: 404}
    plugin = "@jupyter/nbgrader:formgrader"
    assert plugin not in _page_config(sessions[w.instructor], w.instructor)["disabledExtensions"]
    assert plugin in _page_config(sessions[w.learners[0]], w.learners[0])["disabledExtensions"]
    locale = sessions[w.learners[0]].json(
        "GET", f"/user/{w.learners[0]}/lab/api/settings/@jupyterlab/translation-extension:plugin"
    )
    assert locale["schema"]["properties"]["locale"]["default"] == "zh_CN"

    # -- the instructor releases; the grader account runs the command -----------------
    course = Course(w.grading_dir)
    assert (w.home(w.instructor) / "custseg").resolve() == w.grading_dir
    w.grade("release", ASSIGNMENT)
    released = w.exchange / COURSE_ID / "outbound" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert released.is_file()

    # -- learners fetch, answer and submit through their own JupyterLab ---------------
    answers = model_answers(course, ASSIGNMENT)
    query = f"?course_id={COURSE_ID}&assignment_id={ASSIGNMENT}"
    notebook_api = f"api/contents/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
    for name, own in zip(w.learners, [answers, {**answers, **WRONG}], strict=True):
        session = sessions[name]
        listed = session.json("POST", f"/user/{name}/assignments/fetch{query}")
        assert [a["status"] for a in listed["value"]] == ["fetched"], listed
        fetched = session.json("GET", f"/user/{name}/{notebook_api}")
        assert fetched["content"]["cells"], "the fetched notebook is in the learner's home"
        body = {"type": "notebook", "format": "json", "content": _answered(fetched["content"], own)}
        session.json("PUT", f"/user/{name}/{notebook_api}", body=body)
        result = session.json("POST", f"/user/{name}/assignments/submit{query}")
        assert result["success"], result.get("value")
        statuses = {a["status"] for a in result["value"]}
        assert "submitted" in statuses, result

    # -- the instructor collects and grades ---------------------------------------------
    collected = w.grade("collect", ASSIGNMENT).stdout
    assert all(name in collected for name in w.learners), collected
    w.grade("autograde", ASSIGNMENT, timeout=600)
    scores = w.python_as(
        w.instructor,
        "from custseg.grading.course import Course;"
        "from custseg.grading.grades import cell_grades;"
        f"t = cell_grades(Course({str(course.root)!r}), {ASSIGNMENT!r});"
        "print(t[t['kind'] == 'auto'][['student', 'question', 'score']]"
        ".to_json(orient='records'))",
    )
    points = _points()
    got = {(row["student"], row["question"]): row["score"] for row in scores}
    first, second = w.learners
    assert {q: got[(first, q)] for q in points} == points
    wrong = {q: (0.0 if q == "q2_test" else p) for q, p in points.items()}
    assert {q: got[(second, q)] for q in points} == wrong
    assert sum(wrong.values()) < sum(points.values())

    # -- what learners cannot do --------------------------------------------------------
    for name, other in [(first, second), (second, first)]:
        homes = [w.home(name), w.home(other), w.home(w.instructor)]
        outcome = w.python_as(name, ISOLATION, str(w.exchange), other, *map(str, homes))
        assert outcome == {
            "read released files": "ok",
            "read own notebook": "ok",
            "list inbound": "PermissionError",
            "find other's submission": [],
            "list other's home": "PermissionError",
            "read other's notebook": "PermissionError",
            "read gradebook": "PermissionError",
            "change released files": "PermissionError",
            "add released files": "PermissionError",
            "rename course folder": "PermissionError",
            "list feedback": "PermissionError",
        }, name
    inbound = w.exchange / COURSE_ID / "inbound"
    assert sorted(p.name.split("+")[0] for p in inbound.iterdir()) == sorted(w.learners)
    assert (inbound.stat().st_mode & 0o7777) == 0o2733
    assert (w.exchange.stat().st_mode & 0o7777) == 0o1777

    # -- solutions, hidden tests, trainer notebooks, grades: instructors only ----------
    protected = _protected_paths(w)
    for name in w.learners:
        opened = w.python_as(name, OPEN_EACH, *map(str, protected))
        assert opened == {str(path): "PermissionError" for path in protected}, name
    opened = w.python_as(w.instructor, OPEN_EACH, *map(str, protected))
    assert {path: result for path, result in opened.items() if result != "ok"} == {}
    grader = pwd.getpwnam(w.grader)
    group = grp.getgrnam(w.instructors_group)
    assert w.instructor in group.gr_mem and w.grader in group.gr_mem
    assert not set(w.learners) & set(group.gr_mem)
    in_virtualenv = [p.name for p in (w.prefix / "share" / "custseg").rglob("*")]
    assert "trainer" not in in_virtualenv and "assignments" not in in_virtualenv
    world = {str(p): oct(p.lstat().st_mode) for p in _grading_files(w) if p.lstat().st_mode & 0o7}
    assert world == {}, "no access for others"
    made = {str(p): p.lstat().st_uid for p in w.grading_dir.rglob("*")}
    assert {p: uid for p, uid in made.items() if uid != grader.pw_uid} == {}, "all the grader's"
    assert {p.lstat().st_gid for p in w.grading_dir.rglob("*")} == {group.gr_gid}
    submitted = w.grading_dir / "submitted" / first / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert submitted.stat().st_uid == grader.pw_uid
    writable = {p.name for p in _grading_files(w) if p.lstat().st_mode & 0o020}
    assert writable == {w.grading_dir.name, "gradebook.db"}, "the formgrader's manual grades"

    # -- the grader account (not root) starts the sandbox: none of it can be read there --
    paths = map(str, [w.grading_dir, *protected])
    uid, outcome = w.python_as(w.grader, IN_SANDBOX, TRY_EACH, *paths)
    assert uid not in (0, grader.pw_uid)
    assert outcome[str(w.grading_dir)] == "absent"
    assert set(outcome.values()) <= {"absent", "PermissionError"}, outcome
