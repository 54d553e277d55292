#!/usr/bin/env bash
# Installs the hub on the hall's server (Debian, Ubuntu, UOS, Kylin): Debian packages, a service
# user, the app in /opt/yichuang (built, build tools removed), the data folder, a systemd unit that
# restarts the hub on failure, a backup timer; then starts the hub and prints the screen URLs.
# Run it again to repair or reconfigure; deploy/upgrade.sh runs it for an upgrade.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib/common.sh
. "$here/lib/common.sh"

usage() {
  cat <<EOF
用法 / usage: sudo deploy/install-hub.sh [options]
  --dry-run        只打印将执行的命令，不做任何改动 / print every command instead of running it
  --port N         hub 端口 / the hub's port (default 8080)
  --data DIR       数据目录 / data folder (default $YC_DEFAULT_DATA_DIR)
  --app-dir DIR    程序目录 / where the app goes (default $YC_DEFAULT_APP_DIR)
  --node PATH      node 程序 / the Node.js binary (default: node on PATH)
  --screens        本机也接屏幕（一体机、小型便民服务中心）：安装 Chromium / this PC also shows a screen: install Chromium
  --speech         本机接叫号屏并播报：安装 speech-dispatcher / this PC drives a speaking board: install speech-dispatcher
  --prebuilt       使用本目录中已构建的 node_modules 和 dist（离线安装） / use the node_modules and dist built here (offline)
  --no-packages    不安装系统软件包 / skip the Debian packages
  --no-start       安装后不启动 / install but do not start the hub
  --staged         使用 upgrade.sh 已构建好的 APP_DIR.new / use the app upgrade.sh built in APP_DIR.new
EOF
}

port="" data="" app=$YC_DEFAULT_APP_DIR node="" screens=0 speech=0 prebuilt=0 packages=1 start=1 staged=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) YC_DRY_RUN=1; shift ;;
    --port) port=${2:?--port N}; shift 2 ;;
    --data) data=${2:?--data DIR}; shift 2 ;;
    --app-dir) app=${2:?--app-dir DIR}; shift 2 ;;
    --node) node=${2:?--node PATH}; shift 2 ;;
    --screens) screens=1; shift ;;
    --speech) speech=1; shift ;;
    --prebuilt) prebuilt=1; shift ;;
    --no-packages) packages=0; shift ;;
    --no-start) start=0; shift ;;
    --staged) staged=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "未知的选项 / unknown option: $1" ;;
  esac
done
[ -z "$port" ] || [[ "$port" =~ ^[0-9]+$ && "$port" -ge 1 && "$port" -le 65535 ]] || die "端口无效 / invalid port: $port"
case "$app$data" in *[[:space:]]*) die "目录名不能含空格 / folder names must not contain spaces" ;; esac
if [[ "$app" != /* ]] || [[ -n "$data" && "$data" != /* ]]; then die "目录须为绝对路径 / folders must be absolute paths"; fi

src=$(cd "$here/.." && pwd)
[ "$src" != "$app" ] || die "请从解压的发布目录运行，而不是从 $app 运行 / run from the unpacked release, not from $app"
if [ -z "$node" ]; then node=$(command -v node || true); fi
[ -n "$node" ] || die "找不到 Node.js。$(node_help)"

[ "$YC_DRY_RUN" = 0 ] || say "演练模式：只打印命令 / dry run: printing commands only"
require_root
require_debian
require_node "$node"

# The port and data folder live in /etc/default/yichuang-hub; a reinstall keeps what is there
# unless --port or --data say otherwise.
defaults=$YC_HUB_SETTINGS
port_arg=$port data_arg=$data
load_hub_settings
port=${port:-$HUB_PORT}
data=${data:-$HUB_DATA}

if [ "$packages" = 1 ]; then
  # udev: the serial port library lists ports through udevadm. Fonts: Chinese on every screen.
  wanted=(udev fonts-noto-cjk)
  [ "$screens" = 0 ] || wanted+=("$(chromium_package)")
  [ "$speech" = 0 ] || wanted+=(speech-dispatcher speech-dispatcher-espeak-ng)
  apt_install "${wanted[@]}"
fi

ensure_service_user
if [ "$staged" = 0 ]; then
  build_app "$src" "$app" "$node" "$prebuilt"
elif [ ! -d "$app.new" ] && [ "$YC_DRY_RUN" = 0 ]; then
  die "--staged：没有 $app.new / --staged: $app.new is missing"
fi
swap_app "$app"
run install -d -o "$YC_SERVICE_USER" -g "$YC_SERVICE_USER" -m 750 "$data"

if [ ! -e "$defaults" ]; then
  write_file "$defaults" 644 <<EOF
# 一窗 hub 的设置，修改后执行 systemctl restart yichuang-hub / the hub's settings; restart after a change.
PORT=$port
# HOST=0.0.0.0
YICHUANG_DATA=$data
# 备份 / backups (deploy/backup.sh, yichuang-backup.timer)
YICHUANG_BACKUP_DIR=$YC_DEFAULT_BACKUP_DIR
YICHUANG_BACKUP_KEEP=14
EOF
else
  [ -z "$port_arg" ] || run sed -i "s|^PORT=.*|PORT=$port|" "$defaults"
  [ -z "$data_arg" ] || run sed -i "s|^YICHUANG_DATA=.*|YICHUANG_DATA=$data|" "$defaults"
fi

for unit in yichuang-hub.service yichuang-backup.service yichuang-backup.timer; do
  run install -m 644 "$app/deploy/systemd/$unit" "/etc/systemd/system/$unit"
done
# The units name /usr/bin/node and /opt/yichuang; anything else goes in a drop-in.
dropin=/etc/systemd/system/yichuang-hub.service.d/install.conf
if [ "$node" != /usr/bin/node ] || [ "$app" != "$YC_DEFAULT_APP_DIR" ]; then
  write_file "$dropin" 644 <<EOF
[Service]
WorkingDirectory=$app
ExecStart=
ExecStart=$node $app/hub/dist/main.js
EOF
  write_file /etc/systemd/system/yichuang-backup.service.d/install.conf 644 <<EOF
[Service]
ExecStart=
ExecStart=$app/deploy/backup.sh
EOF
elif [ -e "$dropin" ]; then
  run rm -f "$dropin" /etc/systemd/system/yichuang-backup.service.d/install.conf
fi

run systemctl daemon-reload
run systemctl enable yichuang-hub.service yichuang-backup.timer
base="http://$(lan_address):$port"
if [ "$start" = 1 ]; then
  run systemctl restart yichuang-hub.service
  run systemctl start yichuang-backup.timer
  run "$node" "$app/deploy/lib/wait-health.mjs" "http://127.0.0.1:$port" 30
fi

say "安装完成 / installed. 日志 / log: journalctl -u yichuang-hub -f"
# A dry run has installed nothing: the URLs come from this source tree, when it is built.
shown=$app
[ "$YC_DRY_RUN" = 0 ] || shown=$src
if [ -f "$shown/hub/dist/http/screens.js" ]; then
  "$node" "$shown/deploy/lib/screen-urls.mjs" "$shown" "$data/config.json" "$base"
else
  say "屏幕地址 / screen URLs: $base/ (构建后列出 / listed once built)"
fi
say "操作手册 / operator manual: $app/docs/manual/README.md"
