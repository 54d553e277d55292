#!/usr/bin/env bash
# Starts one hall screen (kiosk, board, window-top display, rating pad, window caller) in Chromium
# kiosk mode and keeps it running: when the browser exits or crashes it starts again. The browser
# first opens a local page (fallback.html) that waits until the hub answers, then goes to the
# screen, so a screen whose hub is down shows a clear notice instead of a browser error page.
set -euo pipefail

usage() {
  cat <<'EOF'
用法 / usage: launch-screen.sh ROLE --hub URL --token TOKEN [options] [-- extra browser flags]
  ROLE            kiosk（取号机）| board（大厅叫号屏）| display（窗口屏）| pad（评价器）| window（窗口叫号终端）
  --hub URL       hub 地址 / hub address, e.g. http://192.168.1.10:8080
  --token TOKEN   设备令牌 / device token (pairing codes come with issue 7)
  --browser PATH  浏览器 / browser (default: chromium, chromium-browser, google-chrome; env YICHUANG_BROWSER)
  --profile DIR   浏览器资料目录 / browser profile (default ~/.local/share/yichuang/ROLE)
  --position X,Y  窗口位置，用于第二块屏幕 / window position, for a second monitor
  --once          浏览器退出后不再重启 / do not restart the browser when it exits
  --dry-run       只打印将要执行的命令 / print the command instead of running it
EOF
}

# shellcheck source=SCRIPTDIR/../lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
log() { printf '[一窗] %s %s\n' "$(date '+%F %T')" "$*" >&2; }

role=${1:-}
case "$role" in
  -h | --help) usage; exit 0 ;;
  kiosk | board | display | pad | window) shift ;;
  *) usage >&2; die "未知的屏幕类型 / unknown role: '$role'" ;;
esac

hub="" token="" browser=${YICHUANG_BROWSER:-} profile="" position="" once=0 dry_run=0 extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --hub) hub=${2:?--hub URL}; shift 2 ;;
    --token) token=${2:?--token TOKEN}; shift 2 ;;
    --browser) browser=${2:?--browser PATH}; shift 2 ;;
    --profile) profile=${2:?--profile DIR}; shift 2 ;;
    --position) position=${2:?--position X,Y}; shift 2 ;;
    --once) once=1; shift ;;
    --dry-run) dry_run=1; shift ;;
    --) shift; extra=("$@"); break ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "未知的选项 / unknown option: $1" ;;
  esac
done

hub_pattern='^https?://[][A-Za-z0-9.:-]+/?$' # host or [IPv6], optional port
[[ "$hub" =~ $hub_pattern ]] || die "hub 地址应形如 http://192.168.1.10:8080 / --hub must look like http://192.168.1.10:8080 (got '$hub')"
hub=${hub%/}
# Tokens go into a URL unescaped, so only URL-safe characters are accepted.
[[ "$token" =~ ^[A-Za-z0-9._~-]+$ ]] || die "设备令牌缺失或含非法字符 / --token is missing or has characters other than A-Z a-z 0-9 . _ ~ -"
[ -z "$position" ] || [[ "$position" =~ ^-?[0-9]+,-?[0-9]+$ ]] || die "--position 应形如 1920,0 / --position must look like 1920,0"

# Where each role's page is on the hub (hub/src/http/screens.ts).
case "$role" in
  kiosk) page=/kiosk/ ;;
  board) page=/kiosk/board.html ;;
  display) page=/kiosk/display.html ;;
  pad) page=/window/pad.html ;;
  window) page=/window/ ;;
esac
target="$hub$page?token=$token"
fallback="file://$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/fallback.html#$target"

if [ -z "$browser" ]; then
  for candidate in chromium chromium-browser google-chrome-stable google-chrome microsoft-edge-stable; do
    if command -v "$candidate" >/dev/null; then browser=$candidate; break; fi
  done
  [ -n "$browser" ] || die "找不到 Chromium：请安装 chromium（sudo apt-get install chromium）或用 --browser 指定。 / Chromium not found: install it or pass --browser."
fi
profile=${profile:-${XDG_DATA_HOME:-$HOME/.local/share}/yichuang/$role}

# shellcheck disable=SC2054 # the commas belong to Chromium's feature list
flags=(
  --user-data-dir="$profile"
  --no-first-run
  --no-default-browser-check
  # Calls are voiced without anyone touching the screen; Linux voices come from speech-dispatcher.
  --autoplay-policy=no-user-gesture-required
  --enable-speech-dispatcher
  # No error, crash-restore, translate or password pop-ups over a public screen.
  --noerrdialogs
  --disable-infobars
  --hide-crash-restore-bubble
  --disable-session-crashed-bubble
  --password-store=basic
  --disable-features=Translate,TranslateUI,OverscrollHistoryNavigation,TouchpadOverscrollHistoryNavigation
  # Citizens must not zoom, swipe back, or reach anything but the screen.
  --disable-pinch
  --overscroll-history-navigation=0
  --disable-background-networking
  --disable-component-update
  --disable-sync
  --check-for-update-interval=31536000
)
case "$role" in
  # Staff use other programs beside the caller: an app window, not a locked full screen.
  window) flags+=(--app="$fallback") ;;
  kiosk | pad) flags+=(--kiosk --touch-events=enabled "$fallback") ;;
  *) flags+=(--kiosk "$fallback") ;;
esac
[ -z "$position" ] || flags=(--window-position="$position" "${flags[@]}")
cmd=("$browser" "${flags[@]}" "${extra[@]}")

if [ "$dry_run" = 1 ]; then
  quote_cmd "${cmd[@]}"
  echo
  exit 0
fi

# Chromium refuses to run as root without --no-sandbox, which puts a warning bar on the screen.
[ "$(id -u)" != 0 ] || die "请用普通用户（自助机的自动登录用户）运行，不要用 root。 / run as the kiosk's login user, not root."

# After a crash Chromium offers to restore the last session; mark the last exit as clean instead.
mark_clean_exit() {
  local prefs="$profile/Default/Preferences"
  [ -f "$prefs" ] || return 0
  sed -i -e 's/"exited_cleanly":false/"exited_cleanly":true/' -e 's/"exit_type":"[A-Za-z]*"/"exit_type":"Normal"/' "$prefs" || true
}

child=""
stop() {
  [ -z "$child" ] || kill "$child" 2>/dev/null || true
  exit 0
}
trap stop TERM INT HUP

mkdir -p "$profile"
delay=1
while true; do
  mark_clean_exit
  started=$SECONDS
  log "启动 / starting $role: $target"
  "${cmd[@]}" &
  child=$!
  code=0
  wait "$child" || code=$?
  child=""
  [ "$once" = 0 ] || exit "$code"
  # Back off while the browser keeps failing at once; start quickly again after a long healthy run.
  if [ $((SECONDS - started)) -ge 60 ]; then delay=1; fi
  log "浏览器已退出（代码 $code），$delay 秒后重启 / browser exited (code $code), restarting in $delay s"
  sleep "$delay"
  delay=$((delay * 2 > 30 ? 30 : delay * 2))
done
