import { describe, expect, it } from 'vitest';
import { OFFICE_TODO } from '../../../reports/index.ts';
import { placeGroupNote } from './commendation-data.ts';
import { practiceLines, type PracticeAward } from './commendation-practices.ts';

const awards: PracticeAward[] = [
  { heading: '开办企业指标', units: ['市市场监管局', '市税务局'], leadUnits: ['市市场监管局'], place: null },
  { heading: '获得电力指标', units: ['市发展改革委'], leadUnits: ['市发展改革委'], place: null },
  { heading: '邵东市', units: [], leadUnits: ['邵东市'], place: '邵东市' },
];

describe('典型经验做法 from practice notes', () => {
  it('joins the notes of an award\'s units and flags each lead unit or place without one', () => {
    const lines = practiceLines(awards, [
      { unit: '市税务局', region: null, text: '推行“非接触式”办税' },
      { unit: '市市场监管局', region: null, text: '市市场监管局推行开办一日办结。' },
      { unit: null, region: '武冈市', text: '不属于任何奖项' },
    ], '2023年');
    expect(lines[0]).toEqual({ heading: '开办企业指标', text: '市税务局推行“非接触式”办税。市市场监管局推行开办一日办结。' });
    expect(lines[1]?.text).toBe('');
    expect(lines[1]?.flag).toMatch(new RegExp(`^${OFFICE_TODO}市发展改革委在2023年尚无录入的典型经验做法`));
    expect(lines[2]?.flag).toContain('邵东市在2023年尚无');
  });
});

describe('place groups', () => {
  it('say why ranks restart per group, with the groups\' sizes when known', () => {
    expect(placeGroupNote(['county', 'district', 'county'], { county: 86, district: 36 }))
      .toBe('省营商环境评价对县（市）、区分组评价、分别排名（参评县（市）组86个、区组36个），以下名次为各地在本组中的名次。');
    expect(placeGroupNote(['county'], { county: 86 })).toBe('以下名次为在全省同类地区中的名次（参评县（市）组86个）。');
    expect(placeGroupNote(['county'])).toBeNull();
  });
});

describe('编者按 of a 工作专报', () => {
  it('counts what the issue carries, and is left to the office when it carries nothing', async () => {
    const { editorNote } = await import('./bulletin-data.ts');
    expect(editorNote('2023年6月', '方案', 2, 0, 1)).toBe('2023年6月，各地各部门围绕《方案》确定的目标任务攻坚克难、真抓实干。本期编发2条县市区工作动态、1条外地经验做法，供各地各部门学习借鉴。');
    expect(editorNote('2023年6月', '方案', 0, 0, 0)).toMatch(new RegExp(`^${OFFICE_TODO}2023年6月尚无报送的工作动态`));
  });
});
