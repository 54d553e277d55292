// Evaluation pad (好差评) facing the citizen, and the names of the rating levels every screen uses.
export const PAD_STRINGS = {
  // ---- the five national levels, and 未评价 ----
  'level.very-satisfied': ['非常满意', 'Very satisfied'],
  'level.satisfied': ['满意', 'Satisfied'],
  'level.basic': ['基本满意', 'Fairly satisfied'],
  'level.dissatisfied': ['不满意', 'Dissatisfied'],
  'level.very-dissatisfied': ['非常不满意', 'Very dissatisfied'],
  'level.unrated': ['未评价', 'Not rated'],

  // ---- idle: the staff card (岗位牌) ----
  'pad.title': ['服务评价', 'Rate our service'],
  'pad.staffNumber': ['工号：{number}', 'Staff No. {number}'],
  'pad.photo': ['照片', 'Photo'],
  'pad.badge.party': ['共产党员', 'CPC member'],
  'pad.badge.league': ['共青团员', 'CYL member'],
  'pad.noStaff': ['本窗口暂停服务', 'This window is not staffed now'],
  'pad.welcome': ['欢迎监督，办事满意请点赞', 'Your rating helps us serve you better'],
  'pad.notPadDevice': ['本设备不是窗口评价器', 'This device is not a window pad'],

  // ---- rating ----
  'pad.ask': ['请对本次服务作出评价', 'How was our service today?'],
  'pad.ticket': ['您的号码 {number}', 'Your number {number}'],
  'pad.secondsLeft': ['{n} 秒后自动结束', 'Closes in {n} s'],
  'pad.reasonsTitle': ['请告诉我们哪里做得不好（可多选）', 'What went wrong? (choose one or more)'],
  'pad.text': ['意见建议（选填）', 'Comments (optional)'],
  'pad.phone': ['联系电话（选填，便于回访）', 'Phone (optional, so we can call you back)'],
  'pad.phoneInvalid': ['请输入11位手机号码', 'Enter an 11-digit mobile number'],
  'pad.chooseReason': ['请至少选择一项原因', 'Choose at least one reason'],
  'pad.submit': ['提交评价', 'Submit'],
  'pad.back': ['返回', 'Back'],
  'pad.clear': ['清除', 'Clear'],
  'pad.backspace': ['退格', 'Delete'],
  'pad.thanks': ['感谢您的评价！', 'Thank you for your rating!'],
  'pad.thanksBad': ['我们会认真核实整改，并及时回复您', 'We will look into it, put it right and get back to you'],
} as const satisfies Record<string, readonly [string, string]>;
