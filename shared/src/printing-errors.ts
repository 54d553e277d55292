// Error messages of ticket printers and print agents (issue 10).
// A leaf: errors.ts joins every domain's table into the one list of error codes.

export const PRINTING_ERRORS = {
  PRINTER_NONE: ['本机未配置打印机，请使用电子号票', 'No printer at this kiosk; use the e-ticket'],
  PRINTER_PAPER_OUT: ['打印纸已用完', 'The printer is out of paper'],
  PRINTER_COVER_OPEN: ['打印机盖未关好', 'The printer cover is open'],
  PRINTER_OFFLINE: ['打印机未连接或未开机', 'The printer is offline'],
  PRINTER_FAULT: ['打印机故障（切纸器或机芯）', 'Printer fault (cutter or mechanism)'],
  PRINTER_TIMEOUT: ['打印机响应太慢', 'The printer did not answer in time'],
  PRINTER_AGENT_OFFLINE: ['打印代理未连接', 'The print agent is not connected'],
  PRINTER_INTERRUPTED: ['打印中断，号票可能只打出一部分', 'Printing was interrupted; part of the slip may have come out'],
  UNKNOWN_PRINTER: ['没有这台打印机：{printerId}', 'No such printer: {printerId}'],
  UNKNOWN_KIOSK: ['没有这台取号机：{kioskId}', 'No such kiosk: {kioskId}'],
  KIOSK_HAS_PRINTER: ['取号机 {kioskId} 已配置打印机 {printerId}', 'Kiosk {kioskId} already has printer {printerId}'],
  REPRINT_NO_PRINTER: ['号 {number} 没有对应的打印机，请选择一台', 'Ticket {number} has no printer; choose one'],
  AGENT_NOT_LINKED: ['该打印代理没有对应的代理打印机', 'No agent printer is configured for this print agent'],
  PRINTING_CONFIG_UNREADABLE: ['打印机配置文件无法读取，请修正 printers.json 后重启', 'printers.json cannot be read; fix it and restart the hub'],
} as const satisfies Record<string, readonly [string, string]>;
