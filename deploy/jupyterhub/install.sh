#!/usr/bin/env bash
# custseg 工作坊服务器安装脚本 (install a JupyterHub for a custseg workshop). Run as root:
#
#   sudo bash deploy/jupyterhub/install.sh --instructor teacher --roster 学员名单.csv
#
# 可以重复运行：已有的虚拟环境会更新，已有的账号、学员作业和讲师的评分文件夹都保留。
# 说明见同一文件夹的 README.md；`install.sh --help` 列出全部选项。
set -euo pipefail
umask 022 # 安装的文件要让每个账号都能读取（有的服务器默认 umask 是 077）

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SOURCE="$(cd "$HERE/../.." && pwd)"

PREFIX=/opt/custseg
PYTHON=python3
EXCHANGE=/srv/nbgrader/exchange
CONFIG_DIR=/etc/jupyter
GROUP=custseg
ADMIN_GROUP=custseg-admin
INSTRUCTORS_GROUP=custseg-instructors
GRADER=custseg-grader
GRADER_HOME=/var/lib/custseg-grader
GRADING_DIR=/srv/custseg/grading
INSTRUCTOR=""
ROSTER=""
HOME_BASE=/home
ACCOUNTS_OUT=/root/custseg-accounts.csv
SERVICE=yes
ACCOUNTS_ONLY=no
JUPYTERHUB_SPEC="jupyterhub>=5.2,<7"
PROXY_SPEC="configurable-http-proxy@^4.6.3" # 4.6 runs on any Node.js >= 10 (Debian 12 has 18)

usage() {
    cat <<EOF
用法 (usage): sudo bash $0 [选项 options]

  --prefix DIR              安装位置 (install prefix)，默认 $PREFIX
  --python PATH             建虚拟环境用的 Python（每个用户都必须能运行它），默认 $PYTHON
  --exchange DIR            nbgrader 共享交换文件夹 (exchange)，默认 $EXCHANGE
  --jupyter-config-dir DIR  全机 nbgrader_config.py 写到这里，默认 $CONFIG_DIR
  --group NAME              学员的 Linux 用户组，默认 $GROUP
  --admin-group NAME        讲师的 Linux 用户组（JupyterHub 管理员），默认 $ADMIN_GROUP
  --instructors-group NAME  能读答案、隐藏测试、讲师版笔记本和成绩库的用户组，默认 $INSTRUCTORS_GROUP
  --grader NAME             评分账号：评分命令以它的身份运行（不是讲师本人），默认 $GRADER
  --grader-home DIR         评分账号的主目录，默认 $GRADER_HOME
  --grading-dir DIR         课程评分文件夹（属于评分账号，只有讲师组能读），默认 $GRADING_DIR
  --instructor NAME         讲师账号（没有就建立），主目录中的 custseg 指向评分文件夹
  --roster FILE             学员名单 CSV/Excel：为每位学员建立账号（学号即账号）
  --home-base DIR           新账号主目录的上级文件夹，默认 $HOME_BASE
  --accounts-out FILE       新账号的初始密码写到这里（只有 root 能读），默认 $ACCOUNTS_OUT
  --accounts-only           只建立账号（已安装过，例如补充迟到的学员）
  --no-service              不安装 systemd 服务 custseg-hub
EOF
}

die() {
    echo "错误 (error): $*" >&2
    exit 1
}
say() { echo "==> $*"; }

while [ $# -gt 0 ]; do
    case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --python) PYTHON="$2"; shift 2 ;;
    --exchange) EXCHANGE="$2"; shift 2 ;;
    --jupyter-config-dir) CONFIG_DIR="$2"; shift 2 ;;
    --group) GROUP="$2"; shift 2 ;;
    --admin-group) ADMIN_GROUP="$2"; shift 2 ;;
    --instructors-group) INSTRUCTORS_GROUP="$2"; shift 2 ;;
    --grader) GRADER="$2"; shift 2 ;;
    --grader-home) GRADER_HOME="$2"; shift 2 ;;
    --grading-dir) GRADING_DIR="$2"; shift 2 ;;
    --instructor) INSTRUCTOR="$2"; shift 2 ;;
    --roster) ROSTER="$2"; shift 2 ;;
    --home-base) HOME_BASE="$2"; shift 2 ;;
    --accounts-out) ACCOUNTS_OUT="$2"; shift 2 ;;
    --accounts-only) ACCOUNTS_ONLY=yes; shift ;;
    --no-service) SERVICE=no; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "未知选项 (unknown option): $1" ;;
    esac
done

[ "$(id -u)" -eq 0 ] || die "请用 root 运行 (run as root): sudo bash $0"
[ -f "$SOURCE/pyproject.toml" ] || die "找不到 $SOURCE/pyproject.toml：请在 custseg 仓库中运行本脚本"
for command in "$PYTHON" npm useradd usermod groupadd chgrp chpasswd runuser; do
    command -v "$command" >/dev/null || die "找不到命令 (command not found): $command"
