/**
 * What the demo's problems say: themes of the 邵阳 plan (企业开办, 获得电力, 不动产登记 …) with the
 * words that find their task, what a 12345 caller, a 督查组 or a 监督员 found, and how the unit
 * answered; the enterprises that raise them (names and 统一社会信用代码 made up, check digit valid).
 */
import type { CaseKind, CaseSource } from '../../domain/cases/case-model.ts';
import type { Random } from './demo-random.ts';

export interface CaseTheme {
  category: string;
  /** Words of the plan's task texts this theme concerns (the first task containing one is linked). */
  keywords: string[];
  /** Short titles; {e} the enterprise's short name, {p} the place. */
  titles: string[];
  /** What was found, one sentence each; {e} {p} as above. */
  findings: string[];
  /** The unit's 整改/答复. */
  replies: string[];
}

export const CASE_THEMES: CaseTheme[] = [
  {
    category: '企业开办', keywords: ['企业开办', '一网通办', '营业执照'],
    titles: ['企业开办需多次跑窗口', '{e}变更登记材料反复退回', '{p}政务中心公章刻制不能同步领取', '简易注销办理超时'],
    findings: [
      '企业反映在{p}政务服务中心办理设立登记，因“一网通办”平台材料无法提交，往返窗口三次才领取营业执照',
      '{e}办理法定代表人变更登记，窗口两次以材料格式不符退回，未一次性告知需补正内容',
      '明察暗访发现{p}政务服务中心企业开办专区未同步发放公章和税务Ukey，申请人需另行到刻章点办理',
      '企业申请简易注销已满公告期，登记机关5个工作日仍未办结，且无进度告知',
    ],
    replies: [
      '已约谈窗口负责人，对企业开办专区实行“一窗通办”，当场为企业办结并发放执照、公章和Ukey；已组织窗口人员开展一次性告知培训。',
      '经核查情况属实，已为企业办结变更登记，对涉事窗口人员批评教育，修订了材料清单并在政务服务网公示。',
      '已协调刻章企业进驻开办专区，自即日起首套公章免费刻制、同步领取，已回访企业确认。',
    ],
  },
  {
    category: '工程建设项目审批', keywords: ['工程建设项目', '施工许可', '联合验收', '施工图'],
    titles: ['{e}厂房项目施工许可办理超时', '竣工联合验收多头跑', '{p}工程审批系统数据不共享', '施工图审查意见反复'],
    findings: [
      '{e}反映其标准厂房项目施工许可申请已提交18个工作日仍未办结，超过承诺时限',
      '督查发现{p}竣工联合验收仍由各部门分别现场查验，企业需分别预约四个部门',
      '工程建设项目审批管理系统与投资项目在线审批监管平台数据未打通，企业需重复填报项目信息',
      '{e}施工图审查三次出具意见，每次提出新的问题，未一次性告知',
    ],
    replies: [
      '已启动帮办代办，为企业核发施工许可证；对超时情况逐环节复盘，明确各环节时限并纳入电子监察。',
      '已制定联合验收工作规程，由住建部门牵头一次性组织现场验收，企业只需一次预约。',
      '已完成两个系统的数据对接测试，项目代码和基本信息自动推送，企业无需重复填报。',
    ],
  },
  {
    category: '获得电力', keywords: ['办电', '用电', '停电', '转供电'],
    titles: ['{e}低压办电超时', '{p}工业园区频繁停电', '转供电主体违规加价', '高压报装环节过多'],
    findings: [
      '{e}反映申请低压用电报装已超过15个工作日尚未装表接电',
      '{p}工业园区企业反映近一个月停电四次，且未提前告知，影响正常生产',
      '营商环境监督员反映某商业综合体物业对商户电费每度加价0.3元',
      '{e}高压报装被要求额外提供用电设备清单等材料，环节超过3个',
    ],
    replies: [
      '供电公司已为企业装表接电，并对超时原因进行通报；已将小微企业低压报装纳入“三零”服务台账逐户跟踪。',
      '已排查线路故障隐患并完成改造，建立停电信息提前推送机制，园区企业已纳入短信通知范围。',
      '已会同市场监管部门约谈转供电主体，责令退还多收电费，并推动该综合体“转改直”。',
    ],
  },
  {
    category: '水气报装', keywords: ['用水报装', '用气报装', '供气接入', '用水接入'],
    titles: ['{e}用气报装收费不透明', '用水接入工程办理超时', '{p}燃气报装要求重复材料'],
    findings: [
      '{e}反映燃气公司在报装中收取“开户费”，未在收费目录中公示',
      '{e}用水接入工程申请已近一个月仍未通水，远超4个工作日承诺时限',
      '窗口督查发现{p}燃气报装仍要求企业提供营业执照复印件等可共享获取的材料',
    ],
    replies: [
      '已责令燃气公司停止收取开户费并退还企业，收费项目目录已在政务服务网重新公示。',
      '水务公司已完成接入并通水，对超时原因进行了内部问责，建立报装超时预警。',
      '已取消营业执照等可共享材料的提交要求，报装表单精简为一表申请。',
    ],
  },
  {
    category: '不动产登记', keywords: ['不动产', '交房即交证', '抵押登记'],
    titles: ['{e}不动产转移登记超时', '交房未能交证', '{p}抵押登记需线下提交纸质材料'],
    findings: [
      '{e}反映企业间不动产转移登记申请已受理3个工作日仍未办结',
      '业主反映{p}某新建商品房项目已交房两个月，仍未办理不动产权证书',
      '明察暗访发现{p}不动产登记中心抵押登记仍要求提交纸质材料，线上申请无法提交',
    ],
    replies: [
      '已为企业办结转移登记，核查超时原因为税费核定环节衔接不畅，已实现税费一窗受理。',
      '已督促开发企业补齐竣工验收备案材料，首批业主已领证，其余分批办理。',
      '已开通线上抵押登记全程网办，对窗口人员进行培训，并在大厅设置帮办岗。',
    ],
  },
  {
    category: '纳税服务', keywords: ['纳税', '留抵退税', '电子税务局', '发票'],
    titles: ['{e}留抵退税审核超时', '电子税务局申报系统卡顿', '{p}办税服务厅排队时间长'],
    findings: [
      '{e}反映增值税留抵退税申请已提交12个工作日仍未审核完成',
      '企业反映月底申报高峰期电子税务局频繁卡顿，无法完成申报',
      '窗口督查发现{p}办税服务厅高峰期排队超过1小时，自助终端多台故障',
    ],
    replies: [
      '已完成退税审核并退库到账，对审核流程进行了梳理，建立留抵退税快速审核机制。',
      '已报请省局扩容，申报高峰期增加专人线上辅导，系统运行已恢复正常。',
      '已维修全部自助终端，高峰期增开窗口并实行预约办税，平均等候时间降至15分钟以内。',
    ],
  },
  {
    category: '融资服务', keywords: ['贷款', '担保', '银企对接', '信用贷款'],
    titles: ['{e}贷款审批时间长', '担保费率高于规定', '{e}反映续贷难'],
    findings: [
      '{e}反映申请300万元流动资金贷款已两个月未获审批，银行未说明原因',
      '小微企业反映政府性融资担保机构收取担保费率达2%，高于1%的规定',
      '{e}反映贷款到期后银行要求先还后贷，企业需高息过桥',
    ],
    replies: [
      '已组织银企对接，银行已完成授信审批并放款，建立小微企业贷款审批时限公示制度。',
      '已责令担保机构按1%收费并退还多收费用，对全市担保机构费率开展专项检查。',
      '已协调银行办理无还本续贷，并将该企业纳入“白名单”跟踪服务。',
    ],
  },
  {
    category: '政府采购与账款', keywords: ['采购', '预付款', '保证金', '支付款项'],
    titles: ['{e}政府采购合同款拖欠', '投标保证金未及时退还', '采购预付款未按约定支付'],
    findings: [
      '{e}反映其承接的政府采购项目验收合格已4个月，合同款仍未支付',
      '{e}反映参加政府采购投标结束已两个月，投标保证金仍未退还',
      '中小企业反映采购人未按合同约定支付30%预付款',
    ],
    replies: [
      '经核实，采购单位已于本周支付全部合同款，并对其他逾期项目开展清理。',
      '已督促采购代理机构退还保证金，并推广以保函替代保证金。',
      '已约谈采购单位，预付款已支付，并在全市采购单位中通报。',
    ],
  },
  {
    category: '司法服务', keywords: ['执行', '立案', '破产'],
    titles: ['{e}胜诉后执行款迟迟未发放', '网上立案平台无法提交', '破产案件审理时间长'],
    findings: [
      '{e}反映法院执行到位的案款已超过20日仍未发放',
      '企业反映网上立案平台上传证据材料时多次失败，只能到现场立案',
      '债权人反映某破产案件受理已满一年仍未召开第二次债权人会议',
    ],
    replies: [
      '执行案款已发放到位，已建立案款到账提醒和发放时限监督机制。',
      '已修复网上立案平台上传功能，并设置专人电话指导。',
      '已督促管理人加快资产处置，第二次债权人会议已确定召开日期并通知债权人。',
    ],
  },
  {
    category: '政务服务', keywords: ['帮办代办', '窗口', '一次办'],
    titles: ['{p}窗口工作人员服务态度差', '窗口办事“推绕拖”', '{p}帮办代办服务未落实'],
    findings: [
      '明察暗访发现{p}政务服务中心个别窗口工作时间玩手机，对办事群众咨询推诿',
      '企业反映同一事项在两个窗口之间被来回推诿，“推绕拖”现象突出',
      '{e}反映重点项目未落实帮办代办专员，企业不清楚办理流程',
    ],
    replies: [
      '已对涉事窗口人员进行约谈和通报批评，扣减当月绩效，并开展作风整顿。',
      '已明确首问负责制，由综合窗口一次受理、后台流转，杜绝窗口间推诿。',
      '已为项目配备帮办代办专员，编制办事指南并上门服务。',
    ],
  },
  {
    category: '涉企检查', keywords: ['检查', '执法', '监管'],
    titles: ['{e}一月内被多部门重复检查', '执法人员要求企业停产整改缺乏依据', '{p}涉企检查未亮证'],
    findings: [
      '{e}反映一个月内先后接受四个部门的检查，检查内容多有重复，影响正常经营',
      '{e}反映执法人员以消防问题为由口头要求停产，未出具书面文书',
      '营商环境监督员反映{p}部分执法人员入企检查未出示执法证件',
    ],
    replies: [
      '已推行“综合查一次”，将相关部门检查合并为联合检查，企业全年检查次数大幅减少。',
      '经核查执法程序不规范，已责令纠正并补正书面文书，对相关人员批评教育。',
      '已开展执法规范化专项整治，入企检查一律亮证、扫码登记。',
    ],
  },
];

