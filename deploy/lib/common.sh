# Shared by the deploy scripts (sourced, not run): messages, dry-run, checks, packages, app install.
# Every message is Chinese first, English second. Every command that changes the machine goes
# through `run` (or `write_file`), so `--dry-run` prints exactly what would be done.
# shellcheck shell=bash disable=SC2034 # the constants are for the scripts that source this file

YC_MIN_NODE="20.19"
YC_DEFAULT_APP_DIR="/opt/yichuang"
YC_DEFAULT_DATA_DIR="/var/lib/yichuang"
YC_DEFAULT_BACKUP_DIR="/var/backups/yichuang"
YC_SERVICE_USER="yichuang"
YC_HUB_SETTINGS="/etc/default/yichuang-hub"
YC_DRY_RUN=0

say() { printf '[一窗] %s\n' "$*"; }
warn() { printf '[一窗] 注意 / warning: %s\n' "$*" >&2; }
die() {
  printf '[一窗] 错误 / error: %s\n' "$*" >&2
  exit 1
}

# A command line as the shell would read it back, so a dry-run line can be pasted as is.
# Plain words stay bare; anything else is single-quoted.
quote_cmd() {
  local out="" arg
  for arg in "$@"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then
      out+="$arg "
    else
      out+="'${arg//\'/\'\\\'\'}' "
    fi
  done
  printf '%s' "${out% }"
}

# Runs a command, or only prints it under --dry-run. Real runs print it too, like `set -x`.
run() {
  printf '+ %s\n' "$(quote_cmd "$@")"
  if [ "$YC_DRY_RUN" = 1 ]; then return 0; fi
  "$@"
}

# write_file PATH MODE < content: writes through a temp file and rename, so a reader never sees half.
write_file() {
  local path=$1 mode=$2 content
  content=$(cat)
  if [ "$YC_DRY_RUN" = 1 ]; then
    printf '+ write %s (mode %s):\n%s\n' "$path" "$mode" "$(printf '%s\n' "$content" | sed 's/^/    /')"
    return 0
  fi
  printf '+ write %s (mode %s)\n' "$path" "$mode"
  mkdir -p "$(dirname "$path")"
  # Private until chmod: some of these files hold device tokens.
  (umask 077 && printf '%s\n' "$content" >"$path.tmp.$$")
  chmod "$mode" "$path.tmp.$$"
  mv -f "$path.tmp.$$" "$path"
}

require_root() {
  [ "$YC_DRY_RUN" = 1 ] && return 0
  [ "$(id -u)" = 0 ] || die "请用 root 运行（sudo $0 …），或先加 --dry-run 查看将执行的命令。 / run as root (sudo), or add --dry-run to see what would be done."
}

require_debian() {
  if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
    die "本脚本用于 Debian 系系统（Debian、Ubuntu、统信 UOS、麒麟 Kylin）。 / this script is for Debian-family systems (Debian, Ubuntu, UOS, Kylin)."
  fi
  local name="unknown"
  # shellcheck disable=SC1091 # the system's own file
  [ -r /etc/os-release ] && name=$(. /etc/os-release && printf '%s' "${PRETTY_NAME:-$ID}")
  say "系统 / system: $name"
}

# require_node NODE_BINARY: the hub and the print agent need Node.js >= $YC_MIN_NODE.
require_node() {
  local node=$1 version
  if ! version=$("$node" -p 'process.versions.node' 2>/dev/null); then
    die "找不到 Node.js（$node）。$(node_help)"
  fi
  if ! version_at_least "$version" "$YC_MIN_NODE"; then
    die "Node.js $version 太旧，需要 ≥ $YC_MIN_NODE。 / Node.js $version is too old; need >= $YC_MIN_NODE. $(node_help)"
  fi
  say "Node.js $version ($node)"
}

node_help() {
  printf '%s' "请安装 Node.js 20.19 或更新的 LTS 版本：Debian 13 / Ubuntu 25.04 起可用 apt-get install nodejs npm；" \
    "较旧的系统请从 Node.js 官网下载 linux-x64 或 linux-arm64 二进制包解压到 /usr/local（离线大厅可用 U 盘拷入）；" \
    "龙芯 LoongArch 等平台请使用系统厂商提供的 Node.js。然后重新运行本脚本，或用 --node 指定 node 的路径。" \
    " / Install Node.js >= 20.19 (apt on Debian 13+, else the official linux-x64/arm64 binaries unpacked into /usr/local," \
    " or your vendor's build on LoongArch), then run this script again or pass --node PATH."
}

# version_at_least 20.20.2 20.19: compares major.minor numerically.
version_at_least() {
  local have_major have_minor want_major want_minor
  IFS=. read -r have_major have_minor _ <<<"$1"
  IFS=. read -r want_major want_minor _ <<<"$2"
  [ "${have_major:-0}" -gt "$want_major" ] || { [ "${have_major:-0}" -eq "$want_major" ] && [ "${have_minor:-0}" -ge "$want_minor" ]; }
}

