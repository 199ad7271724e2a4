"""Create the workshop's Linux accounts and set up their home folders (run by install.sh as root).

学员账号来自讲师的学员名单（与 ``custseg-grade roster`` 用的是同一个文件：CSV 或 Excel，
UTF-8 或 GBK，第一行是列名）::

    学号,姓名,密码
    wangxm,王小明,
    s02,李娜,Chu-Shi-Mi-Ma-2

- **学号**就是登录账号，必须是 Linux 账号名：小写字母开头，只含小写字母、数字、``_`` 和 ``-``；
- **密码**列可以没有或留空：新账号会得到随机密码；已有的账号不改密码；
- 新账号和随机密码写入 ``--out`` 文件（只有 root 能读），打印出来发给学员和讲师。

每个账号属于学员组（讲师另属管理员组和讲师组），主目录权限 ``700``（别人看不到），主目录下有课程
笔记本 ``课程/``（已有的文件不覆盖；讲师的是含答案的讲师版）。

评分不以讲师本人的身份运行：评分账号（``--grader``，没有密码、不能登录）拥有课程评分文件夹
``--grading-dir``（仓库 ``grading/`` 的副本，使用共享交换文件夹，名单中的学员已导入成绩库），
它和讲师都在讲师组中；文件夹里的一切（答案、隐藏测试、成绩库和备份、评分设置）只有讲师组能读
（见 :func:`lock_down`）。讲师版笔记本和评分文件夹模板在 ``--private-share`` 中，也只有讲师组能读。讲师主目录中的 ``custseg`` 是指向它的链接。已存在的账号和文件都保留，
可以重复运行。

Usage::

    python accounts.py --share /opt/custseg/share/custseg --exchange /srv/nbgrader/exchange \\
        --group custseg --admin-group custseg-admin --instructors-group custseg-instructors \\
        --grader custseg-grader --grading-dir /srv/custseg/grading \\
        --as-grader /opt/custseg/libexec/custseg/custseg-grade-as-grader --instructor teacher \\
        --roster 学员名单.csv --out /root/custseg-accounts.csv
"""

from __future__ import annotations

import argparse
import csv
import grp
import json
import os
import pwd
import re
import secrets
import shutil
import stat
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nbgrader_tools import instructor_settings, merge, read_json

from custseg.errors import DataError
from custseg.files import read_table
from custseg.grading.roster import read_roster

ACCOUNT_NAME = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")
PASSWORD_COLUMNS = ("密码", "初始密码", "password")
PASSWORD_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: easy to read aloud
FIRST_REGULAR_UID = 1000
COURSE_FOLDER = "课程"
GRADING_FOLDER = "custseg"
HUB_MARKER = "# ---- JupyterHub 服务器 (workshop server)"


@dataclass(frozen=True)
class Person:
    """One account to create: Linux name, display name, password (None: keep or generate)."""

    account: str
    name: str
    password: str | None
    row: int | None = None


def new_password() -> str:
    """A random password of three groups of four easily read characters (about 59 bits)."""
    groups = ("".join(secrets.choice(PASSWORD_LETTERS) for _ in range(4)) for _ in range(3))
    return "-".join(groups)


def read_people(path: str | os.PathLike) -> list[Person]:
    """The learners of a class list, checking that every 学号 can be a Linux account name.

    Raises
    ------
    DataError
        When an id cannot be an account name or is an existing system account (naming the
        file row), besides the checks of :func:`custseg.grading.roster.read_roster`.
    """
    roster = read_roster(path)
    raw = read_table(path, dtype=str).fillna("")
    wanted = {alias.lower() for alias in PASSWORD_COLUMNS}
    column = next((c for c in raw.columns if str(c).strip().lower() in wanted), None)
    passwords = raw[column].str.strip() if column is not None else None
    people = []
    for position, record in enumerate(roster.itertuples(index=False)):
        row = position + 2
        account = record.student
        if not ACCOUNT_NAME.match(account):
            raise DataError(
                f"{path}: 第 {row} 行 (row {row}) 的学号 {account!r} 不能用作登录账号 "
                "(not a valid Linux account name)：只能用小写字母、数字、_ 和 -，"
                "以字母开头，最长 32 个字符"
            )
        _refuse_system_account(account, f"{path}: 第 {row} 行 (row {row}) ")
        password = passwords.iloc[position] if passwords is not None else ""
        name = f"{record.last_name}{record.first_name}" or account
        people.append(Person(account, name, password or None, row))
    return people


