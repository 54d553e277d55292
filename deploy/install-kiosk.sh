#!/usr/bin/env bash
# Sets up a screen PC of the hall (take-a-number kiosk, call board, window-top display, rating pad,
# staff caller): Chromium and fonts, a locked-down Chromium policy, the screen launcher started
# when the PC's user logs in, and on a kiosk with its own ticket printer the print agent service
# and the udev rules that give the printer a stable name.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib/common.sh
. "$here/lib/common.sh"

usage() {
  cat <<EOF
用法 / usage: sudo deploy/install-kiosk.sh ROLE --hub URL --token TOKEN --user USER [options]
  ROLE                kiosk | board | display | pad | window（见 launchers/launch-screen.sh / see the launcher）
  --hub URL           hub 地址 / hub address, e.g. http://192.168.1.10:8080
  --token TOKEN       本屏幕的设备令牌 / this screen's device token
  --user USER         自动登录并显示屏幕的本机用户 / the local user who logs in and shows the screen
  --printer DEV       本机小票打印机，如 /dev/yichuang-printer-1：安装打印代理 / this kiosk's printer: install the print agent
  --agent-token T     打印代理的设备令牌；不给则用配对码配对 / the agent's device token; without it the agent pairs with a code
  --baud N            打印机波特率 / printer baud rate (default 9600)
  --speech            安装语音播报（叫号屏默认安装） / install speech-dispatcher (default for boards)
  --node PATH, --app-dir DIR, --prebuilt, --no-packages, --dry-run   同 install-hub.sh / as in install-hub.sh
EOF
}

role=${1:-}
case "$role" in
  kiosk | board | display | pad | window) shift ;;
  -h | --help) usage; exit 0 ;;
  *) usage >&2; die "未知的屏幕类型 / unknown role: '$role'" ;;
esac
hub="" token="" user="" printer="" agent_token="" agent_auth="" baud=9600 speech=0 node="" app=$YC_DEFAULT_APP_DIR prebuilt=0 packages=1
[ "$role" != board ] || speech=1
while [ $# -gt 0 ]; do
  case "$1" in
    --hub) hub=${2:?--hub URL}; shift 2 ;;
    --token) token=${2:?--token TOKEN}; shift 2 ;;
    --user) user=${2:?--user USER}; shift 2 ;;
    --printer) printer=${2:?--printer DEV}; shift 2 ;;
    --agent-token) agent_token=${2:?--agent-token T}; shift 2 ;;
    --baud) baud=${2:?--baud N}; shift 2 ;;
    --speech) speech=1; shift ;;
    --node) node=${2:?--node PATH}; shift 2 ;;
    --app-dir) app=${2:?--app-dir DIR}; shift 2 ;;
    --prebuilt) prebuilt=1; shift ;;
    --no-packages) packages=0; shift ;;
    --dry-run) YC_DRY_RUN=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "未知的选项 / unknown option: $1" ;;
  esac
