/**
 * The demo world loaded on first start: Hunan province with the cities whose plans ship as
 * fixtures, their counties, districts and parks, and one account per role.
 */
export interface DemoRegion { name: string; level: 'province' | 'city' | 'county' | 'district' | 'park'; children?: DemoRegion[] }

const county = (name: string): DemoRegion => ({ name, level: 'county' });
const district = (name: string): DemoRegion => ({ name, level: 'district' });
const park = (name: string): DemoRegion => ({ name, level: 'park' });

export const DEMO_REGIONS: DemoRegion = {
  name: '湖南省', level: 'province', children: [
    { name: '邵阳市', level: 'city', children: [
      district('双清区'), district('大祥区'), district('北塔区'),
      county('邵东市'), county('新邵县'), county('邵阳县'), county('隆回县'), county('洞口县'),
      county('绥宁县'), county('新宁县'), county('城步苗族自治县'), county('武冈市'),
      park('邵阳经济技术开发区'),
    ] },
    { name: '永州市', level: 'city', children: [
      district('零陵区'), district('冷水滩区'),
      county('祁阳市'), county('东安县'), county('双牌县'), county('道县'), county('江永县'),
      county('宁远县'), county('蓝山县'), county('新田县'), county('江华瑶族自治县'),
      park('回龙圩管理区'), park('金洞管理区'), park('永州经济技术开发区'),
    ] },
    { name: '长沙市', level: 'city' },
  ],
};

/**
 * The plans shipped as checked fixtures (gold files), and the region each belongs to. `rules`: the
 * assessment rule template the plan's office picked (邵阳 its own 邵市政办函〔2023〕9号); the others have none.
 */
export const DEMO_PLANS = [
  { fixture: '000.json', seed: '000_23aeba6d139cf540.txt', region: '邵阳市', rules: 'shaoyang-2023' },
  { fixture: '001.json', seed: '001_918f3dbd45cf2deb.txt', region: '永州市' },
  { fixture: '002.json', seed: '002_1cdb50bc881d4218.txt', region: '湖南省' },
] as const;

/**
 * Collectives whose members are the governments of the city's counties and districts: a county
 * user sees the tasks its city assigns to 各县市区政府.
 */
export const DEMO_COLLECTIVES = [{ region: '永州市', name: '各县市区政府' }] as const;

export const DEMO_PASSWORD = 'Yingshang@2026';

/** `head`: the unit's head, who confirms its extension requests. */
export interface DemoUser { login: string; displayName: string; role: 'admin' | 'office' | 'leader' | 'unit'; region: string; unit?: string; head?: boolean }

export const DEMO_USERS: DemoUser[] = [
  { login: 'office-shaoyang', displayName: '邵阳市优化办', role: 'office', region: '邵阳市' },
  { login: 'office-yongzhou', displayName: '永州市优化办', role: 'office', region: '永州市' },
  { login: 'office-hunan', displayName: '湖南省优化办', role: 'office', region: '湖南省' },
  { login: 'leader-shaoyang', displayName: '邵阳市分管领导', role: 'leader', region: '邵阳市' },
  { login: 'unit-scjg', displayName: '邵阳市市场监管局', role: 'unit', region: '邵阳市', unit: '市市场监管局' },
  { login: 'county-lengshuitan', displayName: '冷水滩区人民政府', role: 'unit', region: '冷水滩区', unit: '冷水滩区人民政府' },
  { login: 'head-scjg', displayName: '邵阳市市场监管局负责人', role: 'unit', region: '邵阳市', unit: '市市场监管局', head: true },
  { login: 'unit-sy-tax', displayName: '邵阳市税务局', role: 'unit', region: '邵阳市', unit: '市税务局' },
  { login: 'admin', displayName: '平台管理员', role: 'admin', region: '湖南省' },
];
