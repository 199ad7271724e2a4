"""Run a learner's code in a throw-away bubblewrap sandbox.

:func:`run_sandboxed` runs one command with Debian's ``bwrap`` (bubblewrap):

- as an unprivileged user: when the caller is root, a numeric uid no account uses, one per
  sandbox running at the same time (so the process limit counts only that sandbox), with no
  groups; otherwise uid 65534 inside a user namespace of its own. An unprivileged user
  namespace cannot shed the caller's supplementary groups, so a caller that is not root
  should be an account whose groups open nothing (the workshop server's grader account);
- in its own network (loopback only, nothing outside), process, IPC and host-name namespaces;
  every process it starts ends with it (``--die-with-parent``, its own pid namespace, and as
  root every process of its uid is killed after the run);
- seeing only: the Python environment (interpreter prefix, virtual environment, the
  ``custseg`` package directory, ``/usr``) read-only, the paths in ``readable`` read-only,
  the working directory writable at ``/work/submission`` (also the current directory), a
  fresh ``/tmp`` in memory with the home and Jupyter/IPython/matplotlib directories under
  it, a minimal ``/dev`` and the ``/proc`` of its own processes. Course root, gradebook,
  configuration, other learners' folders and the instructor's home are not there;
- with a clean environment (nothing of the caller's environment passes unless given in
  ``env``) and the resource limits of :class:`~custseg.grading.sandbox_limits.Limits`.

:func:`sandbox_available` says, once per process, whether a sandbox can start here and
if not, in Chinese, what is missing and how to install it.
"""

from __future__ import annotations

import atexit
import fcntl
import functools
import importlib.util
import math
import os
import pwd
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import custseg
from custseg.grading.sandbox_limits import Limits, limit_hit, prlimit_arguments

__all__ = [
    "SANDBOX_HOME",
    "SANDBOX_WORKDIR",
    "Limits",
    "SandboxResult",
    "SandboxUnavailable",
    "read_workdir_file",
    "run_sandboxed",
    "sandbox_available",
]

SANDBOX_WORKDIR = Path("/work/submission")
SANDBOX_HOME = "/tmp/home"
SANDBOX_USER = "learner"
NOBODY = 65534
UID_BASE = 1_960_000_000  # root's sandboxes run as UID_BASE + slot: uids no account has
UID_SLOTS = 1024
DEFAULT_LIMITS = Limits()

_INSTALL_BWRAP = "需要 bubblewrap（沙箱程序 bwrap）：sudo apt-get install bubblewrap"
_INSTALL_UTIL_LINUX = "需要 util-linux 中的 {tool}：sudo apt-get install util-linux"
_USERNS_OFF = (
    "沙箱无法启动：bubblewrap 不能创建用户命名空间 (user namespace)。请以 root 运行评分，"
    "或开启非特权用户命名空间：sudo sysctl -w kernel.unprivileged_userns_clone=1 "
    "user.max_user_namespaces=10000（Ubuntu 24.04 还需 "
    "sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0）。bubblewrap 报告：{error}"
)
_TRUNCATED = "\n…[输出超过 {limit} 字节，其余未保存 (output truncated)]\n"
_HOME_DIRS = {
    "JUPYTER_RUNTIME_DIR": ".local/share/jupyter/runtime",
    "JUPYTER_DATA_DIR": ".local/share/jupyter",
    "JUPYTER_CONFIG_DIR": ".jupyter",
    "IPYTHONDIR": ".ipython",
    "MPLCONFIGDIR": ".config/matplotlib",
    "XDG_CACHE_HOME": ".cache",
    "XDG_CONFIG_HOME": ".config",
    "XDG_DATA_HOME": ".local/share",
    "XDG_STATE_HOME": ".local/state",
    "XDG_RUNTIME_DIR": ".runtime",
}
_ETC_FILES = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "fonts", "alternatives")
_TOP_LEVEL = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")


class SandboxUnavailable(RuntimeError):
    """The sandbox cannot start here; the message says (in Chinese) what to install."""


@dataclass(frozen=True)
class SandboxResult:
    """What a sandboxed command did.

    ``returncode`` is the command's exit status, or 128 + the signal number that ended it
    (as in a shell). ``stdout`` and ``stderr`` are decoded as UTF-8 and cut at
    ``Limits.output_bytes`` bytes each, with a note where they were cut.
    ``killed_by_limit`` is ``"memory"``, ``"time"`` or ``"file_size"`` when a limit is
    known to have ended the run, else None.
    """

    returncode: int
    stdout: str
    stderr: str
    timed_out: bool
    killed_by_limit: str | None