def _refuse_system_account(account: str, where: str) -> None:
    try:
        uid = pwd.getpwnam(account).pw_uid
    except KeyError:
        return
    if uid < FIRST_REGULAR_UID:
        raise DataError(
            f"{where}账号 {account!r} 是系统账号 (a system account, uid {uid})，不能用作学员或讲师账号"
        )


def _run(command: Sequence[str], *, text_input: str | None = None) -> None:
    result = subprocess.run(command, input=text_input, capture_output=True, text=True)
    if result.returncode != 0:
        raise DataError(
            f"命令失败 (command failed, exit code {result.returncode}): {' '.join(command)}\n"
            f"{result.stdout}{result.stderr}"
        )


def ensure_group(group: str) -> None:
    _run(["groupadd", "-f", group])


def ensure_account(person: Person, groups: Sequence[str], home_base: Path) -> bool:
    """Create the account (private home folder) or add it to ``groups``; True if created."""
    try:
        pwd.getpwnam(person.account)
        created = False
        _run(["usermod", "-a", "-G", ",".join(groups), person.account])
    except KeyError:
        created = True
        home_base.mkdir(parents=True, exist_ok=True)
        _run(
            [
                "useradd",
                "--create-home",
                "--base-dir",
                str(home_base),
                "--shell",
                "/bin/bash",
                "--user-group",
                "--groups",
                ",".join(groups),
                "--comment",
                person.name,
                person.account,
            ]
        )
    home = Path(pwd.getpwnam(person.account).pw_dir)
    home.chmod(0o700)  # no one else may read a learner's work
    return created


def set_passwords(pairs: dict[str, str]) -> None:
    if pairs:
        _run(["chpasswd"], text_input="".join(f"{a}:{p}\n" for a, p in pairs.items()))


def as_user(account: str, *command: str, text_input: str | None = None) -> None:
    """Run ``command`` as ``account`` in a clean environment (files it writes are its own)."""
    home = pwd.getpwnam(account).pw_dir
    scripts = str(Path(sys.executable).parent)
    env = [f"HOME={home}", f"USER={account}", f"PATH={scripts}:/usr/bin:/bin", "LANG=C.UTF-8"]
    if os.environ.get("JUPYTER_CONFIG_PATH"):
        env.append(f"JUPYTER_CONFIG_PATH={os.environ['JUPYTER_CONFIG_PATH']}")
    _run(["runuser", "-u", account, "--", "env", "-i", *env, *command], text_input=text_input)


def update_json_as_user(account: str, path: Path, update: dict) -> None:
    """Merge ``update`` into the JSON settings file ``path``, written as ``account``."""
    data = merge(read_json(path), update)
    as_user(account, "mkdir", "-p", str(path.parent))
    as_user(account, "tee", str(path), text_input=json.dumps(data, indent=2) + "\n")


def copy_course(account: str, source: Path) -> None:
    """Copy the course notebooks into ``~/课程``, keeping files the user already has."""
    target = Path(pwd.getpwnam(account).pw_dir) / COURSE_FOLDER
    as_user(account, "mkdir", "-p", str(target))
    as_user(account, "cp", "-r", "--no-clobber", f"{source}/.", f"{target}/")


def ensure_grader(account: str, home: Path, instructors_group: str) -> None:
    """The grader account: no password, no login shell, member of the instructors' group.

    Learners' code runs in a sandbox as this account when it grades, and an unprivileged
    sandbox cannot shed the account's groups: nothing the instructors' group may read can
    lie where the sandbox looks (``/usr``, the virtualenv), which is why install.sh keeps
    trainer notebooks and the grading template outside the virtualenv.
    """
    try:
        pwd.getpwnam(account)
        _run(["usermod", "-a", "-G", instructors_group, account])
    except KeyError:
        home.parent.mkdir(parents=True, exist_ok=True)
        _run(
            [
                "useradd",
                "--system",
                "--create-home",
                "--home-dir",
                str(home),
                "--shell",
                "/usr/sbin/nologin",
                "--user-group",
                "--groups",
                instructors_group,
                "--comment",
                "custseg 评分账号 (grader)",
                account,
            ]
        )
    Path(pwd.getpwnam(account).pw_dir).chmod(0o700)