done
if [ -n "$ROSTER" ]; then
    [ -f "$ROSTER" ] || die "找不到学员名单 (roster not found): $ROSTER"
    ROSTER="$(cd "$(dirname "$ROSTER")" && pwd)/$(basename "$ROSTER")"
fi
case "$PREFIX$EXCHANGE$CONFIG_DIR$HOME_BASE$GRADER_HOME$GRADING_DIR" in
*" "*) die "路径中不能有空格 (no spaces in paths)" ;;
esac

SHARE="$PREFIX/share/custseg"
LIBEXEC="$PREFIX/libexec/custseg"
AS_GRADER="$LIBEXEC/custseg-grade-as-grader" # 以评分账号运行 custseg-grade
INSTRUCTOR_BIN="$LIBEXEC/instructor-bin"     # 讲师 PATH 的第一项：其中的 custseg-grade 经 sudo 交给评分账号
SUDOERS_RULE="/etc/sudoers.d/custseg-grade-$(printf %s "$GRADER" | tr -c 'a-zA-Z0-9_-' _)"
# 只有讲师组能读的文件：讲师版笔记本 (trainer/) 和评分文件夹模板 (grading/)。不放在虚拟环境里：
# 评分沙箱里看得到虚拟环境，而沙箱中的学员代码带着评分账号的用户组（评分账号在讲师组中）。
PRIVATE="$PREFIX-instructors"
# 仓库里有答案和隐藏测试 (grading/assignments、course/src)：学员不能读到它。
if runuser -u nobody -- test -r "$SOURCE/grading/assignments" 2>/dev/null; then
    echo "警告 (warning)：仓库 $SOURCE 人人可读，其中 grading/assignments 和 course/src 含答案和隐藏测试。" \
        "请把仓库放在只有 root 能读的文件夹中（例如 /root），或运行 chmod -R o-rwx $SOURCE" >&2
fi
# pip 逐个编译模块，很慢；下面改用 compileall，同时用上所有 CPU 核。
PIP=("$PREFIX/bin/python" -m pip install --quiet --disable-pip-version-check --no-compile)