/** The demo's 邵阳 places (region names of the demo data). */
export const CASE_PLACES = ['双清区', '大祥区', '北塔区', '邵东市', '新邵县', '邵阳县', '隆回县', '洞口县', '绥宁县', '新宁县', '城步苗族自治县', '武冈市', '邵阳经济技术开发区'] as const;

const TRADE_NAMES = ['宏达', '湘旺', '鑫源', '华瑞', '资江', '宝庆', '恒通', '佳美', '金桥', '兴邦', '百川', '楚韵', '双清', '顺安', '隆腾', '雪峰', '云山', '崀源', '邵商', '新宇', '凯丰', '昭阳', '盛和', '蓝天'];
const INDUSTRIES = ['科技', '建材', '食品', '机械制造', '纺织', '电子', '物流', '农业开发', '建设工程', '医药', '五金', '家居'];
const FORMS = ['有限公司', '有限责任公司', '股份有限公司'];
const SURNAMES = ['刘', '李', '王', '张', '陈', '罗', '曾', '彭', '周', '谢'];

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A 统一社会信用代码 with a valid check digit (GB 32100): 91 + 4305xx + 9 characters. */
function creditCode(rng: Random): string {
  let body = `914305${String(rng.int(0, 99)).padStart(2, '0')}`;
  for (let i = 0; i < 9; i++) body += USCC_CHARS[i < 2 ? rng.int(20, 30) : rng.int(0, 9)];
  const sum = [...body].reduce((s, ch, i) => s + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i]!, 0);
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}

