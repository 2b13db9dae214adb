/**
 * Who issues a plan's documents and how they are addressed and numbered: the region's 优化办, its
 * 主送机关 by region level, the one-character short name of its 文号 (邵优化通〔2023〕5号), and the
 * numbering series of each kind.
 */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.ts';
import { plans, regions } from '../../../db/schema.ts';
import type { IssueInfo, ReportKind } from '../../../reports/index.ts';
import { appError } from '../../../domain/errors.ts';

export type RegionLevel = 'province' | 'city' | 'county' | 'district' | 'park';

/** The plan with the region it belongs to. */
export interface PlanWithRegion {
  id: number;
  title: string;
  year: number;
  regionId: number;
  regionName: string;
  regionLevel: RegionLevel;
}

// Provinces are abbreviated by their customary one-character names, not their first character.
const PROVINCE_SHORT: Record<string, string> = {
  湖南省: '湘', 湖北省: '鄂', 广东省: '粤', 广西壮族自治区: '桂', 江西省: '赣', 贵州省: '黔', 河南省: '豫', 河北省: '冀', 四川省: '川',
  福建省: '闽', 浙江省: '浙', 江苏省: '苏', 山东省: '鲁', 安徽省: '皖', 陕西省: '陕', 云南省: '云',
};

/** Loads a plan and its region, or PLAN_NOT_FOUND. */
export async function loadPlanWithRegion(db: Db | Tx, planId: number): Promise<PlanWithRegion> {
  const [row] = await db.select({ id: plans.id, title: plans.title, year: plans.year, regionId: regions.id, regionName: regions.name, regionLevel: regions.level })
    .from(plans).innerJoin(regions, eq(regions.id, plans.regionId)).where(eq(plans.id, planId));
  if (!row) throw appError('PLAN_NOT_FOUND');
  return row;
}

/** 邵阳市 → 邵, 湖南省 → 湘: the issuer code that opens the region's 文号. */
export function regionShortName(plan: Pick<PlanWithRegion, 'regionName' | 'regionLevel'>): string {
  if (plan.regionLevel === 'province') return PROVINCE_SHORT[plan.regionName] ?? plan.regionName.slice(0, 1);
  return plan.regionName.slice(0, 1);
}

/** The settings' order prefix when the office has not chosen one (the column default). */
export const DEFAULT_ORDER_PREFIX = '优化督';

/**
 * The prefix of the region's 督办单 numbers: the office's own prefix, or, while it is the bare
 * default, the default under the region's short name (邵 → 邵优化督〔2023〕1号): a 文号 always
 * opens with its issuer's code.
 */
export function orderNumberPrefix(plan: Pick<PlanWithRegion, 'regionName' | 'regionLevel'>, configured: string): string {
  return configured === DEFAULT_ORDER_PREFIX ? `${regionShortName(plan)}${configured}` : configured;
}

/** 全市 / 全省 / 全县 / 全区: how a notice's title names the whole region. */
export function regionWord(level: RegionLevel): string {
  return { province: '全省', city: '全市', county: '全县', district: '全区', park: '园区' }[level];
}

/** The region's 优化办 (the issuing organ of every document kind). */
export function issuerName(plan: Pick<PlanWithRegion, 'regionName'>): string {
  return `${plan.regionName}优化营商环境工作领导小组办公室`;
}

/** 主送机关 by level: a city addresses its counties and departments, a province its cities. */
export function addresseeFor(level: RegionLevel): string {
  if (level === 'province') return '各市州人民政府，省直有关单位';
  if (level === 'city') return '各县市区人民政府，市直有关单位';
  return '各乡镇人民政府、街道办事处，县直有关单位';
}

/** The 版头 / 版记 data of a 文件格式 document dated `date` (the number comes on issue). */
export function issueInfo(plan: PlanWithRegion, date: string): IssueInfo {
  const issuer = issuerName(plan);
  return { issuer, docNumber: null, date, addressee: addresseeFor(plan.regionLevel), cc: [], printed: { by: issuer, on: date } };
}

/**
 * The numbering series of a kind. Notices, reviews and commendations share the office's 通 series
 * (two documents must never carry the same 文号); 简报 and 专报 count their own 期; a 督办单 keeps
 * the number its order got when it was issued (the 督 series of urges.ts), so it has none here.
 */
export function numberSeries(plan: PlanWithRegion, kind: ReportKind): { series: string; format: (year: number, seq: number) => string } | null {
  const short = regionShortName(plan);
  switch (kind) {
    case 'dekad-brief': return { series: 'brief', format: (year, seq) => `${year}年第${seq}期` };
    case 'work-bulletin': return { series: 'bulletin', format: (year, seq) => `${year}年第${seq}期` };
    case 'supervision-order': return null;
    default: {
      const prefix = `${short}优化通`;
      return { series: prefix, format: (year, seq) => `${prefix}〔${year}〕${seq}号` };
    }
  }
}