def sandbox_available() -> str | None:
    """None when a sandbox can start here, else the Chinese reason and how to fix it.

    The check runs a trivial command in a real sandbox once per process (and per
    ``bwrap`` found on ``PATH``); later calls return the remembered answer.

    Examples
    --------
    >>> reason = sandbox_available()
    >>> reason is None or "sudo" in reason
    True
    """
    return _probe(shutil.which("bwrap"), os.geteuid() == 0)


def run_sandboxed(
    argv: list[str],
    *,
    workdir: Path,
    readable: Sequence[Path] = (),
    limits: Limits = DEFAULT_LIMITS,
    env: Mapping[str, str] | None = None,
    stdin: bytes | None = None,
) -> SandboxResult:
    """Run ``argv`` in a fresh sandbox whose only writable folder is ``workdir``.

    Parameters
    ----------
    argv
        The command; a relative program name is looked up on the sandbox's ``PATH`` (the
        virtual environment's ``bin`` first, then ``/usr/bin``).
    workdir
        Host folder mounted writable at ``/work/submission``, the command's current
        directory. When the caller is root, its contents belong to the sandbox's uid
        during the run and to the folder's owner again afterwards.
    readable
        Host files or folders also visible, read-only, at the same path.
    limits
        Memory, processes, file size, time and output limits.
    env
        Extra environment variables (they override the sandbox defaults); nothing else of
        the caller's environment is passed.
    stdin
        Bytes fed to the command's standard input (else it reads nothing).

    Returns
    -------
    SandboxResult

    Raises
    ------
    SandboxUnavailable
        bubblewrap is missing or cannot create its namespaces here.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     result = run_sandboxed(["python", "-c", "print(6 * 7)"], workdir=Path(folder))
    >>> result.stdout, result.returncode, result.timed_out
    ('42\\n', 0, False)
    """
    reason = sandbox_available()
    if reason is not None:
        raise SandboxUnavailable(reason)
    bwrap = shutil.which("bwrap") or "bwrap"
    fonts = _matplotlib_font_list(bwrap)
    return _run(bwrap, argv, workdir, readable, limits, env, stdin, fonts)


def read_workdir_file(workdir: Path, name: str, *, max_bytes: int) -> bytes:
    """Read a file the sandboxed command left in ``workdir``, trusting nothing about it.

    After a run everything in ``workdir`` is the learner's: the notebook may have become a
    link to the gradebook or a named pipe that blocks whoever opens it. This follows no
    link in any part of ``name``, opens only a regular file and never reads more than
    ``max_bytes``.

    Raises
    ------
    ValueError
        ``name`` leaves ``workdir``, is missing, is not a regular file (a link, a pipe, a
        folder) or is larger than ``max_bytes``; the message is Chinese and names the file.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = Path(folder, "answer.txt").write_text("42")
    ...     read_workdir_file(Path(folder), "answer.txt", max_bytes=10)
    b'42'
    """
    parts = Path(name).parts
    if not parts or Path(name).is_absolute() or ".." in parts:
        raise ValueError(f"文件名 {name!r} 不在工作文件夹之内")
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC
    folder = os.open(workdir, flags | os.O_DIRECTORY)
    try:
        for part in parts[:-1]:
            try:
                inner = os.open(part, flags | os.O_DIRECTORY, dir_fd=folder)
            except OSError as error:
                raise ValueError(f"{name}：{part} 不是文件夹（或是链接）：{error}") from None
            os.close(folder)
            folder = inner
        try:
            fd = os.open(parts[-1], flags | os.O_NONBLOCK, dir_fd=folder)
        except OSError as error:
            raise ValueError(f"{name}：无法打开（不存在或是链接）：{error}") from None
    finally:
        os.close(folder)
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise ValueError(f"{name}：不是普通文件 (not a regular file)")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > max_bytes:
            raise ValueError(f"{name}：{info.st_size} 字节，超过上限 {max_bytes} 字节")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValueError(f"{name}：超过上限 {max_bytes} 字节")
    return data


@functools.cache
def _probe(bwrap: str | None, as_root: bool) -> str | None:
    if bwrap is None:
        return _INSTALL_BWRAP
    for tool in ("setpriv", "prlimit") if as_root else ("prlimit",):
        if shutil.which(tool, path="/usr/bin:/bin") is None:
            return _INSTALL_UTIL_LINUX.format(tool=tool)
    with tempfile.TemporaryDirectory(prefix="custseg-sandbox-probe-") as folder:
        result = _run(bwrap, ["true"], Path(folder), (), Limits(wall_seconds=30), None, None)
    if result.returncode != 0:
        error = result.stderr.strip()[-500:] or f"退出码 {result.returncode}"
        return _USERNS_OFF.format(error=error)
    return None


