#!/usr/bin/env bash
# Backs up the hub's data folder while the hub runs, into one archive, keeping the newest N.
#
# Why a plain copy is consistent here:
# - journal/*.jsonl are append-only and every acknowledged line was fdatasync'd before its ack,
#   so a copy holds every line acknowledged before the copy started; a line being written at that
#   moment may arrive torn, and is cut off here (it was never acknowledged; the hub would cut it too).
# - config.json and the other small lowdb files are replaced whole by rename; a copy opens the old
#   or the new file and reads it to the end, never half of each. Their temp files (.NAME.tmp) are skipped.
# - Journals are copied first, settings after: the settings are never older than the tickets
#   that refer to them (a category used by a ticket is in the copied config).
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<EOF
用法 / usage: backup.sh [--data DIR] [--dest DIR] [--keep N]
  --data DIR  hub 数据目录 / the hub's data folder (default: YICHUANG_DATA in $YC_HUB_SETTINGS, or $YC_DEFAULT_DATA_DIR)
  --dest DIR  备份存放目录 / where archives go (default: YICHUANG_BACKUP_DIR there, or $YC_DEFAULT_BACKUP_DIR)
  --keep N    保留最近 N 份 / keep the newest N archives (default: YICHUANG_BACKUP_KEEP there, or 14)
Prints the archive's path on its last line.
EOF
}

load_hub_settings
data=$HUB_DATA dest=$HUB_BACKUP_DIR keep=$HUB_BACKUP_KEEP
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=${2:?--data DIR}; shift 2 ;;
    --dest) dest=${2:?--dest DIR}; shift 2 ;;
    --keep) keep=${2:?--keep N}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "未知的选项 / unknown option: $1" ;;
  esac
done
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || die "--keep 应为正整数 / --keep must be a positive number (got '$keep')"
[ -f "$data/config.json" ] || die "$data 不是 hub 数据目录（没有 config.json） / $data is not a hub data folder (no config.json)"
data=$(cd "$data" && pwd)
# Archives hold personal data (masked, but still): readable by their owner only.
umask 077
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
case "$dest/" in "$data"/*) die "备份目录不能在数据目录里面 / the backup folder must not be inside the data folder" ;; esac

# One backup at a time: a timer run and a manual run must not rotate each other's archives away.
exec 9>"$dest/.backup.lock"
flock -n 9 || die "另一个备份正在进行 / another backup is running"

name="yichuang-backup-$(date +%Y%m%d-%H%M%S-%3N)"
stage="$dest/.$name.partial"
rm -rf "$stage"
mkdir -p "$stage/data"
trap 'rm -rf "$stage" "$dest/.$name.tar.gz"' EXIT

# copy_file RELATIVE_PATH: one file into the stage; a file that vanished meanwhile is skipped.
copy_file() {
  local rel=$1
  mkdir -p "$stage/data/$(dirname "$rel")"
  if ! cp -p -- "$data/$rel" "$stage/data/$rel" 2>/dev/null; then
    [ -e "$data/$rel" ] || return 0
    die "无法读取 / cannot read $data/$rel"
  fi
}

# cut_torn_tail FILE: drops a last line without its newline (a write in progress during the copy).
cut_torn_tail() {
  local file=$1
  [ -s "$file" ] || return 0
  [ "$(tail -c 1 "$file" | od -An -tx1 | tr -d ' \n')" != 0a ] || return 0
  truncate -s $(($(stat -c %s "$file") - $(tail -n 1 "$file" | wc -c))) "$file"
  say "已去掉写入中的半行 / cut a line being written: ${file#"$stage/data/"}"
}

journals=0 others=0
while IFS= read -r -d '' rel; do
  copy_file "$rel"
  cut_torn_tail "$stage/data/$rel"
  journals=$((journals + 1))
done < <(cd "$data" && find journal -type f -name '*.jsonl' -print0 2>/dev/null | sort -z)
while IFS= read -r -d '' rel; do
  copy_file "$rel"
  others=$((others + 1))
done < <(cd "$data" && find . -type f ! -path './journal/*.jsonl' ! -name '.*.tmp' -printf '%P\0' | sort -z)
[ -f "$stage/data/config.json" ] || die "备份中缺少 config.json / config.json missing from the copy"

(cd "$stage" && find data -type f -print0 | sort -z | xargs -0 -r sha256sum) >"$stage/MANIFEST.sha256"
{
  echo "yichuang backup"
  echo "created: $(date --iso-8601=seconds)"
  echo "host: $(hostname)"
  echo "source: $data"
  echo "journal files: $journals, other files: $others"
} >"$stage/BACKUP-INFO.txt"

tar -C "$stage" -czf "$dest/.$name.tar.gz" .
mv "$dest/.$name.tar.gz" "$dest/$name.tar.gz"
rm -rf "$stage"
trap - EXIT

# Rotation: names sort by time; the newest $keep stay.
find "$dest" -maxdepth 1 -type f -name 'yichuang-backup-*.tar.gz' -printf '%f\n' | sort | head -n "-$keep" |
  while IFS= read -r old; do
    rm -f -- "${dest:?}/$old"
    say "已删除旧备份 / removed old backup: $old"
  done

say "备份完成 / backup done: $journals 个日志文件 / journal files, $others 个其他文件 / other files"
echo "$dest/$name.tar.gz"