export interface DemoEnterprise { name: string; short: string; creditCode: string; contact: string; place: string }

/** `n` distinct enterprises, each with its place (where its problems are found). */
export function demoEnterprises(rng: Random, n: number): DemoEnterprise[] {
  const out: DemoEnterprise[] = [];
  const used = new Set<string>();
  while (out.length < n) {
    const place = rng.pick(CASE_PLACES);
    const trade = rng.pick(TRADE_NAMES);
    const industry = rng.pick(INDUSTRIES);
    // A county's enterprise carries the county's name; a district's or the park's the city's; some the province's.
    const prefix = rng.chance(0.2) ? '湖南' : /[县市]$/.test(place) ? place : '邵阳市';
    const name = `${prefix}${trade}${industry}${rng.pick(FORMS)}`;
    if (used.has(trade + industry)) continue;
    used.add(trade + industry);
    const phone = `1${rng.pick(['39', '58', '86', '77', '51'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    out.push({ name, short: `${trade}${industry}`, creditCode: creditCode(rng), contact: `${rng.pick(SURNAMES)}${rng.pick(['先生', '女士', '经理'])} ${phone}`, place });
  }
  return out;
}

/** The kind of request by source: hotline calls are of every kind; 督查 findings are 整改. */
export function drawKind(rng: Random, source: CaseSource): CaseKind {
  const r = rng.next();
  if (source === 'hotline') return r < 0.3 ? 'consult' : r < 0.45 ? 'help' : r < 0.85 ? 'complaint' : 'suggestion';
  if (source === 'forum') return r < 0.6 ? 'suggestion' : 'help';
  if (source === 'monitor' || source === 'media') return r < 0.5 ? 'complaint' : 'rectify';
  return 'rectify';
}

/** Whether a source's problems name an enterprise (then a 回访 asks it before 销号). */
export function hasEnterprise(rng: Random, source: CaseSource): boolean {
  if (source === 'hotline' || source === 'forum') return true;
  if (source === 'monitor' || source === 'media' || source === 'superior') return rng.chance(0.6);
  return rng.chance(0.3);
}

const SOURCE_OPENERS: Record<CaseSource, string[]> = {
  hotline: ['12345政企通来电：', '12345政企通网络诉求：'],
  inspection: ['专项督查发现：', '督查组实地核查发现：'],
  window: ['窗口督查发现：'],
  mystery: ['明察暗访发现：', '暗访组以办事群众身份体验发现：'],
  forum: ['政企座谈会上企业反映：', '走访企业时了解到：'],
  monitor: ['营商环境监督员反映：'],
  superior: ['省优化办交办：', '上级转办件：'],
  media: ['媒体曝光：', '网络舆情反映：'],
};

/** The finding of a problem: the source's opener, then the theme's sentence with its enterprise and place. */
export function findingText(rng: Random, source: CaseSource, theme: CaseTheme, e: { short: string; place: string }): { title: string; finding: string } {
  const fill = (s: string) => s.replaceAll('{e}', e.short).replaceAll('{p}', e.place);
  const i = rng.int(0, theme.findings.length - 1);
  const title = fill(theme.titles[i % theme.titles.length]!);
  const finding = `${rng.pick(SOURCE_OPENERS[source])}${fill(theme.findings[i]!).replace(/^明察暗访发现|^督查发现|^窗口督查发现|^营商环境监督员反映/, '')}。`;
  return { title, finding };
}

export const CASE_NOTES = [
  '已签收，明确分管领导和经办科室，正在调查核实。',
  '已与企业电话沟通，了解具体诉求，正在会同相关部门研究解决办法。',
  '已赴现场核查，情况基本属实，正在制定整改方案。',
  '整改方案已报分管领导审定，正在组织实施。',
];

export const CASE_RETURN_COMMENTS = [
  '答复未说明整改时限和责任人，请补充后重新答复',
  '未提供整改佐证材料，请补充现场照片或相关文件',
  '答复仅作解释说明，未解决企业实际诉求，请重新办理',
];

export const CASE_DISSATISFIED = ['企业表示问题仍未实际解决', '企业反映整改后问题再次出现', '企业对答复的处理时限不认可'];

export const CASE_EXTENSION_REASONS = ['涉及多个部门联合整改，需协调省级系统改造', '整改涉及工程施工，受天气影响需延长工期', '需待上级部门出具政策意见后办理'];

export const CASE_URGES = {
  reminder: '该问题已超过办理时限，请抓紧办理并及时答复。',
  order: '该问题超期未办结，请于回复期限前书面说明原因和整改措施。',
} as const;
