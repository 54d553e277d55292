#!/usr/bin/env bash
# Restores a backup made by backup.sh into a data folder: checks every file against the archive's
# checksums first, and never deletes anything (a non-empty target folder is moved aside).
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<EOF
用法 / usage: restore.sh ARCHIVE [--data DIR] [--owner USER] [--force]
  ARCHIVE       backup.sh 生成的 yichuang-backup-*.tar.gz / an archive made by backup.sh
  --data DIR    恢复到此数据目录 / data folder to restore into (default: the installed hub's, $YC_DEFAULT_DATA_DIR)
  --owner USER  恢复后文件属于此用户 / give the files to this user
                (default $YC_SERVICE_USER when that user exists and this runs as root)
  --force       目标目录非空时，先把它改名保存为 DIR.before-restore-时间 / move a non-empty target aside first
先停止 hub：systemctl stop yichuang-hub / stop the hub first.
EOF
}

load_hub_settings
archive="" data=$HUB_DATA owner="" force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=${2:?--data DIR}; shift 2 ;;
    --owner) owner=${2:?--owner USER}; shift 2 ;;
    --force) force=1; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) usage >&2; die "未知的选项 / unknown option: $1" ;;
    *) [ -z "$archive" ] || die "只能给一个备份文件 / give one archive"; archive=$1; shift ;;
  esac
done
[ -n "$archive" ] || { usage >&2; die "请给出备份文件 / which archive?"; }
[ -f "$archive" ] || die "找不到备份文件 / no such archive: $archive"
if [ -z "$owner" ] && [ "$(id -u)" = 0 ] && id -u "$YC_SERVICE_USER" >/dev/null 2>&1; then owner=$YC_SERVICE_USER; fi
[ -z "$owner" ] || id -u "$owner" >/dev/null 2>&1 || die "没有此用户 / no such user: $owner"
data=${data%/}

occupied=0
if [ -d "$data" ] && [ -n "$(ls -A "$data")" ]; then occupied=1; fi
if [ "$occupied" = 1 ]; then
  [ "$force" = 1 ] || die "$data 不是空目录；加 --force 会先把它改名保存 / $data is not empty; --force moves it aside first"
  # A running hub would keep writing into the folder being moved away.
  if command -v systemctl >/dev/null && systemctl is-active --quiet yichuang-hub 2>/dev/null; then
    die "hub 正在运行，请先执行 systemctl stop yichuang-hub / the hub is running; stop it first"
  fi
fi

parent=$(dirname "$data")
mkdir -p "$parent"
work=$(mktemp -d "$parent/.yichuang-restore.XXXXXX")
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$archive"
if [ ! -f "$work/MANIFEST.sha256" ] || [ ! -f "$work/data/config.json" ]; then
  die "这不是一窗的备份文件 / not a Yichuang backup: $archive"
fi
(cd "$work" && sha256sum --quiet --strict -c MANIFEST.sha256) ||
  die "备份文件已损坏（校验和不符），未做任何改动 / the archive is damaged (checksums differ); nothing changed"
say "校验通过 / checksums match: $(grep -c . "$work/MANIFEST.sha256") 个文件 / files"
sed 's/^/    /' "$work/BACKUP-INFO.txt"

if [ "$occupied" = 1 ]; then
  aside="$data.before-restore-$(date +%Y%m%d-%H%M%S)"
  mv "$data" "$aside"
  say "原数据已改名保存 / the previous data is kept in: $aside"
elif [ -d "$data" ]; then
  rmdir "$data"
fi
mv "$work/data" "$data"
# The hub's user must reach every folder; nobody else reads the hall's data.
chmod -R u=rwX,g=rX,o= "$data"
if [ -n "$owner" ]; then chown -R "$owner:" "$data"; fi
say "已恢复到 / restored into: $data"
say "启动 hub：systemctl start yichuang-hub / start the hub: systemctl start yichuang-hub"