def _run(
    bwrap: str,
    argv: list[str],
    workdir: Path,
    readable: Sequence[Path],
    limits: Limits,
    env: Mapping[str, str] | None,
    stdin: bytes | None,
    fonts: Path | None = None,
) -> SandboxResult:
    workdir = Path(workdir).resolve()
    if not workdir.is_dir():
        raise FileNotFoundError(f"沙箱的工作文件夹不存在：{workdir}")
    if not argv:
        raise ValueError("沙箱要运行的命令是空的")
    with _sandbox_user() as uid:
        owner = workdir.stat()
        if uid is not None:
            _chown_tree(workdir, uid, uid)
        try:
            mounts = _Mounts(workdir, tuple(Path(p).resolve() for p in readable), fonts)
            command, data = _bwrap_command(bwrap, argv, mounts, limits, env, uid)
            return _execute(command, data, stdin, limits, uid)
        finally:
            if uid is not None:
                _kill_user(uid)
                _chown_tree(workdir, owner.st_uid, owner.st_gid)


def _bwrap_command(
    bwrap: str,
    argv: list[str],
    mounts: _Mounts,
    limits: Limits,
    env: Mapping[str, str] | None,
    uid: int | None,
) -> tuple[list[str], dict[str, str]]:
    """The bwrap command line; ``@name`` arguments stand for the texts in the dict."""
    inner_uid = NOBODY if uid is None else uid
    command = [bwrap, "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts"]
    command += ["--unshare-cgroup-try", "--hostname", "sandbox"]
    command += ["--die-with-parent", "--new-session"]
    if uid is None:
        command += ["--unshare-user", "--uid", str(NOBODY), "--gid", str(NOBODY)]
        command += ["--disable-userns"]
    command += _filesystem(mounts, limits)
    data = _etc_accounts(inner_uid)
    for name in data:
        command += ["--perms", "0644", "--ro-bind-data", f"@{name}", f"/etc/{name}"]
    command += ["--clearenv"]
    for name, value in _environment(env).items():
        command += ["--setenv", name, value]
    if uid is not None:
        command += ["--cap-drop", "ALL"]
        command += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
        command += ["--cap-add", "CAP_SETPCAP", "--cap-add", "CAP_DAC_OVERRIDE", "--"]
        command += ["/usr/bin/setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups"]
        command += ["--no-new-privs", "--inh-caps=-all", "--bounding-set=-all"]
    else:
        command += ["--"]
    command += ["/usr/bin/prlimit", *prlimit_arguments(limits), "--", *argv]
    return command, data


@dataclass(frozen=True)
class _Mounts:
    """What one sandbox sees of the host besides the Python environment."""

    workdir: Path
    readable: tuple[Path, ...]
    fonts: Path | None  # matplotlib's font list, see _matplotlib_font_list


def _filesystem(mounts: _Mounts, limits: Limits) -> list[str]:
    arguments = ["--ro-bind", "/usr", "/usr"]
    for name in _TOP_LEVEL:
        path = Path("/", name)
        if path.is_symlink():
            arguments += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            arguments += ["--ro-bind", str(path), str(path)]
    arguments += ["--perms", "0755", "--dir", "/etc"]
    for name in _ETC_FILES:
        arguments += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
    arguments += ["--proc", "/proc", "--dev", "/dev"]
    arguments += ["--size", str(limits.tmp_mb * 1024 * 1024), "--perms", "1777", "--tmpfs", "/tmp"]
    arguments += ["--perms", "0777", "--dir", SANDBOX_HOME]
    if mounts.fonts is not None:
        matplotlib_dir = f"{SANDBOX_HOME}/{_HOME_DIRS['MPLCONFIGDIR']}"
        arguments += ["--perms", "0777", "--dir", str(Path(matplotlib_dir).parent)]
        arguments += ["--perms", "0777", "--dir", matplotlib_dir]
        arguments += ["--ro-bind", str(mounts.fonts), f"{matplotlib_dir}/{mounts.fonts.name}"]
    read_only = [*_environment_dirs(), *mounts.readable]
    made: set[Path] = {Path("/"), Path("/etc"), Path("/tmp"), Path("/usr")}
    for path in [*read_only, SANDBOX_WORKDIR]:
        for parent in reversed(path.parents):
            if parent not in made:
                made.add(parent)
                arguments += ["--perms", "0755", "--dir", str(parent)]
    for path in read_only:
        if not path.exists():
            raise FileNotFoundError(f"沙箱中要只读提供的路径不存在：{path}")
        arguments += ["--ro-bind", str(path), str(path)]
    workdir = str(mounts.workdir)
    arguments += ["--bind", workdir, str(SANDBOX_WORKDIR), "--chdir", str(SANDBOX_WORKDIR)]
    return arguments


