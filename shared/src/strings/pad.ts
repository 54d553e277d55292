// Evaluation pad (好差评) facing the citizen, and the names of the rating levels every screen uses.
export const PAD_STRINGS = {
  // ---- the five national levels, and 未评价 ----
  'level.very-satisfied': ['非常满意', 'Very satisfied'],
  'level.satisfied': ['满意', 'Satisfied'],
  'level.basic': ['基本满意', 'Fairly satisfied'],
  'level.dissatisfied': ['不满意', 'Dissatisfied'],
  'level.very-dissatisfied': ['非常不满意', 'Very dissatisfied'],
  'level.unrated': ['未评价', 'Not rated'],

  // ---- where a visit was rated (评价渠道), and a rating that came too late ----
  'rating.channel.pad': ['窗口评价器上', 'on the window’s pad'],
  'rating.channel.kiosk': ['自助终端上', 'at a kiosk'],
  'rating.channel.phone': ['手机上', 'on a phone'],
  'rating.notRecorded': [
    '您刚才的评价「{mine}」未能记录：这次办事已于 {time} 在{channel}评价为「{level}」，一次办事只能评价一次',
    'Your rating “{mine}” was not recorded: this visit was rated “{level}” {channel} at {time}, and a visit is rated once',
  ],
  'rating.notRecordedBad': ['如仍有意见，请到大厅咨询台反映，或拨打 12345 政务服务便民热线', 'If you still have a complaint, tell the hall’s information desk or call the 12345 hotline'],

  // ---- idle: the staff card (岗位牌) ----
  'pad.title': ['服务评价', 'Rate our service'],
  'pad.staffNumber': ['工号：{number}', 'Staff No. {number}'],
  'pad.photo': ['照片', 'Photo'],
  'pad.badge.party': ['共产党员', 'CPC member'],
  'pad.badge.league': ['共青团员', 'CYL member'],
  'pad.noStaff': ['本窗口暂停服务', 'This window is not staffed now'],
  'pad.welcome': ['欢迎监督，办事满意请点赞', 'Your rating helps us serve you better'],
  'pad.notPadDevice': ['本设备不是窗口评价器', 'This device is not a window pad'],
  'pad.wrongToken': ['此地址中的令牌属于「{name}」，不是评价器的令牌', 'The token in this address belongs to “{name}”, not to a rating pad'],
  'pad.noWindow': ['本评价器「{name}」未绑定窗口', 'This pad, “{name}”, is not bound to a window'],
  'pad.howToPair': [
    '按「重新配对」显示配对码，请管理员在管理控制台「设备」页输入配对码，选择「评价器」和窗口；或打开评价器自己的地址 /window/pad.html?token=评价器令牌',
    'Press “Pair this pad” for a pairing code and ask a manager to enter it on the console’s Devices page as the pad of a window; or open the pad’s own address /window/pad.html?token=<pad token>',
  ],
  'pad.repair': ['重新配对', 'Pair this pad'],

  // ---- rating ----
  'pad.ask': ['请对本次服务作出评价', 'How was our service today?'],
  'pad.ticket': ['您的号码 {number}', 'Your number {number}'],
  'pad.secondsLeft': ['{n} 秒后自动结束', 'Closes in {n} s'],
  'pad.detailsLeft': ['您选择的评价已保存，请在 {time} 内填写完毕', 'Your rating is saved; please finish within {time}'],
  'pad.kept': ['填写时间已到，已按您选择的「{level}」记录', 'Time is up: your rating “{level}” has been recorded'],
  'pad.keptUnsent': ['未提交的意见和电话号码没有保存', 'Comments and a phone number not yet submitted were not saved'],
  'pad.elsewhere': ['{number} 号的本次办理已在{channel}评价', 'Visit {number} has been rated {channel}'],
  'pad.elsewhereSub': ['感谢您的评价，本评价器不再询问', 'Thank you; this pad will not ask again'],
  'pad.elsewhereDropped': ['一次办事只评价一次：在本评价器上填写的内容未记录', 'A visit is rated once: what was entered on this pad was not recorded'],

  'pad.reasonsTitle': ['请告诉我们哪里做得不好（可多选）', 'What went wrong? (choose one or more)'],
  'pad.text': ['意见建议（选填）', 'Comments (optional)'],
  'pad.phrases': ['常用语（点选即可）', 'Quick phrases (tap to add)'],
  'pad.phrase.wait': ['等候时间太长', 'Waited too long'],
  'pad.phrase.materials': ['材料要求没有一次说清', 'Document requirements not explained at once'],
  'pad.phrase.trips': ['来回跑了多趟', 'Had to come back several times'],
  'pad.phrase.attitude': ['工作人员态度不好', 'Staff were unfriendly'],
  'pad.phrase.slow': ['办理速度太慢', 'Service was too slow'],
  'pad.phrase.away': ['窗口人员离岗', 'Staff left the window'],
  'pad.textClear': ['清空意见', 'Clear comments'],
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
