"""全机 nbgrader 设置 (system-wide nbgrader settings) for a custseg workshop on JupyterHub.

install.sh 把本文件装到 ``/etc/jupyter/nbgrader_config.py``（``--jupyter-config-dir`` 可改），
并把下面的 ``EXCHANGE`` 改成实际的交换文件夹。服务器上的每个账号（学员和讲师）运行
nbgrader 时都会读到它，因此学员在 JupyterLab 的“作业 (Assignments)”面板里能看到讲师发布的作业。

讲师的课程文件夹 ``~/custseg/nbgrader_config.py`` 是仓库 ``grading/nbgrader_config.py``
的副本，install.sh 在它末尾加了同一个 ``Exchange.root``（课程文件夹里的设置最后读取、优先级最高）。

交换文件夹 (exchange) 的权限，照 nbgrader 的要求：

- ``EXCHANGE`` 本身 ``1777``：人人可写（nbgrader 要求），加粘滞位 (sticky bit)，谁也不能改名或删除
  别人的文件夹（例如把讲师的 ``custseg/`` 换成自己的）；
- ``custseg/`` 和 ``custseg/outbound/`` 属于讲师，``0755``：学员只能读取发布的作业；
- ``custseg/inbound/`` 属于讲师，``2733``：学员能放入提交、不能列出目录，看不到别人提交的文件名；
  每份提交的文件夹名是 ``<账号>+<作业>+<时间>+<随机串>``，无法猜到；
- ``custseg/feedback/`` 属于讲师，``0711``：反馈文件名是提交内容的哈希值，只有提交人算得出。
"""

c = get_config()  # noqa: F821  (provided by nbgrader when it reads this file)

EXCHANGE = "/srv/nbgrader/exchange"  # install.sh 按 --exchange 写入

c.Exchange.root = EXCHANGE
c.CourseDirectory.course_id = "custseg"  # 与 grading/nbgrader_config.py 相同
c.Exchange.timezone = "Asia/Shanghai"

# 只有一门课：作业取到学员的主目录下 ~/<作业编号>/，路径里不带课程名。
c.Exchange.path_includes_course = False
# 一位讲师独自管理课程文件夹，不需要组共享（groupshared 给多位讲师共用一个课程文件夹时用）。
c.CourseDirectory.groupshared = False