package_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# The name Chromium has on this system: `chromium` on Debian, UOS and Kylin; `chromium-browser` on Ubuntu.
chromium_package() {
  if apt-cache show chromium >/dev/null 2>&1; then echo chromium; else echo chromium-browser; fi
}

# apt_install PACKAGE...: installs the ones missing, quietly, without recommends.
apt_install() {
  local missing=() pkg
  for pkg in "$@"; do package_installed "$pkg" || missing+=("$pkg"); done
  say "系统软件包 / Debian packages: $* (缺 / missing: ${missing[*]:-无 none})"
  [ "${#missing[@]}" != 0 ] || return 0
  run env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_service_user() {
  if id -u "$YC_SERVICE_USER" >/dev/null 2>&1; then
    say "服务用户已存在 / service user exists: $YC_SERVICE_USER"
  else
    run useradd --system --user-group --home-dir "$YC_DEFAULT_DATA_DIR" --no-create-home \
      --shell /usr/sbin/nologin --comment "Yichuang hub" "$YC_SERVICE_USER"
  fi
  # Serial printers on this machine (one-PC halls, print agents) belong to group dialout.
  run usermod -a -G dialout "$YC_SERVICE_USER"
}

# build_app SOURCE APP_DIR NODE PREBUILT: builds the app in APP_DIR.new, beside the running one.
# The hub serves the built screens, and building needs the dev tools (TypeScript, Vite, Svelte):
# so `npm ci` installs everything, `npm run build` builds, and `npm prune --omit=dev` drops the
# build tools again. PREBUILT=1 takes node_modules and dist folders already
# built in SOURCE (a hall without internet copies a tree built elsewhere on the same CPU type).
build_app() {
  local src=$1 app=$2 node=$3 prebuilt=$4 npm
  local new="$app.new" excludes=(--exclude=./.git --exclude=./data --exclude=./.tmp)
  npm="$(dirname "$node")/npm"
  [ -x "$npm" ] || npm=npm
  if [ "$prebuilt" = 1 ]; then
    if [ ! -f "$src/hub/dist/main.js" ] || [ ! -d "$src/node_modules" ]; then
      die "--prebuilt 需要已构建的目录（先在联网机器上 npm ci && npm run build）。 / --prebuilt needs a built tree (npm ci && npm run build first)."
    fi
  else
    excludes+=(--exclude=node_modules --exclude=dist --exclude='*.tsbuildinfo')
  fi
  run rm -rf "$new"
  run mkdir -p "$new"
  run tar -C "$src" "${excludes[@]}" -cf "$new.tar" .
  run tar -C "$new" -xf "$new.tar"
  run rm -f "$new.tar"
  if [ "$prebuilt" != 1 ]; then
    run env -C "$new" YICHUANG_SKIP_SYSTEM_DEPS=1 "$npm" ci --no-audit --no-fund
    run env -C "$new" "$npm" run build
  fi
  run env -C "$new" YICHUANG_SKIP_SYSTEM_DEPS=1 "$npm" prune --omit=dev --no-audit --no-fund
  run chown -R root:root "$new"
  run chmod -R u=rwX,go=rX "$new"
}

# swap_app APP_DIR: puts APP_DIR.new in place; the previous version stays in APP_DIR.prev for a rollback.
swap_app() {
  local app=$1
  if [ -d "$app" ]; then
    run rm -rf "$app.prev"
    run mv "$app" "$app.prev"
  fi
  run mv "$app.new" "$app"
}

# load_hub_settings: sets HUB_PORT, HUB_DATA, HUB_BACKUP_DIR and HUB_BACKUP_KEEP as the installed hub
# and its backups use them: /etc/default/yichuang-hub, else the environment, else the defaults.
load_hub_settings() {
  local values
  values=$(
    # shellcheck disable=SC1090 # the hall's own settings
    if [ -r "$YC_HUB_SETTINGS" ]; then . "$YC_HUB_SETTINGS"; fi
    printf '%s\n' "${PORT:-8080}" "${YICHUANG_DATA:-$YC_DEFAULT_DATA_DIR}" "${YICHUANG_BACKUP_DIR:-$YC_DEFAULT_BACKUP_DIR}" "${YICHUANG_BACKUP_KEEP:-14}"
  )
  { read -r HUB_PORT && read -r HUB_DATA && read -r HUB_BACKUP_DIR && read -r HUB_BACKUP_KEEP; } <<<"$values"
}

# lan_address: the address other devices in the hall use to reach this machine.
lan_address() {
  local ip
  ip=$(hostname -I 2>/dev/null | awk '{print $1}')
  printf '%s' "${ip:-localhost}"
}
