"""custseg 工作坊的 JupyterHub 设置 (JupyterHub configuration for a custseg workshop).

install.sh 把本文件装到 ``<prefix>/etc/jupyterhub/jupyterhub_config.py``，并按参数改写下面
“站点设置”中的组名。启动（install.sh 装好的 systemd 服务 ``custseg-hub`` 也是这样启动的）::

    /opt/custseg/bin/jupyterhub -f /opt/custseg/etc/jupyterhub/jupyterhub_config.py

- 登录 (authentication)：服务器本机的 Linux 账号和密码（PAM）。只有 ``LEARNERS_GROUP`` 和
  ``INSTRUCTORS_GROUP`` 两个组的成员能登录；讲师组的成员是 JupyterHub 管理员 (admin)。
- 每人一个 JupyterLab (spawner)：服务器由 systemd 管理、且装了 ``jupyterhub-systemdspawner``
  时（install.sh 会自动安装）用 ``SystemdSpawner``：每位学员的 JupyterLab 是一个 systemd 单元，
  内存上限 ``MEM_LIMIT``、CPU 上限 ``CPU_LIMIT``，一个人的死循环或大数据不会拖垮整台机器。
  否则（容器、WSL）用 JupyterHub 自带的 ``LocalProcessSpawner``，以该用户的身份在本机启动进程：
  不依赖 Docker 或 systemd，到处都可靠，但不限制内存和 CPU。
- 学员登录后直接打开课程 ``~/课程/00_welcome.ipynb``；讲师打开评分文件夹 ``~/custseg``，
  讲师终端里的 ``custseg-grade`` 经 sudo 以评分账号运行（见 README 第 8 节）。

本地修改（HTTPS 证书、端口等）请写在同一文件夹的 ``jupyterhub_config_local.py`` 中：它在本文件
最后读取，重新运行 install.sh 不会覆盖它。
"""

import importlib.util
import os
import sys

c = get_config()  # noqa: F821  (provided by JupyterHub when it reads this file)

# ---- 站点设置 (site settings)：install.sh 按 --group / --admin-group 写入 ----
LEARNERS_GROUP = "custseg"  # 学员的 Linux 用户组
INSTRUCTORS_GROUP = "custseg-admin"  # 讲师的 Linux 用户组（JupyterHub 管理员）
PORT = 8000
MEM_LIMIT = "2G"  # 每位学员的内存上限（只有 SystemdSpawner 能强制执行）
CPU_LIMIT = 1.0  # 每位学员最多用几个 CPU 核（同上）
COURSE_FOLDER = "课程"  # install.sh 把学员版课程笔记本复制到每人主目录下的这个文件夹
GRADING_FOLDER = "custseg"  # 讲师主目录下指向课程评分文件夹的链接
INSTRUCTOR_BIN = ""  # install.sh 写入：讲师 PATH 的第一项，其中的 custseg-grade 交给评分账号运行

PREFIX = sys.prefix  # 安装位置，例如 /opt/custseg：jupyterhub 就在这个虚拟环境里运行
STATE = os.path.join(PREFIX, "var", "jupyterhub")  # 登录状态数据库和 cookie 密钥

c.JupyterHub.bind_url = f"http://:{PORT}"
c.JupyterHub.db_url = f"sqlite:///{os.path.join(STATE, 'jupyterhub.sqlite')}"
c.JupyterHub.cookie_secret_file = os.path.join(STATE, "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.command = [os.path.join(PREFIX, "bin", "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = os.path.join(STATE, "jupyterhub-proxy.pid")
c.JupyterHub.template_vars = {
    "announcement_login": "请用培训账号和密码登录 (log in with your workshop account)",
}

# 登录：本机 Linux 账号 (PAM)
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.allowed_groups = {LEARNERS_GROUP, INSTRUCTORS_GROUP}
c.PAMAuthenticator.admin_groups = {INSTRUCTORS_GROUP}

# 每人的 JupyterLab
c.Spawner.cmd = [os.path.join(PREFIX, "bin", "jupyterhub-singleuser")]
c.Spawner.environment = {
    "PATH": os.pathsep.join([os.path.join(PREFIX, "bin"), "/usr/local/bin", "/usr/bin", "/bin"]),
    "LANG": "C.UTF-8",
    "PYTHONIOENCODING": "utf-8",
}
c.Spawner.default_url = f"/lab/tree/{COURSE_FOLDER}/00_welcome.ipynb"
# 三十个人同时登录时 JupyterLab 启动会变慢：多等一会儿，不要误判为失败。
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.Spawner.mem_limit = MEM_LIMIT
c.Spawner.cpu_limit = CPU_LIMIT
# 每个打开过的笔记本都有一个内核（约 300 MB）。标签页已关闭、空闲一小时的内核自动停止，
# 释放内存；打开着的笔记本不受影响。
c.Spawner.args = [
    "--MappingKernelManager.cull_idle_timeout=3600",
    "--MappingKernelManager.cull_interval=300",
]


# 有 systemd 且装了 jupyterhub-systemdspawner 时，每人的 JupyterLab 是一个 systemd 单元（有上限）；
# 否则直接以该用户身份启动进程。固定其中一种：在 jupyterhub_config_local.py 中设置 spawner_class。
_HAS_SYSTEMD = os.path.isdir("/run/systemd/system")
if _HAS_SYSTEMD and importlib.util.find_spec("systemdspawner") is not None:
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
else:
    c.JupyterHub.spawner_class = "localprocess"
c.SystemdSpawner.isolate_tmp = True  # 每人独立的 /tmp
c.SystemdSpawner.disable_user_sudo = True
c.SystemdSpawner.unit_name_template = "custseg-lab-{USERNAME}"


def _open_grading_for_instructors(spawner) -> None:
    """讲师登录后打开评分文件夹，终端中的 custseg-grade 以评分账号运行；学员打开课程第 0 讲。"""
    if spawner.user.admin:
        spawner.default_url = f"/lab/tree/{GRADING_FOLDER}"
        path = spawner.environment.get("PATH", os.defpath)
        if INSTRUCTOR_BIN and not path.startswith(f"{INSTRUCTOR_BIN}:"):
            spawner.environment = {**spawner.environment, "PATH": f"{INSTRUCTOR_BIN}:{path}"}


c.Spawner.pre_spawn_hook = _open_grading_for_instructors

_LOCAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "jupyterhub_config_local.py")
if os.path.exists(_LOCAL):
    load_subconfig(_LOCAL)  # noqa: F821  (provided by JupyterHub)
