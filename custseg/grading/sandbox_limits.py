"""Resource limits of one sandboxed run and how to tell which limit stopped it.

The limits are kernel resource limits (``setrlimit``) set by ``prlimit`` inside the sandbox,
right before the learner's command starts, so they hold for every process it starts:

- ``memory_mb``: address space of each process (``RLIMIT_AS``); Python raises ``MemoryError``;
- ``processes``: processes of the sandbox's user (``RLIMIT_NPROC``); a fork bomb stops there;
- ``file_size_mb``: largest file a process may write (``RLIMIT_FSIZE``);
- ``cpu_seconds``: processor time of each process (``RLIMIT_CPU``);
- ``wall_seconds``: the whole run; when it is over every process is killed;
- ``output_bytes``: how much of stdout and of stderr is kept;
- ``tmp_mb``: size of the sandbox's private ``/tmp`` (kept in memory).
"""

from __future__ import annotations

import signal
from dataclasses import dataclass

__all__ = ["LIMIT_NAMES", "Limits", "limit_hit", "prlimit_arguments"]

MB = 1024 * 1024

LIMIT_NAMES = {
    "memory": "内存 (memory)",
    "time": "时间 (time)",
    "file_size": "文件大小 (file size)",
}

_MEMORY_SIGNS = ("MemoryError", "Cannot allocate memory", "std::bad_alloc", "out of memory")
_FILE_SIZE_SIGNS = ("File too large", "[Errno 27]")


@dataclass(frozen=True)
class Limits:
    """Resource limits of one sandboxed run.

    Examples
    --------
    >>> Limits().memory_mb
    2048
    >>> Limits(wall_seconds=30).wall_seconds
    30
    """

    memory_mb: int = 2048
    processes: int = 64
    file_size_mb: int = 50
    wall_seconds: float = 600
    cpu_seconds: int | None = None
    output_bytes: int = 5_000_000
    tmp_mb: int = 256

    def __post_init__(self) -> None:
        for name in ("memory_mb", "processes", "file_size_mb", "output_bytes", "tmp_mb"):
            value = getattr(self, name)
            if not isinstance(value, int) or value <= 0:
                raise ValueError(f"沙箱限制 {name} 必须是正整数，收到 {value!r}")
        if not self.wall_seconds > 0:
            raise ValueError(f"沙箱限制 wall_seconds 必须大于 0，收到 {self.wall_seconds!r}")
        if self.cpu_seconds is not None and self.cpu_seconds <= 0:
            raise ValueError(f"沙箱限制 cpu_seconds 必须大于 0，收到 {self.cpu_seconds!r}")


def prlimit_arguments(limits: Limits) -> list[str]:
    """The ``prlimit`` options that set ``limits`` (soft and hard the same).

    Examples
    --------
    >>> prlimit_arguments(Limits(memory_mb=1, processes=2, file_size_mb=3))
    ['--as=1048576', '--nproc=2', '--fsize=3145728', '--core=0']
    >>> prlimit_arguments(Limits(cpu_seconds=5))[-1]
    '--cpu=5'
    """
    arguments = [
        f"--as={limits.memory_mb * MB}",
        f"--nproc={limits.processes}",
        f"--fsize={limits.file_size_mb * MB}",
        "--core=0",
    ]
    if limits.cpu_seconds is not None:
        arguments.append(f"--cpu={limits.cpu_seconds}")
    return arguments


def limit_hit(returncode: int, stderr: str, timed_out: bool) -> str | None:
    """Which limit most likely ended the run: ``"memory"``, ``"time"``, ``"file_size"`` or None.

    A signal that ended the command shows as return code 128 + signal number (as in a shell).
    Memory and file size are also recognised by the error Python prints to stderr.

    Examples
    --------
    >>> limit_hit(1, "MemoryError", timed_out=False)
    'memory'
    >>> limit_hit(128 + 25, "", timed_out=False)
    'file_size'
    >>> limit_hit(-9, "", timed_out=True)
    'time'
    >>> limit_hit(0, "MemoryError", timed_out=False) is None
    True
    """
    if timed_out or returncode == 128 + signal.SIGXCPU:
        return "time"
    if returncode == 0:
        return None
    if returncode == 128 + signal.SIGXFSZ or any(s in stderr for s in _FILE_SIZE_SIGNS):
        return "file_size"
    if any(sign in stderr for sign in _MEMORY_SIGNS):
        return "memory"
    return None