def setup_grading(grader: str, private: Path, exchange: Path, folder: Path) -> Path:
    """The course's grading folder: a copy of ``grading/`` for the grader (see lock_down)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.mkdir(mode=0o700, exist_ok=True)
    account = pwd.getpwnam(grader)
    os.chown(folder, account.pw_uid, account.pw_gid)
    config = folder / "nbgrader_config.py"
    if not config.exists():
        shutil.copytree(private / "grading", folder, dirs_exist_ok=True)
    if HUB_MARKER not in config.read_text(encoding="utf-8"):
        block = (
            f"\n\n{HUB_MARKER}：使用共享交换文件夹，由 install.sh 添加 ----\n"
            "import os  # noqa: E402\n\n"
            "from jupyter_core.paths import jupyter_data_dir  # noqa: E402\n\n"
            f"c.Exchange.root = {str(exchange)!r}\n"
            'c.Exchange.cache = os.path.join(jupyter_data_dir(), "nbgrader_cache")\n'
            "# 评分结果只给讲师组看：nbgrader 默认把它写出的文件设为人人可读 (444)\n"
            "c.BaseConverter.permissions = 640\n"
        )
        with config.open("a", encoding="utf-8") as handle:
            handle.write(block)
    write_course_root(grader, folder)
    return folder


def write_course_root(account: str, folder: Path) -> None:
    """``~/.jupyter/nbgrader_config.py`` of ``account`` names the course's grading folder."""
    user_config = Path(pwd.getpwnam(account).pw_dir) / ".jupyter" / "nbgrader_config.py"
    as_user(account, "mkdir", "-p", str(user_config.parent))
    text = (
        "# 课程评分文件夹 (the course's grading folder), written by install.sh\n"
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.root = {str(folder)!r}\n"
    )
    as_user(account, "tee", str(user_config), text_input=text)


def setup_instructor(account: str, folder: Path) -> None:
    """``~/custseg`` links to the grading folder; the formgrader is switched on."""
    home = Path(pwd.getpwnam(account).pw_dir)
    link = home / GRADING_FOLDER
    if link.is_symlink() or not link.exists():
        as_user(account, "ln", "-sfn", str(folder), str(link))
    else:
        print(
            f"注意 (note)：{link} 是以前安装的、讲师本人的评分文件夹，现在的评分文件夹是 {folder}。"
            f"要沿用以前的成绩：sudo cp -a {link}/. {folder}/，再重新运行 install.sh"
        )
    write_course_root(account, folder)
    for name, update in instructor_settings().items():
        update_json_as_user(account, home / ".jupyter" / name, update)


def enrol(grader: str, as_grader: Path, folder: Path, people: Sequence[Person]) -> None:
    """Import the learners into the gradebook (``custseg-grade roster``, as the grader)."""
    lines = ["学号,姓名"] + [f"{p.account},{p.name}" for p in people]
    roster = folder / "学员名单.csv"
    write = 'umask 027 && cat > "$0"'
    as_user(grader, "sh", "-c", write, str(roster), text_input="\n".join(lines) + "\n")
    as_user(grader, str(as_grader), "roster", str(roster))


def lock_down(folder: Path, grader: str, instructors_group: str) -> None:
    """Everything in the grading folder: the grader's, readable by the instructors only.

    Folders ``2750`` and files ``0640`` (no access for anyone else). The folder itself
    (``2770``) and the gradebook (``0660``) are also writable by the instructors' group: the
    formgrader runs as the instructor and saves manual grades there (SQLite writes its journal
    beside the gradebook).
    """
    uid = pwd.getpwnam(grader).pw_uid
    gid = grp.getgrnam(instructors_group).gr_gid
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(root, name)
            os.chown(path, uid, gid, follow_symlinks=False)
            mode = os.lstat(path).st_mode
            if stat.S_ISDIR(mode):
                os.chmod(path, 0o2750)
            elif stat.S_ISREG(mode):
                os.chmod(path, 0o750 if mode & stat.S_IXUSR else 0o640)
    os.chown(folder, uid, gid)
    folder.chmod(0o2770)
    gradebook = folder / "gradebook.db"
    if gradebook.exists():
        gradebook.chmod(0o660)


