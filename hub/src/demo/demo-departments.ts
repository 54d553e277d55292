// Units (fictional district) standing behind the demo hall's categories and windows.
export const DEPT = {
  centre: '区政务服务中心',
  humanResources: '区人力资源和社会保障局',
  medicalInsurance: '区医疗保障局',
  market: '区市场监督管理局',
  realEstate: '区不动产登记中心',
  tax: '国家税务总局示范区税务局',
  civilAffairs: '区民政局',
  health: '区卫生健康局',
  utilities: '区公用事业服务中心',
} as const;
