// Error messages of kiosks, the guide terminal and the ticket's phone page (issue 3).
// A leaf: errors.ts joins every domain's table into the one list of error codes.

export const KIOSK_ERRORS = {
  UNKNOWN_ITEM: ['没有这个事项：{itemId}', 'No such service item: {itemId}'],
  ITEM_CODE_TAKEN: ['事项编码 {code} 已在目录中', 'Item code {code} is already in the catalogue'],
  CATALOGUE_FILE_UNREADABLE: ['无法读取文件，请上传事项目录的 XLSX 或 JSON 文件：{detail}', 'Cannot read the file; upload the catalogue as XLSX or JSON: {detail}'],
  CATALOGUE_INVALID: ['事项目录有误，未作任何更改：{detail}', 'The catalogue has errors; nothing was changed: {detail}'],
  TICKET_NOT_TODAY: ['这是 {day} 的号，今天已不能使用', 'That ticket was for {day}; it is no longer valid'],
  UNKNOWN_SUGGESTION: ['没有这条意见：{id}', 'No such suggestion: {id}'],
  SUGGESTION_EMPTY: ['请至少选择一项内容', 'Please choose at least one topic'],
  SUGGESTION_HANDLED: ['这条意见已处理', 'This suggestion has been handled already'],
} as const satisfies Record<string, readonly [string, string]>;