def write_passwords(path: Path, rows: list[tuple[str, str, str]]) -> None:
    """The new accounts and their passwords, readable by root only (Excel opens it as UTF-8)."""
    new = not path.exists()
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    with path.open("a", encoding="utf-8-sig" if new else "utf-8", newline="") as handle:
        writer = csv.writer(handle)
        if new:
            writer.writerow(["账号", "姓名", "初始密码"])
        writer.writerows(rows)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="建立工作坊账号 (create workshop accounts)")
    parser.add_argument("--share", type=Path, required=True, help="<prefix>/share/custseg")
    parser.add_argument("--exchange", type=Path, required=True, help="共享交换文件夹")
    parser.add_argument("--group", required=True, help="学员组")
    parser.add_argument("--admin-group", required=True, help="讲师组")
    parser.add_argument("--instructor", help="讲师账号")
    parser.add_argument("--roster", type=Path, help="学员名单 CSV/Excel")
    parser.add_argument("--home-base", type=Path, default=Path("/home"), help="新账号主目录的上级")
    parser.add_argument("--out", type=Path, required=True, help="新账号初始密码表 (CSV)")
    parser.add_argument("--instructors-group", default="custseg-instructors", help="讲师组")
    parser.add_argument("--grader", default="custseg-grader", help="评分账号")
    parser.add_argument(
        "--grader-home", type=Path, default=Path("/var/lib/custseg-grader"), help="评分账号主目录"
    )
    parser.add_argument(
        "--grading-dir", type=Path, default=Path("/srv/custseg/grading"), help="课程评分文件夹"
    )
    parser.add_argument("--as-grader", type=Path, help="以评分账号运行 custseg-grade 的脚本")
    parser.add_argument(
        "--private-share",
        type=Path,
        default=Path("/opt/custseg-instructors"),
        help="只有讲师组能读：讲师版笔记本 trainer/ 和评分文件夹模板 grading/",
    )
    return parser


def run(args: argparse.Namespace) -> None:
    if args.instructor and not ACCOUNT_NAME.match(args.instructor):
        raise DataError(
            f"讲师账号 {args.instructor!r} 不能用作 Linux 账号名 (not a valid account name)"
        )
    people = read_people(args.roster) if args.roster else []
    if args.instructor:
        _refuse_system_account(args.instructor, "--instructor: ")
        if args.as_grader is None:
            raise DataError(
                "有 --instructor 时还需要 --as-grader（以评分账号运行 custseg-grade 的脚本）"
            )
    for group in (args.group, args.admin_group, args.instructors_group):
        ensure_group(group)
    new_rows = []
    passwords = {}
    everyone = [(p, [args.group]) for p in people]
    if args.instructor:
        instructor = Person(args.instructor, "讲师 (instructor)", None)
        groups = [args.group, args.admin_group, args.instructors_group]
        everyone.insert(0, (instructor, groups))
    for person, groups in everyone:
        created = ensure_account(person, groups, args.home_base)
        if person.password:
            passwords[person.account] = person.password
        elif created:
            passwords[person.account] = new_password()
            new_rows.append((person.account, person.name, passwords[person.account]))
        print(f"{'已建立' if created else '已存在'}账号 {person.account}（{person.name}）")
    set_passwords(passwords)
    for person, _ in everyone:
        is_instructor = person.account == args.instructor
        source = (
            args.private_share / "trainer" if is_instructor else args.share / "course" / "learner"
        )
        copy_course(person.account, source)
    if args.instructor:
        ensure_grader(args.grader, args.grader_home, args.instructors_group)
        course = setup_grading(args.grader, args.private_share, args.exchange, args.grading_dir)
        setup_instructor(args.instructor, course)
        print(f"课程评分文件夹：{course}（属于评分账号 {args.grader}，只有讲师组能读）")
        if people:
            enrol(args.grader, args.as_grader, course, people)
            print(f"已把 {len(people)} 位学员导入成绩库")
        lock_down(course, args.grader, args.instructors_group)
    if new_rows:
        write_passwords(args.out, new_rows)
        print(f"新账号的初始密码在 {args.out}（只有 root 能读）")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        run(args)
    except (DataError, FileNotFoundError) as error:
        print(f"错误 (error): {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
