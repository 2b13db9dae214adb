import { describe, expect, it } from 'vitest';
import { normSpaces } from './text-normalise.ts';
import { parseDeadline, parseChineseDate } from './deadline.ts';
import { basisFromCitation, basisFromProse, findDocNumbers, splitCitations } from './doc-number.ts';
import { parseUnitList } from './unit-list.ts';
import { matchUnit, unitKey } from './unit-names.ts';

describe('normSpaces', () => {
  it.each([
    ['2022 年 7 月', '2022年7月'],
    ['压缩至 1 个工作日', '压缩至1个工作日'],
    ['税务 Ukey', '税务 Ukey'],
    ['子营业执照和税务\nUkey', '子营业执照和税务Ukey'],
    ['畅通 CA 认证通道', '畅通 CA 认证通道'],
    ['前 5名', '前5名'],
    ['系统, 建立', '系统, 建立'],
    ['试点推进 BIM\n审图', '试点推进 BIM审图'],
    ['12 34', '12 34'],
  ])('%s → %s', (raw, want) => expect(normSpaces(raw)).toBe(want));
});

describe('deadlines and dates', () => {
  it('parses months, years, blanks and keeps raw text', () => {
    expect(parseDeadline('2022 年 7 月')).toEqual({ deadline_raw: '2022年7月', deadline: '2022-07' });
    expect(parseDeadline('2023年')).toEqual({ deadline_raw: '2023年', deadline: '2023' });
    expect(parseDeadline('')).toEqual({ deadline_raw: null, deadline: null });
    expect(parseDeadline('长期坚持')).toEqual({ deadline_raw: '长期坚持', deadline: 'ongoing' });
    expect(parseChineseDate('2023年 3月 15日')).toBe('2023-03-15');
  });
});

describe('文号 and basis', () => {
  it('normalises document numbers', () => {
    expect(findDocNumbers('（某政办发〔2022〕18 号）')).toEqual(['某政办发〔2022〕18号']);
    expect(findDocNumbers('某资〔2021)46号、发〔2020]53号')).toEqual(['某资〔2021〕46号', '发〔2020〕53号']);
    expect(findDocNumbers('〔2022〕34号')).toEqual(['〔2022〕34号']);
  });
  it('uses titles without 文号 and skips benchmark notes', () => {
    expect(basisFromCitation('X关于印发《A办法》的通知')).toEqual(['《A办法》']);
    expect(basisFromCitation('《A》和《B》的通知')).toEqual(['《A》', '《B》']);
    expect(basisFromCitation('某省三年行动计划（2022—2024年）')).toEqual(['《某省三年行动计划（2022—2024年）》']);
    expect(basisFromCitation('对标某市等地做法。')).toEqual([]);
  });
  it('splits a 文件依据 cell into citations', () => {
    const lines = ['1.《某总局关于开展', '试点工作的通知》（国市监注发〔2021〕44号）', '2.《某方案》', '（某政办发〔2023〕2号）'];
    expect(splitCitations(lines).flatMap((c) => basisFromCitation(c))).toEqual(['国市监注发〔2021〕44号', '某政办发〔2023〕2号']);
  });
  it('reads the 根据 sentence of a plan', () => {
    expect(basisFromProse('根据《优化营商环境条例》（国务院令第 722 号）、《某规定》（某政发〔2024〕7号）')).toEqual(['《优化营商环境条例》', '某政发〔2024〕7号']);
  });
});

describe('unit lists', () => {
  it('strips open tails, keeps boilerplate subjects and notes', () => {
    const a = parseUnitList('市税务局、市人社局等市直相关单位，各县市区政府（含管理区、经开区管委会，下同）');
    expect(a).toMatchObject({ units: ['市税务局', '市人社局', '各县市区政府'], open: true, planNotes: ['各县市区政府（含管理区、经开区管委会，下同）'] });
    const b = parseUnitList('省数据局、省政务服务和大数据中心及相关事项责任单位等按职责分工负责');
    expect(b).toMatchObject({ units: ['省数据局', '省政务服务和大数据中心'], open: true, notes: ['及相关事项责任单位'] });
    expect(parseUnitList('市直相关单位')).toMatchObject({ units: [], open: true });
    expect(parseUnitList('市“双随机、一公开”成员单位、市财政局')).toMatchObject({ units: ['市“双随机、一公开”成员单位', '市财政局'], open: false });
    expect(parseUnitList('某燃气公司、等相关单位').units).toEqual(['某燃气公司']);
    const c = parseUnitList('人民银行某中心支行 ,以下工作责任单位均含各县市区委，不再单列。');
    expect(c).toMatchObject({ units: ['人民银行某中心支行'], planNotes: ['以下工作责任单位均含各县市区委，不再单列。'] });
  });
});

describe('unit names', () => {
  const units = [
    { id: 'u1', name: '市住房和城乡建设局' },
    { id: 'u2', name: '市发展和改革委员会' },
    { id: 'u3', name: '市人力资源和社会保障局', aliases: ['市人社局'] },
    { id: 'u4', name: '省住房和城乡建设厅' },
  ];
  it('matches short and long forms for the same region level', () => {
    expect(matchUnit('市住建局', units)).toBe('u1');
    expect(matchUnit('市住房城乡建设局', units)).toBe('u1');
    expect(matchUnit('市发改委', units)).toBe('u2');
    expect(matchUnit('市人社局', units)).toBe('u3');
    expect(matchUnit('省住房城乡建设厅', units)).toBe('u4');
    expect(matchUnit('省住建局', units)).toBeNull();
    expect(matchUnit('市税务局', units)).toBeNull();
    expect(unitKey('某某市住建局')).toBe(unitKey('市住房和城乡建设局'));
  });
});