if [ "$ACCOUNTS_ONLY" = no ]; then
    # 1. Python 虚拟环境：每个学员的 JupyterLab 都用它，所以必须人人可读、可执行。
    if [ ! -x "$PREFIX/bin/python" ]; then
        say "建立 Python 虚拟环境 (virtualenv) $PREFIX"
        mkdir -p "$PREFIX"
        chmod 755 "$PREFIX"
        "$PYTHON" -m venv "$PREFIX"
    fi
    runuser -u nobody -- "$PREFIX/bin/python" -c "import sys" 2>/dev/null ||
        die "普通用户无法运行 $PREFIX/bin/python（它指向的 Python 可能在 /root 等私有文件夹中，例如 pyenv）。" \
            "请删除 $PREFIX，用 --python /usr/bin/python3 重新运行"

    say "安装 custseg、JupyterHub 和中文界面 (pip install)"
    "${PIP[@]}" --upgrade pip
    "${PIP[@]}" --upgrade "$SOURCE[grading]" "$JUPYTERHUB_SPEC"  # grading: the course and nbgrader
    if [ -d /run/systemd/system ]; then
        "${PIP[@]}" --upgrade jupyterhub-systemdspawner # 内存和 CPU 上限
    fi
    # 预编译 (bytecode)：学员的账号不能写入安装目录，没有 .pyc 时每次启动都要多花几秒。
    # 个别第三方文件无法编译（pip 也忽略它们），所以不看返回值。
    "$PREFIX/bin/python" -m compileall -q -j 0 "$PREFIX/lib" >/dev/null 2>&1 || true

    # 2. configurable-http-proxy：JupyterHub 前面的代理 (Node.js)
    PROXY="$PREFIX/lib/proxy/node_modules/.bin/configurable-http-proxy"
    if [ ! -x "$PROXY" ]; then
        say "安装 configurable-http-proxy (npm)"
        npm install --prefix "$PREFIX/lib/proxy" --no-audit --no-fund --loglevel=error "$PROXY_SPEC"
    fi
    ln -sfn "$PROXY" "$PREFIX/bin/configurable-http-proxy"

    # 3. nbgrader 的评分界面 (formgrader)、课程列表和出题工具只给讲师（accounts.py 为讲师打开）
    "$PREFIX/bin/python" "$HERE/nbgrader_tools.py" "$PREFIX/etc/jupyter"
    # JupyterLab 默认显示中文
    mkdir -p "$PREFIX/share/jupyter/lab/settings"
    cat >"$PREFIX/share/jupyter/lab/settings/overrides.json" <<'EOF'
{"@jupyterlab/translation-extension:plugin": {"locale": "zh_CN"}}
EOF

    # 4. 课程笔记本（学员版、讲师版）和评分文件夹模板，复制到人人可读的位置
    say "生成课程笔记本 (build the course notebooks)"
    BUILD="$(mktemp -d)"
    trap 'rm -rf "$BUILD"' EXIT
    cp -r "$SOURCE/course/src" "$SOURCE/course/build.py" "$BUILD/"
    "$PREFIX/bin/python" "$BUILD/build.py" >/dev/null
    rm -rf "$SHARE"
    mkdir -p "$SHARE/course" "$SHARE/grading"
    cp -r "$BUILD/notebooks" "$SHARE/course/learner"
    chmod -R u=rwX,go=rX "$SHARE"
    # 讲师版笔记本（含答案）和评分文件夹模板（答案、隐藏测试、评分设置）：只有讲师组能读
    groupadd -f "$INSTRUCTORS_GROUP"
    rm -rf "$PRIVATE"
    install -d -m 0750 -g "$INSTRUCTORS_GROUP" "$PRIVATE"
    cp -r "$BUILD/solutions" "$PRIVATE/trainer"
    mkdir -p "$PRIVATE/grading"
    cp -r "$SOURCE/grading/nbgrader_config.py" "$SOURCE/grading/README.md" \
        "$SOURCE/grading/assignments" "$SOURCE/grading/rubrics" "$PRIVATE/grading/"
    chgrp -R "$INSTRUCTORS_GROUP" "$PRIVATE"
    chmod -R u=rwX,g=rX,o= "$PRIVATE"

    # 5. 设置文件
    say "写入设置 (configuration)"
    mkdir -p "$CONFIG_DIR" "$PREFIX/etc/jupyterhub" "$PREFIX/var/jupyterhub"
    chmod 700 "$PREFIX/var/jupyterhub"
    sed "s|^EXCHANGE = .*|EXCHANGE = \"$EXCHANGE\"  # install.sh --exchange|" \
        "$HERE/nbgrader_config.py" >"$CONFIG_DIR/nbgrader_config.py"
    sed -e "s|^LEARNERS_GROUP = .*|LEARNERS_GROUP = \"$GROUP\"  # install.sh --group|" \
        -e "s|^INSTRUCTORS_GROUP = .*|INSTRUCTORS_GROUP = \"$ADMIN_GROUP\"  # install.sh --admin-group|" \
        "$HERE/jupyterhub_config.py" >"$PREFIX/etc/jupyterhub/jupyterhub_config.py"
    sed -i "s|^INSTRUCTOR_BIN = .*|INSTRUCTOR_BIN = \"$INSTRUCTOR_BIN\"  # install.sh|" \
        "$PREFIX/etc/jupyterhub/jupyterhub_config.py"
    chmod 644 "$CONFIG_DIR/nbgrader_config.py" "$PREFIX/etc/jupyterhub/jupyterhub_config.py"

    # 评分命令：讲师运行的 custseg-grade 经 sudo 以评分账号的身份运行，学员的代码从不以讲师身份运行
    say "评分命令以评分账号 $GRADER 运行 (grading runs as $GRADER)"
    install -d -m 0755 "$LIBEXEC" "$INSTRUCTOR_BIN"
    cat >"$AS_GRADER" <<EOF
#!/bin/sh
# 以评分账号 $GRADER 运行 custseg-grade，课程评分文件夹 $GRADING_DIR（由 install.sh 写入）。
# 新文件只有讲师组 $INSTRUCTORS_GROUP 能读 (umask 027)。讲师：sudo -u $GRADER $AS_GRADER autograde 作业编号
[ "\$(id -un)" = "$GRADER" ] || {
    echo "错误 (error)：评分命令只能以评分账号 $GRADER 运行：sudo -u $GRADER \$0 \$*" >&2
    exit 2
}
umask 027
export HOME="$GRADER_HOME" USER="$GRADER" LOGNAME="$GRADER" LANG=C.UTF-8
export PATH="$PREFIX/bin:/usr/bin:/bin" JUPYTER_CONFIG_PATH="$CONFIG_DIR"
[ -r . ] && [ -x . ] || cd "$GRADING_DIR" # 评分账号进不去讲师的主目录
"$PREFIX/bin/custseg-grade" --course "$GRADING_DIR" "\$@"
status=\$?
# 评分文件夹里的一切讲师组只能读，其他人不能（有的文件在别处写好再移进来，nbgrader 收取提交时
# 沿用学员文件夹的权限 0775、文件的 0644）
chgrp -R "$INSTRUCTORS_GROUP" "$GRADING_DIR" 2>/dev/null
chmod -R g+rX,g-w,o= "$GRADING_DIR" 2>/dev/null
# Formgrader 以讲师身份保存人工评分：成绩库（恢复备份后也是）和它所在的文件夹讲师组可写
chmod g+w "$GRADING_DIR" "$GRADING_DIR/gradebook.db" 2>/dev/null
exit \$status
EOF
    cat >"$INSTRUCTOR_BIN/custseg-grade" <<EOF
