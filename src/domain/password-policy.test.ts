import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.ts';

describe('passwordProblems', () => {
  it('accepts long passwords of three or four classes that are not guessable', () => {
    for (const ok of ['Shuiwu2026x', 'NewPassw0rd!', 'Yingshang@2026-test', 'tea-Kettle-42', '营商环境Good2026']) expect(passwordProblems(ok, 'office-shaoyang'), ok).toEqual([]);
  });

  it('refuses short passwords and those of fewer than three classes', () => {
    expect(passwordProblems('Ab1!x')).toContain('密码至少 10 位');
    expect(passwordProblems('abcdefghij1')).toContain('密码须包含大写字母、小写字母、数字、符号中的至少 3 类');
    expect(passwordProblems('aaaaaaaaa1')).toEqual(['密码须包含大写字母、小写字母、数字、符号中的至少 3 类', '密码过于常见或简单（如 Password123、aaaaaaaaa1、Qwerty@123），容易被猜中']);
  });

  it('refuses common passwords however decorated', () => {
    for (const weak of ['Password123', 'P@ssw0rd2026!', 'Admin@20262026', 'Qwerty@12345', 'Woaini1314!!', 'Abcdefgh12', 'Aa1!Aa1!Aa1!', '!!Welcome2026']) {
      expect(passwordProblems(weak), weak).toEqual(['密码过于常见或简单（如 Password123、aaaaaaaaa1、Qwerty@123），容易被猜中']);
    }
  });

  it('refuses a password containing the login, whatever its case', () => {
    expect(passwordProblems('Unit-SY-tax#2026', 'unit-sy-tax')).toEqual(['密码不能包含登录名']);
  });
});
