// The demo hall's catalogue of service items (事项) with their guides, and its life events (一件事):
// what a demo hall's catalogue (catalogue.json) is seeded with; other halls start with none.
// Fictional but modelled on published district guides: names, materials, time limits and fees as a
// hall would list them. Units without windows of their own are taken at the comprehensive windows.
import type { HallCatalogue, LifeEvent, ServiceItem } from '@yichuang/shared/kiosk';
import type { DemoCategoryId } from './demo-categories.js';
import { DEPT } from './demo-departments.js';

/** Units whose items the comprehensive windows take (无差别受理). */
const UNIT = {
  police: '区公安分局（户政）',
  fund: '区住房公积金管理中心',
  veterans: '区退役军人事务局',
  disabled: '区残疾人联合会',
  education: '区教育局',
} as const;

const FREE = '不收费';
const ID = '居民身份证';
const HOUSEHOLD = '居民户口簿';

export const DEMO_LIFE_EVENTS: LifeEvent[] = [
  { id: 'newborn', name: '新生儿出生一件事', nameEn: 'A baby is born', categoryId: 'one-thing' },
  { id: 'start-business', name: '企业开办一件事', nameEn: 'Starting a business', categoryId: 'business' },
  { id: 'retirement', name: '退休一件事', nameEn: 'Retiring', categoryId: 'one-thing' },
  { id: 'home-sale', name: '二手房转移登记一件事', nameEn: 'Buying a second-hand home', categoryId: 'property' },
  { id: 'marriage', name: '婚育一件事', nameEn: 'Marriage and childbirth', categoryId: 'one-thing' },
  { id: 'after-death', name: '身后一件事', nameEn: 'After a death in the family', categoryId: 'one-thing' },
  { id: 'disability', name: '残疾人服务一件事', nameEn: 'Services for people with disabilities', categoryId: 'one-thing' },
  { id: 'job-loss', name: '失业一件事', nameEn: 'Losing a job', categoryId: 'social' },
];

type Guide = Omit<ServiceItem, 'id' | 'code' | 'name' | 'nameEn' | 'department' | 'categoryId' | 'fee' | 'lifeEvents'> &
  Partial<Pick<ServiceItem, 'fee' | 'lifeEvents'>>;

let numbered = 0;
/** Demo 事项编码 are DEMO-0001… in the list's order (a real hall takes them from its province's 实施清单). */
function item(id: string, name: string, nameEn: string, department: string, categoryId: DemoCategoryId, guide: Guide): ServiceItem {
  const code = `DEMO-${String(++numbered).padStart(4, '0')}`;
  return { id, code, name, nameEn, department, categoryId, lifeEvents: [], fee: FREE, ...guide };
}

