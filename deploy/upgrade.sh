#!/usr/bin/env bash
# Upgrades the hub to the release this script comes with: builds the new app while the hub still
# runs, then stops the hub, backs up the data folder, puts the new app in place (the old one stays
# in APP_DIR.prev), starts the hub and waits for it. The hub migrates config.json forward itself
# at start and keeps the old file in DATA/backups/.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib/common.sh
. "$here/lib/common.sh"

usage() {
  cat <<EOF
用法 / usage: sudo deploy/upgrade.sh [--dry-run] [--app-dir DIR] [--node PATH] [--prebuilt] [--no-packages]
  在新版本解压目录中运行 / run it from the unpacked new release. Options as in install-hub.sh.
EOF
}

pass=() app=$YC_DEFAULT_APP_DIR node="" prebuilt=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) YC_DRY_RUN=1; pass+=("$1"); shift ;;
    --app-dir) app=${2:?--app-dir DIR}; pass+=("$1" "$2"); shift 2 ;;
    --node) node=${2:?--node PATH}; pass+=("$1" "$2"); shift 2 ;;
    --prebuilt) prebuilt=1; shift ;;
    --no-packages) pass+=("$1"); shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "未知的选项 / unknown option: $1" ;;
  esac
done
require_root
if [ -z "$node" ]; then node=$(command -v node || true); fi
[ -n "$node" ] || die "找不到 Node.js。$(node_help)"
# Check before the hub is stopped: a hall must not lose its queue to a missing Node.
require_node "$node"

load_hub_settings
port=$HUB_PORT data=$HUB_DATA
[ -f "$data/config.json" ] || [ "$YC_DRY_RUN" = 1 ] || die "$data 中没有 config.json：请先用 install-hub.sh 安装 / no hub data in $data: install with install-hub.sh first"

build_app "$(cd "$here/.." && pwd)" "$app" "$node" "$prebuilt"
say "新版本已构建，hub 将停止约半分钟 / the new version is built; the hub now stops for about half a minute"
run systemctl stop yichuang-hub.service
# The backup runs with the hub stopped, so it is exactly what the old version left.
backup="<备份文件 / backup archive>"
if [ "$YC_DRY_RUN" = 1 ]; then
  run "$here/backup.sh" --data "$data"
elif ! backup=$("$here/backup.sh" --data "$data" | tail -n 1); then
  run systemctl start yichuang-hub.service
  die "备份失败，没有升级，原版本已重新启动 / the backup failed: nothing was upgraded and the old hub is running again"
fi
say "升级前的备份 / backup before the upgrade: $backup"

back_out() {
  # Failed before the swap: the old app is still in place and can simply run again.
  if [ -d "$app.new" ]; then
    run systemctl start yichuang-hub.service
    die "新版本未能安装，原版本已重新启动 / the new version was not installed; the old hub is running again"
  fi
  cat >&2 <<EOF
[一窗] 升级失败。回退到旧版本 / the upgrade failed. To go back to the old version:
  systemctl stop yichuang-hub
  rm -rf $app && mv $app.prev $app
  $here/restore.sh $backup --data $data --force
  systemctl start yichuang-hub
EOF
  exit 1
}
"$here/install-hub.sh" "${pass[@]}" --staged --no-start || back_out
run systemctl start yichuang-hub.service || back_out
run "$node" "$app/deploy/lib/wait-health.mjs" "http://127.0.0.1:$port" 60 || back_out
say "升级完成 / upgrade done. 旧程序保留在 / the old app is kept in $app.prev"