#!/bin/sh
# 讲师的 custseg-grade：交给评分账号 $GRADER 运行（由 install.sh 写入）
command -v sudo >/dev/null || {
    echo "错误 (error)：需要 sudo：sudo apt-get install sudo，然后重新运行 install.sh" >&2
    exit 2
}
exec sudo -n -u "$GRADER" -- "$AS_GRADER" "\$@"
EOF
    chmod 0755 "$AS_GRADER" "$INSTRUCTOR_BIN/custseg-grade"
    if [ -d /etc/sudoers.d ] && command -v visudo >/dev/null; then
        RULE="$(mktemp)"
        cat >"$RULE" <<EOF
# custseg：讲师组 $INSTRUCTORS_GROUP 的成员以评分账号 $GRADER 运行评分命令（由 install.sh 写入）
%$INSTRUCTORS_GROUP ALL=($GRADER) NOPASSWD: $AS_GRADER
EOF
        visudo -cqf "$RULE" || die "sudo 规则有误 (invalid sudoers rule): $(cat "$RULE")"
        install -m 0440 "$RULE" "$SUDOERS_RULE"
        rm -f "$RULE"
    else
        echo "注意 (note)：没有 sudo，讲师不能自己运行评分命令，请 root 运行：" \
            "runuser -u $GRADER -- $AS_GRADER autograde 作业编号（装好 sudo 后重新运行本脚本即可）" >&2
    fi
fi

# 6. 交换文件夹：人人可写 + 粘滞位 (1777)，nbgrader 的要求
mkdir -p "$EXCHANGE"
chmod 1777 "$EXCHANGE"

# 7. 账号
if [ -n "$INSTRUCTOR" ] || [ -n "$ROSTER" ]; then
    say "建立账号 (accounts)"
    ACCOUNT_ARGS=(--share "$SHARE" --exchange "$EXCHANGE" --group "$GROUP"
        --admin-group "$ADMIN_GROUP" --home-base "$HOME_BASE" --out "$ACCOUNTS_OUT"
        --instructors-group "$INSTRUCTORS_GROUP" --grader "$GRADER" --grader-home "$GRADER_HOME"
        --grading-dir "$GRADING_DIR" --as-grader "$AS_GRADER" --private-share "$PRIVATE")
    [ -z "$INSTRUCTOR" ] || ACCOUNT_ARGS+=(--instructor "$INSTRUCTOR")
    [ -z "$ROSTER" ] || ACCOUNT_ARGS+=(--roster "$ROSTER")
    "$PREFIX/bin/python" "$HERE/accounts.py" "${ACCOUNT_ARGS[@]}"
fi

# 8. 交换文件夹中的课程文件夹属于评分账号（发布、收取、反馈都以它的身份运行），权限与 nbgrader
#    自己建立时相同：发布区只读 (0755)，提交区只能放入、不能列出 (2733)，反馈区不能列出 (0711)。
if [ -n "$INSTRUCTOR" ]; then
    OWNER=(-o "$GRADER" -g "$(id -gn "$GRADER")")
    install -d "${OWNER[@]}" -m 0755 "$EXCHANGE/custseg" "$EXCHANGE/custseg/outbound"
    install -d "${OWNER[@]}" -m 2733 "$EXCHANGE/custseg/inbound"
    install -d "${OWNER[@]}" -m 0711 "$EXCHANGE/custseg/feedback"
fi

# 9. systemd 服务
START="$PREFIX/bin/jupyterhub -f $PREFIX/etc/jupyterhub/jupyterhub_config.py"
if [ "$ACCOUNTS_ONLY" = no ] && [ "$SERVICE" = yes ] && [ -d /run/systemd/system ]; then
    cat >/etc/systemd/system/custseg-hub.service <<EOF
[Unit]
Description=custseg workshop JupyterHub
After=network-online.target

[Service]
User=root
Environment=PATH=$PREFIX/bin:/usr/local/bin:/usr/bin:/bin
WorkingDirectory=$PREFIX/var/jupyterhub
ExecStart=$START
Restart=on-failure

[Install]
WantedBy=multi-user.target
EOF
    systemctl daemon-reload
    systemctl enable custseg-hub >/dev/null 2>&1
    say "完成 (done)。启动：systemctl start custseg-hub；修改设置后：systemctl restart custseg-hub"
elif [ "$ACCOUNTS_ONLY" = no ]; then
    say "完成 (done)。启动 (start the hub)：$START"
else
    say "完成 (done)。新账号现在就能登录，不需要重启。"
fi