export const DEMO_ITEMS: ServiceItem[] = [
  // ---- 户政 (comprehensive windows) ----
  item('hukou-move', '户口迁移', 'Moving a household registration', UNIT.police, 'general', {
    conditions: '因购房、投靠、工作调动、就学等原因需在本区落户，且符合本市落户条件的居民。',
    materials: [ID, HOUSEHOLD, '合法稳定住所证明（不动产权证或购房合同）', '迁入地户主同意落户的书面意见（投靠落户）'],
    timeLimit: '即办（跨省迁移 5 个工作日）',
    phone: '87601101',
    keywords: ['迁户口', '落户', '户口迁入', '户口迁出'],
    lifeEvents: ['marriage'],
  }),
  item('hukou-birth', '出生登记（新生儿落户）', 'Registering a newborn', UNIT.police, 'general', {
    conditions: '新生儿出生后，父母一方为本区户籍居民。',
    materials: ['出生医学证明', '父母双方居民身份证', '父母双方居民户口簿', '结婚证'],
    timeLimit: '即办',
    phone: '87601101',
    keywords: ['新生儿上户口', '报户口'],
    lifeEvents: ['newborn'],
  }),
  item('hukou-cancel', '死亡户口注销', 'Cancelling the registration of the deceased', UNIT.police, 'general', {
    conditions: '本区户籍居民死亡后，由其亲属或监护人申请。',
    materials: ['死亡医学证明（推断）书或火化证明', '死者居民户口簿、居民身份证', '申请人居民身份证'],
    timeLimit: '即办',
    phone: '87601101',
    keywords: ['销户'],
    lifeEvents: ['after-death'],
  }),
  item('id-card', '居民身份证申领、换领、补领', 'Resident ID card: first, renewal, replacement', UNIT.police, 'general', {
    conditions: '本市户籍居民首次申领、有效期满换领或遗失补领；全国范围内可异地办理。',
    materials: [HOUSEHOLD, '原居民身份证（换领）', '现场采集照片和指纹'],
    timeLimit: '20 个工作日（加急 7 个工作日）',
    fee: '首次申领、换领 20 元；补领 40 元；申领临时身份证 10 元',
    phone: '87601102',
    keywords: ['办身份证', '补身份证', '换身份证'],
    selfService: true,
  }),
  item('temp-id-card', '临时居民身份证申领', 'Temporary resident ID card', UNIT.police, 'general', {
    conditions: '居民身份证在申领、换领、补领期间，急需使用身份证的。',
    materials: [HOUSEHOLD, '居民身份证受理回执', '近期免冠照片'],
    timeLimit: '即办',
    fee: '10 元',
    phone: '87601102',
  }),
  item('residence-permit', '居住证申领', 'Residence permit', UNIT.police, 'general', {
    conditions: '离开常住户口所在地，在本区居住半年以上，有合法稳定就业、住所或连续就读条件之一。',
    materials: [ID, '居住登记凭证', '合法稳定就业、住所或就读证明之一'],
    timeLimit: '15 个工作日',
    phone: '87601103',
    keywords: ['暂住证'],
    selfService: true,
  }),
  item('no-crime-record', '无犯罪记录证明开具', 'Certificate of no criminal record', UNIT.police, 'general', {
    conditions: '本区户籍居民或在本区居住满一年的居住证持有人，因就业、出国等需要开具。',
    materials: [ID, '用途说明（用人单位或使馆要求）'],
    timeLimit: '3 个工作日',
    phone: '87601103',
    keywords: ['无犯罪证明'],
  }),

  // ---- 人力资源和社会保障 (B) ----
  item('employment-reg', '就业登记', 'Employment registration', DEPT.humanResources, 'social', {
    conditions: '劳动年龄内、有劳动能力的城乡劳动者实现就业后。',
    materials: [ID, '劳动合同或就业证明'],
    timeLimit: '即办',
    phone: '87602201',
  }),
  item('unemployment-reg', '失业登记', 'Registering as unemployed', DEPT.humanResources, 'social', {
    conditions: '法定劳动年龄内、有劳动能力和就业要求、处于无业状态的城乡劳动者。',
    materials: [ID, '解除或终止劳动关系证明'],
    timeLimit: '即办',
    phone: '87602201',
    lifeEvents: ['job-loss'],
    selfService: true,
  }),
  item('unemployment-benefit', '失业保险金申领', 'Unemployment benefit', DEPT.humanResources, 'social', {
    conditions: '失业前参加失业保险并缴费满一年，非因本人意愿中断就业，已办理失业登记并有求职要求。',
    materials: [ID, '社会保障卡', '解除或终止劳动关系证明'],
    timeLimit: '5 个工作日',
    phone: '87602202',
    keywords: ['失业金', '领失业金'],
    lifeEvents: ['job-loss'],
    selfService: true,
  }),
  item('hard-to-employ', '就业困难人员认定', 'Recognition as hard to employ', DEPT.humanResources, 'social', {
    conditions: '本区户籍、已办理失业登记，属于大龄、残疾、低保家庭等就业困难情形之一。',
    materials: [ID, '就业困难类别证明材料（残疾人证、低保证等）'],
    timeLimit: '10 个工作日',
    phone: '87602201',
    lifeEvents: ['job-loss'],
  }),
  item('startup-loan', '创业担保贷款申请', 'Start-up guaranteed loan', DEPT.humanResources, 'social', {
    conditions: '在本区创业的城镇登记失业人员、高校毕业生、退役军人等，个人贷款最高 30 万元。',
    materials: [ID, '营业执照', '创业计划书', '贷款申请表'],
    timeLimit: '15 个工作日',
    phone: '87602203',
  }),
  item('resident-pension', '城乡居民基本养老保险参保登记', 'Enrolling in the residents’ pension scheme', DEPT.humanResources, 'social', {
    conditions: '年满 16 周岁（不含在校学生），未参加职工基本养老保险的本区户籍居民。',
    materials: [ID, HOUSEHOLD],
    timeLimit: '即办',
    phone: '87602204',
    keywords: ['养老保险', '交养老'],
    selfService: true,
  }),
  item('pension-claim', '职工基本养老保险待遇申领（退休）', 'Claiming a retirement pension', DEPT.humanResources, 'social', {
    conditions: '达到法定退休年龄，累计缴费满 15 年的参保职工。',
    materials: [ID, '社会保障卡', '本人档案（单位参保由单位提交）'],
    timeLimit: '10 个工作日',
    phone: '87602204',
    keywords: ['办退休', '退休金'],
    lifeEvents: ['retirement'],
  }),
  item('pension-transfer', '养老保险关系转移接续（跨省）', 'Transferring pension insurance between provinces', DEPT.humanResources, 'cross-region', {
    conditions: '参保人员跨省流动就业，需将养老保险关系转入本区。',
    materials: [ID, '参保缴费凭证', '转移接续申请表'],
    timeLimit: '15 个工作日',
    phone: '87602205',
    keywords: ['社保转移'],
  }),
  item('social-card', '社会保障卡申领、补换', 'Social security card: first, replacement', DEPT.humanResources, 'social', {
    conditions: '在本市参加社会保险的人员；遗失或损坏的可挂失补换。',
    materials: [ID, '近期免冠照片（可现场拍摄）', '监护人身份证（未成年人）'],
    timeLimit: '即时制卡（约 10 分钟）',
    fee: '首次申领不收费；补换 15 元',
    phone: '87602206',
    keywords: ['社保卡', '补社保卡'],
    lifeEvents: ['newborn'],
    selfService: true,
  }),
  item('survivor-benefit', '丧葬补助金、抚恤金申领', 'Funeral grant and survivor pension', DEPT.humanResources, 'social', {
    conditions: '参保人员死亡后，其遗属可申领丧葬补助金和抚恤金。',
    materials: ['死亡证明', '申请人居民身份证', '亲属关系证明', '银行账户信息'],
    timeLimit: '10 个工作日',
    phone: '87602204',
    lifeEvents: ['after-death'],
  }),
  item('flexible-insurance', '灵活就业人员参保登记', 'Insurance for the self-employed', DEPT.humanResources, 'social', {
    conditions: '本市户籍或持居住证的无雇工个体工商户、非全日制从业人员等灵活就业人员。',
    materials: [ID],
    timeLimit: '即办',
    phone: '87602204',
    keywords: ['个人交社保'],
    selfService: true,
  }),
  item('company-insurance', '单位社会保险参保登记', 'Registering an employer for social insurance', DEPT.humanResources, 'social', {
    conditions: '新设立的用人单位自成立之日起 30 日内。',
    materials: ['营业执照', '法定代表人居民身份证', '银行开户信息'],
    timeLimit: '即办',
    phone: '87602204',
    lifeEvents: ['start-business'],
  }),

  // ---- 医疗保障 (C) ----
  item('resident-medical', '城乡居民基本医疗保险参保登记', 'Enrolling in residents’ medical insurance', DEPT.medicalInsurance, 'insurance', {
    conditions: '未参加职工医保的本区户籍居民、持居住证人员及新生儿。',
    materials: [ID, '出生医学证明（新生儿）'],
    timeLimit: '即办',
    phone: '87603301',
    keywords: ['医保', '交医保', '新农合'],
    lifeEvents: ['newborn'],
    selfService: true,
  }),
  item('medical-transfer', '基本医疗保险关系转移接续', 'Transferring medical insurance', DEPT.medicalInsurance, 'insurance', {
    conditions: '参保人员跨统筹地区流动就业。',
    materials: [ID, '参保凭证（可线上调取）'],
    timeLimit: '15 个工作日',
    phone: '87603302',
  }),
  item('remote-care', '异地就医备案', 'Registering for medical care in another city', DEPT.medicalInsurance, 'insurance', {
    conditions: '异地长期居住、异地工作、异地转诊或临时外出就医的参保人员。',
    materials: [ID, '社会保障卡', '异地就医备案表（长期居住需居住证明或个人承诺）'],
    timeLimit: '即办',
    phone: '87603303',
    keywords: ['异地医保', '备案'],
    selfService: true,
  }),
  item('chronic-disease', '门诊慢特病待遇认定', 'Chronic disease outpatient benefits', DEPT.medicalInsurance, 'insurance', {
    conditions: '患有高血压、糖尿病等规定病种，需长期门诊治疗的参保人员。',
    materials: [ID, '二级以上医院诊断证明', '近期检查报告、病历'],
    timeLimit: '15 个工作日',
    phone: '87603304',
    keywords: ['慢性病', '特殊病'],
  }),
  item('maternity-benefit', '生育津贴申领', 'Maternity allowance', DEPT.medicalInsurance, 'insurance', {
    conditions: '参加职工生育保险的女职工生育或施行计划生育手术后。',
    materials: [ID, '出生医学证明或手术证明', '银行账户信息'],
    timeLimit: '10 个工作日',
    phone: '87603305',
    lifeEvents: ['marriage'],
  }),
  item('manual-claim', '零星医疗费用报销', 'Reimbursing medical bills paid in full', DEPT.medicalInsurance, 'insurance', {
    conditions: '因急诊、异地就医等原因未能直接结算，全额垫付医疗费用的参保人员。',
    materials: [ID, '医疗费用发票原件', '费用明细清单', '出院小结或病历'],
    timeLimit: '20 个工作日',
    phone: '87603306',
    keywords: ['报销', '手工报销'],
  }),
  item('medical-account-heir', '医保个人账户余额继承', 'Inheriting a medical account balance', DEPT.medicalInsurance, 'insurance', {
    conditions: '参保人员死亡后，其个人账户余额可由合法继承人依法继承。',
    materials: ['死亡证明', '继承人居民身份证', '继承关系证明'],
    timeLimit: '10 个工作日',
    phone: '87603301',
    lifeEvents: ['after-death'],
  }),

  // ---- 市场监管 (D) ----
  item('company-setup', '企业设立登记', 'Registering a new company', DEPT.market, 'business', {
    conditions: '拟在本区设立有限责任公司、股份有限公司、合伙企业等。',
    materials: ['公司登记（备案）申请书', '公司章程', '股东主体资格证明', '法定代表人、董事、监事任职文件', '住所使用证明'],
    timeLimit: '1 个工作日',
    phone: '87604401',
    keywords: ['开公司', '注册公司', '营业执照'],
    lifeEvents: ['start-business'],
  }),
  item('sole-trader', '个体工商户设立登记', 'Registering a sole trader', DEPT.market, 'business', {
    conditions: '有经营能力的公民从事工商业经营。',
    materials: ['个体工商户登记申请书', '经营者居民身份证', '经营场所使用证明'],
    timeLimit: '即办',
    phone: '87604402',
    keywords: ['个体户', '开店'],
  }),
  item('company-change', '企业变更登记', 'Changing company registration details', DEPT.market, 'business', {
    conditions: '企业名称、住所、法定代表人、注册资本、经营范围等登记事项发生变化。',
    materials: ['变更登记申请书', '股东会决议', '修改后的章程或章程修正案', '营业执照正副本'],
    timeLimit: '1 个工作日',
    phone: '87604401',
  }),
  item('company-close', '企业注销登记（含简易注销）', 'Closing a company (incl. simplified)', DEPT.market, 'business', {
    conditions: '企业解散、清算完毕；未发生债权债务或已清偿的，可申请简易注销（公告 20 日）。',
    materials: ['注销登记申请书', '清算报告或全体投资人承诺书', '营业执照正副本'],
    timeLimit: '1 个工作日',
    phone: '87604403',
    keywords: ['关公司', '简易注销'],
  }),
  item('food-licence', '食品经营许可', 'Food business licence', DEPT.market, 'business', {
    conditions: '从事食品销售和餐饮服务的经营者，有与经营品种相适应的场所和设备。',
    materials: ['食品经营许可申请书', '营业执照', '经营场所平面布局图', '食品安全管理制度'],
    timeLimit: '10 个工作日（告知承诺制当场发证）',
    phone: '87604404',
    keywords: ['餐饮许可', '食品许可证'],
  }),
  item('licence-replace', '营业执照遗失补领', 'Replacing a lost business licence', DEPT.market, 'business', {
    conditions: '营业执照遗失或毁损，已在国家企业信用信息公示系统公告作废。',
    materials: ['补领申请书', '法定代表人居民身份证', '作废公告'],
    timeLimit: '即办',
    phone: '87604401',
  }),

  // ---- 不动产登记 (E) ----
  item('property-transfer', '二手房转移登记', 'Transferring a second-hand home', DEPT.realEstate, 'property', {
    conditions: '买卖双方已签订存量房买卖合同，完成网签备案并缴清税费。',
    materials: ['买卖双方居民身份证', '不动产权证书', '存量房买卖合同（网签）', '完税凭证', '婚姻状况证明'],
    timeLimit: '1 个工作日',
    fee: '住宅 80 元/件（不动产登记费）',
    phone: '87605501',
    keywords: ['过户', '房产过户', '买房'],
    lifeEvents: ['home-sale'],
  }),
  item('mortgage-reg', '抵押权首次登记', 'Registering a mortgage', DEPT.realEstate, 'property', {
    conditions: '以不动产设定抵押担保，办理贷款的。',
    materials: ['抵押人、抵押权人身份证明', '不动产权证书', '主债权合同及抵押合同'],
    timeLimit: '1 个工作日',
    fee: '住宅 80 元/件',
    phone: '87605502',
    keywords: ['房贷抵押'],
    lifeEvents: ['home-sale'],
  }),
  item('mortgage-release', '抵押权注销登记', 'Releasing a mortgage', DEPT.realEstate, 'property', {
    conditions: '主债权消灭、抵押权已实现或抵押权人放弃抵押权。',
    materials: ['申请人身份证明', '不动产登记证明', '抵押权人同意注销的证明（银行出具）'],
    timeLimit: '即办',
    phone: '87605502',
    keywords: ['解押', '还清房贷'],
  }),
  item('property-inherit', '继承、受遗赠转移登记', 'Transferring property by inheritance', DEPT.realEstate, 'property', {
    conditions: '被继承人死亡，继承人依法取得不动产权利。',
    materials: ['继承人居民身份证', '被继承人死亡证明', '亲属关系证明', '不动产权证书', '继承权公证书或全体继承人到场'],
    timeLimit: '5 个工作日',
    fee: '住宅 80 元/件',
    phone: '87605501',
    keywords: ['房产继承'],
    lifeEvents: ['after-death'],
  }),
  item('property-replace', '不动产权证书补证、换证', 'Replacing a property certificate', DEPT.realEstate, 'property', {
    conditions: '不动产权证书遗失、灭失或破损。',
    materials: ['权利人居民身份证', '遗失声明（补证）或原证书（换证）'],
    timeLimit: '5 个工作日（遗失公告 15 个工作日后）',
    fee: '工本费 10 元/本',
    phone: '87605503',
  }),
  item('property-search', '不动产登记资料查询', 'Searching property records', DEPT.realEstate, 'property', {
    conditions: '权利人、利害关系人查询本人名下或有关不动产的登记资料。',
    materials: [ID, '查询申请书', '利害关系证明（利害关系人查询）'],
    timeLimit: '即办',
    phone: '87605504',
    keywords: ['查房产', '房产证明', '无房证明'],
    selfService: true,
  }),

  // ---- 税务 (F) ----
  item('new-taxpayer', '新办纳税人套餐（税务信息确认、发票领用）', 'New taxpayer package', DEPT.tax, 'tax', {
    conditions: '新设立登记的企业和个体工商户首次办理涉税事项。',
    materials: ['营业执照', '法定代表人居民身份证', '经办人居民身份证'],
    timeLimit: '即办',
    phone: '87606601',
    keywords: ['领发票', '税务报到'],
    lifeEvents: ['start-business'],
  }),
  item('invoice', '发票领用与代开', 'Issuing invoices', DEPT.tax, 'tax', {
    conditions: '已办理税务信息确认的纳税人；自然人可申请代开发票。',
    materials: ['经办人居民身份证', '合同或交易凭证（代开）'],
    timeLimit: '即办',
    phone: '87606602',
    keywords: ['代开发票'],
    selfService: true,
  }),
  item('home-sale-tax', '存量房交易税费申报', 'Taxes on a second-hand home sale', DEPT.tax, 'tax', {
    conditions: '存量房买卖双方在办理转移登记前申报缴纳契税、增值税、个人所得税等。',
    materials: ['买卖双方居民身份证', '存量房买卖合同（网签）', '原购房发票或契税完税凭证'],
    timeLimit: '即办',
    fee: '按国家规定税率缴纳税款，不收取其他费用',
    phone: '87606603',
    keywords: ['契税', '房产税费'],
    lifeEvents: ['home-sale'],
  }),
  item('tax-certificate', '开具个人所得税纳税记录', 'Personal income tax record', DEPT.tax, 'tax', {
    conditions: '纳税人因购房、落户、出国等需要证明本人纳税情况。',
    materials: [ID],
    timeLimit: '即办',
    phone: '87606604',
    keywords: ['完税证明', '纳税证明'],
    selfService: true,
  }),
  item('iit-annual', '个人所得税综合所得年度汇算', 'Annual individual income tax reconciliation', DEPT.tax, 'tax', {
    conditions: '取得工资薪金、劳务报酬等综合所得，需在次年 3 月 1 日至 6 月 30 日办理年度汇算。',
    materials: [ID, '收入及扣除项目资料'],
    timeLimit: '即办',
    phone: '87606604',
    keywords: ['退税', '个税'],
  }),
  item('vehicle-tax', '车辆购置税申报', 'Vehicle purchase tax', DEPT.tax, 'tax', {
    conditions: '购置应税车辆的单位和个人，自购置之日起 60 日内申报。',
    materials: ['购车人身份证明', '机动车销售统一发票', '车辆合格证明'],
    timeLimit: '即办',
    fee: '按车辆计税价格的 10% 缴纳，不收取其他费用',
    phone: '87606605',
  }),

  // ---- 民政 (G) ----
  item('marriage-reg', '结婚登记', 'Marriage registration', DEPT.civilAffairs, 'civil', {
    conditions: '男女双方自愿，达到法定婚龄（男 22 周岁、女 20 周岁），均无配偶，双方共同到场。',
    materials: ['双方居民身份证', '双方居民户口簿（可全国通办，凭身份证办理）', '双方近期半身免冠合影照片 3 张'],
    timeLimit: '即办',
    phone: '87607701',
    keywords: ['领结婚证', '结婚证'],
    lifeEvents: ['marriage'],
  }),
  item('divorce-reg', '离婚登记', 'Divorce registration', DEPT.civilAffairs, 'civil', {
    conditions: '双方自愿离婚并对子女抚养、财产分割达成协议；提交申请后有 30 日冷静期。',
    materials: ['双方居民身份证', '双方居民户口簿', '结婚证', '离婚协议书'],
    timeLimit: '冷静期满后 30 日内双方到场，即办',
    phone: '87607701',
  }),
  item('marriage-record', '婚姻登记档案查询', 'Marriage registration records', DEPT.civilAffairs, 'civil', {
    conditions: '当事人查询本人婚姻登记档案，用于补领结婚证、办理继承等。',
    materials: [ID],
    timeLimit: '即办',
    phone: '87607702',
  }),
  item('minimum-living', '最低生活保障申请', 'Minimum living allowance (低保)', DEPT.civilAffairs, 'civil', {
    conditions: '本区户籍，家庭人均收入低于当地低保标准，且家庭财产状况符合规定。',
    materials: ['申请人居民身份证、居民户口簿', '家庭收入和财产状况声明', '家庭经济状况核对授权书'],
    timeLimit: '30 个工作日',
    phone: '87607703',
    keywords: ['低保', '困难补助'],
  }),
  item('extreme-poverty', '特困人员救助供养', 'Support for people in extreme poverty', DEPT.civilAffairs, 'civil', {
    conditions: '无劳动能力、无生活来源、无法定赡养抚养扶养义务人或其无履行能力的老年人、残疾人和未成年人。',
    materials: ['申请人居民身份证、居民户口簿', '残疾人证或医院诊断证明（如有）'],
    timeLimit: '20 个工作日',
    phone: '87607703',
  }),
  item('temporary-relief', '临时救助', 'Temporary relief', DEPT.civilAffairs, 'civil', {
    conditions: '因火灾、交通事故、突发重大疾病等导致基本生活暂时出现严重困难的家庭或个人。',
    materials: [ID, '困难情况说明及相关证明'],
    timeLimit: '急难型即办；其他 15 个工作日',
    phone: '87607703',
  }),
  item('senior-allowance', '高龄津贴申领', 'Old-age allowance', DEPT.civilAffairs, 'civil', {
    conditions: '本区户籍，年满 80 周岁的老年人。',
    materials: [ID, HOUSEHOLD, '本人银行账户'],
    timeLimit: '15 个工作日',
    phone: '87607704',
    keywords: ['老人补贴', '长寿金'],
  }),
  item('funeral-subsidy', '基本殡葬服务费用减免', 'Basic funeral fee waiver', DEPT.civilAffairs, 'civil', {
    conditions: '本区户籍居民去世后在本市殡仪馆火化的，免除遗体接运、火化等基本殡葬服务费用。',
    materials: ['火化证明', '逝者居民身份证或户口簿', '经办人居民身份证'],
    timeLimit: '即办',
    phone: '87607705',
    lifeEvents: ['after-death'],
  }),
  item('disability-allowance', '困难残疾人生活补贴和重度残疾人护理补贴', 'Disability living and care allowances', DEPT.civilAffairs, 'civil', {
    conditions: '持有第二代残疾人证的本区户籍低保家庭残疾人；一、二级重度残疾人。',
    materials: ['残疾人证', ID, '银行账户信息'],
    timeLimit: '20 个工作日',
    phone: '87607706',
    keywords: ['残疾人补贴', '两项补贴'],
    lifeEvents: ['disability'],
  }),

  // ---- 卫生健康 (H) ----
  item('birth-certificate', '出生医学证明首次签发、补发', 'Medical birth certificate', DEPT.health, 'health', {
    conditions: '在本区医疗机构出生的新生儿；遗失可申请补发。',
    materials: ['父母双方居民身份证', '新生儿出生信息（医院出具）'],
    timeLimit: '首次签发即办；补发 20 个工作日',
    phone: '87608801',
    keywords: ['出生证'],
    lifeEvents: ['newborn'],
  }),
  item('birth-registration', '生育登记', 'Registering a birth plan', DEPT.health, 'health', {
    conditions: '夫妻双方或一方为本区户籍，或在本区居住的流动人口。',
    materials: ['夫妻双方居民身份证', '结婚证'],
    timeLimit: '即办',
    phone: '87608802',
    keywords: ['准生证', '生育服务证'],
    lifeEvents: ['marriage', 'newborn'],
    selfService: true,
  }),
  item('doctor-registration', '医师执业注册', 'Registering a doctor to practise', DEPT.health, 'health', {
    conditions: '取得医师资格证书，拟在本区医疗机构执业的医师。',
    materials: ['医师资格证书', '医疗机构拟聘用证明', '近 6 个月内的健康证明'],
    timeLimit: '5 个工作日',
    phone: '87608803',
  }),
  item('hygiene-licence', '公共场所卫生许可', 'Public place hygiene licence', DEPT.health, 'health', {
    conditions: '开办宾馆、美容美发、游泳场所等公共场所。',
    materials: ['卫生许可申请表', '营业执照', '场所平面图', '卫生管理制度'],
    timeLimit: '5 个工作日（告知承诺制当场发证）',
    phone: '87608804',
  }),
  item('family-support', '计划生育家庭特别扶助金申请', 'Special support for one-child families', DEPT.health, 'health', {
    conditions: '独生子女死亡或伤残、女方年满 49 周岁的本区户籍夫妻。',
    materials: ['夫妻双方居民身份证、户口簿', '独生子女父母光荣证或相关证明', '子女死亡或伤残证明'],
    timeLimit: '30 个工作日',
    phone: '87608805',
  }),

  // ---- 水电气暖 (J) ----
  item('water-connection', '用水报装', 'Water connection', DEPT.utilities, 'utilities', {
    conditions: '新建、改建房屋或经营场所需要接入市政供水。',
    materials: ['申请人身份证明或营业执照', '不动产权证书或租赁合同', '用水报装申请表'],
    timeLimit: '无外线工程 3 个工作日',
    fee: '用户红线内工程费用按实际发生；报装不收费',
    phone: '87609901',
    keywords: ['装水表', '接水'],
  }),
  item('power-connection', '低压用电报装', 'Low-voltage power connection', DEPT.utilities, 'utilities', {
    conditions: '居民和小微企业需新装或增容低压用电。',
    materials: ['申请人身份证明或营业执照', '房屋产权或使用证明'],
    timeLimit: '居民 3 个工作日，小微企业 15 个工作日',
    phone: '87609902',
    keywords: ['装电表', '通电'],
  }),
  item('gas-connection', '燃气开户', 'Gas account opening', DEPT.utilities, 'utilities', {
    conditions: '具备管道燃气通气条件的居民住宅或经营场所。',
    materials: ['户主居民身份证', '不动产权证书或购房合同'],
    timeLimit: '5 个工作日（含上门安检通气）',
    fee: '开户不收费；燃气表及材料按价格主管部门核定标准收取',
    phone: '87609903',
    keywords: ['通燃气', '开通天然气'],
  }),
  item('utilities-transfer', '水电气联合过户', 'Transferring water, power and gas accounts', DEPT.utilities, 'utilities', {
    conditions: '房屋产权转移后，新业主办理水、电、燃气户名变更，可一次申请联合办理。',
    materials: ['新业主居民身份证', '新的不动产权证书', '结清费用凭证'],
    timeLimit: '即办',
    phone: '87609904',
    keywords: ['水电过户', '燃气过户'],
    lifeEvents: ['home-sale'],
  }),
  item('heating-suspend', '供暖报停、恢复', 'Suspending or resuming heating', DEPT.utilities, 'utilities', {
    conditions: '集中供暖用户在供暖期开始前办理报停或恢复供暖。',
    materials: ['户主居民身份证', '供热缴费卡或户号'],
    timeLimit: '即办',
    fee: '报停期间按规定缴纳基本热价',
    phone: '87609905',
    keywords: ['暖气报停'],
    selfService: true,
  }),

  // ---- 公积金、退役军人、残联、教育 (comprehensive windows) ----
  item('fund-withdraw-rent', '住房公积金提取（租房）', 'Withdrawing housing fund for rent', UNIT.fund, 'general', {
    conditions: '职工连续足额缴存住房公积金满 3 个月，本人及配偶在本市无自有住房且租房自住。',
    materials: [ID, '本人银行卡'],
    timeLimit: '即办',
    phone: '87610011',
    keywords: ['公积金', '取公积金'],
    selfService: true,
  }),
  item('fund-withdraw-retire', '住房公积金提取（退休）', 'Withdrawing housing fund on retirement', UNIT.fund, 'general', {
    conditions: '职工达到法定退休年龄并办理退休手续。',
    materials: [ID, '退休证明', '本人银行卡'],
    timeLimit: '即办',
    phone: '87610011',
    lifeEvents: ['retirement'],
  }),
  item('fund-account', '住房公积金单位缴存登记', 'Registering an employer for the housing fund', UNIT.fund, 'general', {
    conditions: '新设立的单位自设立之日起 30 日内。',
    materials: ['营业执照', '经办人居民身份证', '单位缴存登记表'],
    timeLimit: '即办',
    phone: '87610012',
    lifeEvents: ['start-business'],
  }),
  item('veteran-card', '退役军人优待证申领', 'Veteran preferential treatment card', UNIT.veterans, 'general', {
    conditions: '户籍在本区的退役军人和其他优抚对象。',
    materials: [ID, '退役证明材料', '近期免冠照片'],
    timeLimit: '30 个工作日（制卡）',
    phone: '87610021',
    keywords: ['优待证', '军人'],
  }),
  item('disability-card', '残疾人证办理', 'Disability certificate', UNIT.disabled, 'general', {
    conditions: '本区户籍，符合残疾标准的视力、听力、言语、肢体、智力、精神残疾人。',
    materials: [ID, HOUSEHOLD, '近期免冠照片', '指定医疗机构残疾评定结果'],
    timeLimit: '评定后 10 个工作日',
    phone: '87610031',
    keywords: ['残疾证', '残联'],
    lifeEvents: ['disability'],
  }),
  item('teacher-licence', '教师资格认定', 'Teacher qualification', UNIT.education, 'general', {
    conditions: '具备规定学历，普通话水平达到二级乙等以上，在本区户籍、居住或工作的申请人。',
    materials: [ID, '学历证书', '普通话水平测试等级证书', '体检合格证明'],
    timeLimit: '20 个工作日',
    phone: '87610041',
  }),

  // ---- 综合出证 (N), 帮办代办 (M) ----
  item('certificate-pickup', '办结证照领取', 'Collecting a finished certificate', DEPT.centre, 'certificate', {
    conditions: '事项已审批办结，收到领证短信通知的申请人或其委托人。',
    materials: ['受理回执', '申请人居民身份证（委托领取另需委托书和代领人身份证）'],
    timeLimit: '即办',
    phone: '87600001',
    keywords: ['领证', '取证'],
  }),
  item('assisted-service', '帮办代办服务', 'Assisted and proxy service', DEPT.centre, 'assist', {
    conditions: '老年人、残疾人、孕妇等办事不便的群众，以及重点项目、企业开办的全程帮办代办。',
    materials: [ID, '所办事项的申请材料（工作人员一次性告知）'],
    timeLimit: '按所办事项时限',
    phone: '87600002',
    keywords: ['代办', '帮办', '老年人'],
    lifeEvents: ['disability'],
  }),
];

/** The demo hall's catalogue, a fresh copy each time. */
export const demoCatalogue = (): HallCatalogue => structuredClone({ items: DEMO_ITEMS, lifeEvents: DEMO_LIFE_EVENTS });