done
[ -n "$user" ] || die "请用 --user 指定显示屏幕的用户 / --user is required"
home=$(getent passwd "$user" | cut -d: -f6) || die "没有此用户 / no such user: $user"
launch=("$app/deploy/launchers/launch-screen.sh" "$role" --hub "$hub" --token "$token")
# The launcher checks the hub address and token; a dry run of it catches a typo before anything changes.
"$here/launchers/launch-screen.sh" "$role" --hub "$hub" --token "$token" --browser chromium --dry-run >/dev/null
if [ -n "$printer" ]; then
  [[ "$printer" = /dev/* ]] || die "--printer 应为设备路径，如 /dev/yichuang-printer-1 / --printer must be a device path"
  [ -z "$agent_token" ] || [[ "$agent_token" =~ ^[A-Za-z0-9._~-]+$ ]] || die "--agent-token 无效 / invalid --agent-token"
  [[ "$baud" =~ ^[0-9]+$ ]] || die "波特率无效 / invalid baud rate: $baud"
fi
src=$(cd "$here/.." && pwd)

[ "$YC_DRY_RUN" = 0 ] || say "演练模式：只打印命令 / dry run: printing commands only"
require_root
require_debian

if [ "$packages" = 1 ]; then
  wanted=("$(chromium_package)" fonts-noto-cjk udev)
  [ "$speech" = 0 ] || wanted+=(speech-dispatcher speech-dispatcher-espeak-ng)
  apt_install "${wanted[@]}"
fi

for dir in /etc/chromium/policies/managed /etc/chromium-browser/policies/managed /etc/opt/chrome/policies/managed; do
  run install -D -m 644 "$src/deploy/chromium/yichuang-kiosk-policy.json" "$dir/yichuang-kiosk.json"
done

if [ -n "$printer" ]; then
  # The print agent is the hub's own code in agent mode: it needs Node and the built app.
  # Without a token it pairs: the code shows in its journal, a manager enters it on the console.
  if [ -n "$agent_token" ]; then agent_auth="--token $agent_token"; else agent_auth="--pair --token-file /var/lib/yichuang/agent-token"; fi
  if [ -z "$node" ]; then node=$(command -v node || true); fi
  [ -n "$node" ] || die "打印代理需要 Node.js。$(node_help)"
  require_node "$node"
  ensure_service_user
  build_app "$src" "$app" "$node" "$prebuilt"
  swap_app "$app"
  rules=/etc/udev/rules.d/99-yichuang-printers.rules
  # The hall's printer lines (deploy/udev/add-printer.sh) live in that file: never overwrite it.
  [ -e "$rules" ] || run install -m 644 "$app/deploy/udev/99-yichuang-printers.rules" "$rules"
  write_file /etc/default/yichuang-agent 640 <<EOF
# 一窗打印代理的设置，修改后执行 systemctl restart yichuang-agent / the print agent's settings.
YICHUANG_HUB=$hub
YICHUANG_PRINTER=$printer
YICHUANG_BAUD=$baud
YICHUANG_AGENT_AUTH="$agent_auth"
EOF
  run chgrp "$YC_SERVICE_USER" /etc/default/yichuang-agent
  run install -m 644 "$app/deploy/systemd/yichuang-agent.service" /etc/systemd/system/yichuang-agent.service
  if [ "$node" != /usr/bin/node ] || [ "$app" != "$YC_DEFAULT_APP_DIR" ]; then
    write_file /etc/systemd/system/yichuang-agent.service.d/install.conf 644 <<EOF
[Service]
WorkingDirectory=$app
ExecStart=
ExecStart=$node $app/hub/dist/agent/main.js --hub \${YICHUANG_HUB} --printer \${YICHUANG_PRINTER} --baud \${YICHUANG_BAUD} --data /var/lib/yichuang \$YICHUANG_AGENT_AUTH
EOF
  fi
  run systemctl daemon-reload
  run systemctl enable yichuang-agent.service
  run systemctl restart yichuang-agent.service
else
  # A screen alone needs only the launcher and its fallback page.
  run install -d -m 755 "$app"
  run cp -a "$src/deploy" "$app/"
fi

# Started when the user's desktop session starts (set that user to log in automatically).
# Desktop entries quote with double quotes; the launcher has refused anything that would need escaping.
autostart="$home/.config/autostart/yichuang-$role.desktop"
exec_line=$(printf '"%s" ' "${launch[@]}")
write_file "$autostart" 600 <<EOF
[Desktop Entry]
Type=Application
Name=Yichuang $role 一窗
Exec=${exec_line% }
X-GNOME-Autostart-enabled=true
NoDisplay=true
EOF
run chown -R "$user:" "$home/.config/autostart"

say "完成 / done. $user 登录后自动打开屏幕 / the screen opens when $user logs in:"
say "  $(quote_cmd "${launch[@]}")"
if [ -n "$printer" ]; then
  say "插上打印机后给它固定名称 / name the printer once plugged in: sudo $app/deploy/udev/add-printer.sh /dev/ttyUSB0 ${printer##*-}"
  say "打印代理日志 / agent log: journalctl -u yichuang-agent -f"
  [ -n "$agent_token" ] || say "打印代理的配对码显示在日志中，请在管理台「设备」页输入，角色选打印代理 / the agent's pairing code is in that log: enter it on the console's Devices page, role print agent"
fi
