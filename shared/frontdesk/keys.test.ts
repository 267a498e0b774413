import { describe, expect, it } from 'vitest';
import { keysMatch, nameKeys, queryWords } from './keys';

describe('nameKeys: what a name is found by', () => {
  it.each([
    ['张三', '张三 zs zhangsan'],
    ['欧阳娜娜', '欧阳娜娜 oynn ouyangnana'],
    ['Anna Müller', 'anna müller am annamüller'],
    ['  李四 ', '李四 ls lisi'],
    ['', ''],
  ])('%j → %j', (name, keys) => {
    expect(nameKeys(name)).toBe(keys);
  });
});

describe('queryWords and keysMatch', () => {
  it.each([
    ['zs', ['zs']],
    ['  ZS   ls ', ['zs', 'ls']],
    ['', []],
  ])('%j → %j', (q, words) => {
    expect(queryWords(q)).toEqual(words);
  });

  it.each([
    ['张三 zs zhangsan 5678', 'zs', true],
    ['张三 zs zhangsan 5678', 'zs ls', true],
    ['张三 zs zhangsan 5678', '5678', true],
    ['张三 zs zhangsan 5678', 'zhang', true],
    ['张三 zs zhangsan 5678', '张', true],
    ['张三 zs zhangsan 5678', 'ls', false],
    ['张三 zs zhangsan 5678', '', true],
  ])('%j matches %j: %s', (keys, q, expected) => {
    expect(keysMatch(keys, queryWords(q))).toBe(expected);
  });
});
