import type { RegionLevel, Role, UnitKind } from '../api/models.ts';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  department: '部门',
  government: '政府',
  utility: '公用企业',
  court: '法院',
  bank: '金融机构',
  collective: '集合',
  other: '其他',
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  office: '优化办',
  leader: '领导（只读）',
  unit: '单位',
};

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省',
  city: '市',
  county: '县',
  district: '区',
  park: '园区',
};