def _etc_accounts(uid: int) -> dict[str, str]:
    """The sandbox's own /etc/passwd and /etc/group: root and the learner, nobody else."""
    passwd = f"root:x:0:0:root:/root:/usr/sbin/nologin\n{SANDBOX_USER}:x:{uid}:{uid}::"
    passwd += f"{SANDBOX_HOME}:/bin/sh\n"
    group = f"root:x:0:\n{SANDBOX_USER}:x:{uid}:\n"
    return {"passwd": passwd, "group": group}


@functools.cache
def _environment_dirs() -> tuple[Path, ...]:
    """Folders needed to run this Python, beyond ``/usr``: prefix, venv, custseg package."""
    candidates = [
        Path(sys.base_prefix).resolve(),
        Path(sys.prefix).resolve(),
        Path(sys.executable).resolve().parent.parent,
        Path(custseg.__file__).resolve().parent,
    ]
    chosen: list[Path] = []
    for path in sorted(set(candidates), key=lambda p: len(p.parts)):
        covered = path == Path("/usr") or Path("/usr") in path.parents
        if not covered and not any(c == path or c in path.parents for c in chosen):
            chosen.append(path)
    return tuple(chosen)


_font_lists: dict[str, Path | None] = {}
_font_lists_lock = threading.Lock()


def _matplotlib_font_list(bwrap: str) -> Path | None:
    """matplotlib's font list, built once per process inside a sandbox.

    Every sandbox has a fresh home, so matplotlib would scan all fonts again on each run
    (about half a second); later sandboxes read this list instead, read-only.
    """
    with _font_lists_lock:
        if bwrap not in _font_lists:
            _font_lists[bwrap] = _build_font_list(bwrap)
        return _font_lists[bwrap]


