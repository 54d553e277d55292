#!/usr/bin/env bash
# Gives the USB-serial printer now at DEVICE the stable name /dev/yichuang-printer-N: reads its
# vendor, product and serial number (or, without a serial, its USB port) from udev and writes the
# matching line into the rules file, replacing an older line for the same name or the same printer.
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

usage() {
  cat <<'EOF'
用法 / usage: sudo add-printer.sh DEVICE N [--rules FILE] [--dry-run]
  DEVICE        打印机当前的设备名 / the printer's current device, e.g. /dev/ttyUSB0
  N             固定名称编号 / the number in /dev/yichuang-printer-N (1, 2, …)
  --rules FILE  规则文件 / rules file (default /etc/udev/rules.d/99-yichuang-printers.rules)
EOF
}

device="" number="" rules=/etc/udev/rules.d/99-yichuang-printers.rules
while [ $# -gt 0 ]; do
  case "$1" in
    --rules) rules=${2:?--rules FILE}; shift 2 ;;
    --dry-run) YC_DRY_RUN=1; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) usage >&2; die "未知的选项 / unknown option: $1" ;;
    *)
      if [ -z "$device" ]; then device=$1; elif [ -z "$number" ]; then number=$1; else die "多余的参数 / extra argument: $1"; fi
      shift
      ;;
  esac
done
if [ -z "$device" ] || [[ ! "$number" =~ ^[1-9][0-9]*$ ]]; then
  usage >&2
  die "请给出设备和编号 / give DEVICE and N"
fi
require_root

props=$(udevadm info --query=property --name="$device" 2>/dev/null) || die "udev 不认识此设备 / udev does not know $device (plugged in?)"
prop() { sed -n "s/^$1=//p" <<<"$props" | head -n 1; }
bus=$(prop ID_BUS) vendor=$(prop ID_VENDOR_ID) product=$(prop ID_MODEL_ID) serial=$(prop ID_SERIAL_SHORT) port=$(prop ID_PATH)
if [ "$bus" != usb ] || [ -z "$vendor" ] || [ -z "$product" ]; then
  die "$device 不是 USB 串口设备 / $device is not a USB-serial device"
fi

name="yichuang-printer-$number"
match="SUBSYSTEM==\"tty\", ATTRS{idVendor}==\"$vendor\", ATTRS{idProduct}==\"$product\""
if [ -n "$serial" ]; then
  identity="ATTRS{serial}==\"$serial\""
  known_by="serial $serial"
else
  [ -n "$port" ] || die "$device 既无序列号也无 USB 端口路径 / $device has neither a serial number nor a USB port path"
  identity="ENV{ID_PATH}==\"$port\""
  known_by="USB port $port"
  warn "此打印机没有序列号，按 USB 端口识别：请固定插在这个口 / no serial number: matched by USB port, keep it in this port"
fi
line="$match, $identity, SYMLINK+=\"$name\", GROUP=\"dialout\", MODE=\"0660\""

# Keep every other line (comments, other printers); drop the old line for this name or this printer.
kept=""
if [ -f "$rules" ]; then
  kept=$(awk -v by_name="SYMLINK+=\"$name\"" -v by_printer="$match, $identity," \
    '/^[[:space:]]*#/ || (index($0, by_name) == 0 && index($0, by_printer) == 0)' "$rules")
fi
write_file "$rules" 644 <<EOF
${kept:+$kept
}$line
EOF
run udevadm control --reload-rules
run udevadm trigger --subsystem-match=tty --action=add
say "打印机 / printer $device → /dev/$name ($vendor:$product, $known_by)"