def _build_font_list(bwrap: str) -> Path | None:
    if importlib.util.find_spec("matplotlib") is None:
        return None
    folder = Path(tempfile.mkdtemp(prefix="custseg-sandbox-fonts-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    command = ["python", "-c", "import matplotlib.font_manager"]
    variables = {"MPLCONFIGDIR": str(SANDBOX_WORKDIR)}
    result = _run(bwrap, command, folder, (), Limits(wall_seconds=300), variables, None)
    found = sorted(folder.glob("fontlist-*.json"))
    return found[-1] if result.returncode == 0 and found else None


def _environment(extra: Mapping[str, str] | None) -> dict[str, str]:
    venv_bin = Path(sys.prefix).resolve() / "bin"
    variables = {
        "PATH": f"{venv_bin}:/usr/local/bin:/usr/bin:/bin",
        "HOME": SANDBOX_HOME,
        "USER": SANDBOX_USER,
        "LOGNAME": SANDBOX_USER,
        "LANG": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "TMPDIR": "/tmp",
        "MPLBACKEND": "Agg",
        "JUPYTER_PLATFORM_DIRS": "1",
    }
    if sys.prefix != sys.base_prefix:
        variables["VIRTUAL_ENV"] = str(Path(sys.prefix).resolve())
    for name, relative in _HOME_DIRS.items():
        variables[name] = f"{SANDBOX_HOME}/{relative}"
    variables.update(extra or {})
    return variables


def _execute(
    command: list[str],
    data: Mapping[str, str],
    stdin: bytes | None,
    limits: Limits,
    uid: int | None,
) -> SandboxResult:
    data_fds: list[int] = []
    resolved: list[str] = []
    for argument in command:
        if argument.startswith("@") and argument[1:] in data:
            read_end, write_end = os.pipe()
            os.write(write_end, data[argument[1:]].encode())
            os.close(write_end)
            data_fds.append(read_end)
            argument = str(read_end)
        resolved.append(argument)
    try:
        process = subprocess.Popen(
            resolved,
            stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            pass_fds=data_fds,
            start_new_session=True,
            env={"PATH": "/usr/bin:/bin"},
        )
    finally:
        for fd in data_fds:
            os.close(fd)
    readers = [_Capture(process.stdout, limits.output_bytes)]
    readers.append(_Capture(process.stderr, limits.output_bytes))
    if stdin is not None:
        threading.Thread(target=_feed, args=(process.stdin, stdin), daemon=True).start()
    try:
        timed_out = not _wait(process, limits.wall_seconds)
    except BaseException:
        _kill_group(process)
        raise
    if timed_out:
        _kill_group(process)
    stdout, stderr = (reader.text() for reader in readers)
    returncode = process.returncode
    if returncode < 0:
        returncode = 128 - returncode
    hit = limit_hit(returncode, stderr, timed_out)
    return SandboxResult(returncode, stdout, stderr, timed_out, hit)


def _wait(process: subprocess.Popen, seconds: float) -> bool:
    """Wait until ``process`` ends (True) or ``seconds`` pass (False), waking at once.

    ``Popen.wait(timeout)`` polls, sleeping up to 50 ms between looks; a pidfd wakes the
    moment the process ends.
    """
    try:
        pidfd = os.pidfd_open(process.pid)
    except (AttributeError, OSError):
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            return False
        return True
    try:
        poller = select.poll()
        poller.register(pidfd, select.POLLIN)
        if not poller.poll(max(1, math.ceil(seconds * 1000))):
            return False
    finally:
        os.close(pidfd)
    process.wait()
    return True


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


class _Capture:
    """Reads a pipe to its end in a thread, keeping at most ``limit`` bytes."""

    def __init__(self, pipe, limit: int) -> None:
        self.limit = limit
        self.kept = bytearray()
        self.cut = False
        self.thread = threading.Thread(target=self._read, args=(pipe,), daemon=True)
        self.thread.start()

    def _read(self, pipe) -> None:
        with pipe:
            while chunk := pipe.read1(65536):
                room = self.limit - len(self.kept)
                if len(chunk) > room:
                    self.cut = True
                if room > 0:
                    self.kept += chunk[:room]

    def text(self) -> str:
        self.thread.join(timeout=10)
        text = bytes(self.kept).decode("utf-8", errors="replace")
        return text + _TRUNCATED.format(limit=self.limit) if self.cut else text


def _feed(pipe, data: bytes) -> None:
    try:
        with pipe:
            pipe.write(data)
    except (BrokenPipeError, OSError):
        pass


@contextmanager
def _sandbox_user() -> Iterator[int | None]:
    """As root: a free uid for one sandbox (held by a lock file); otherwise None."""
    if os.geteuid() != 0:
        yield None
        return
    folder = _lock_folder()
    for slot in range(UID_SLOTS):
        uid = UID_BASE + slot
        fd = os.open(folder / f"{uid}.lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        try:
            if _has_account(uid):
                continue
            _kill_user(uid)
            yield uid
            return
        finally:
            os.close(fd)
    raise SandboxUnavailable(f"同时运行的沙箱超过 {UID_SLOTS} 个，请稍后再试")


def _lock_folder() -> Path:
    for base in (Path("/run"), Path(tempfile.gettempdir())):
        folder = base / "custseg-sandbox"
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            continue
        info = folder.lstat()
        if stat.S_ISDIR(info.st_mode) and info.st_uid == 0 and not info.st_mode & 0o022:
            return folder
    raise SandboxUnavailable("沙箱无法创建锁文件夹 /run/custseg-sandbox（需要 root 可写的 /run）")


def _has_account(uid: int) -> bool:
    try:
        pwd.getpwuid(uid)
    except KeyError:
        return False
    return True


def _processes_of(uid: int) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status", "rb") as status:
                for line in status:
                    if line.startswith(b"Uid:"):
                        if str(uid).encode() in line.split()[1:]:
                            found.append(int(entry.name))
                        break
        except OSError:
            continue
    return found


def _kill_user(uid: int, patience: float = 10.0) -> None:
    """Kill every process running as ``uid`` and wait until none is left."""
    deadline = time.monotonic() + patience
    while pids := _processes_of(uid):
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"沙箱用户 {uid} 的进程 {pids} 无法结束")
        time.sleep(0.01)


def _chown_tree(folder: Path, uid: int, gid: int) -> None:
    """Give ``folder`` and everything in it to ``uid``; never follows links, drops setuid."""
    os.chown(folder, uid, gid, follow_symlinks=False)
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            path = os.path.join(root, name)
            os.chown(path, uid, gid, follow_symlinks=False)
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode) and info.st_mode & (stat.S_ISUID | stat.S_ISGID):
                os.chmod(path, stat.S_IMODE(info.st_mode) & 0o777)
