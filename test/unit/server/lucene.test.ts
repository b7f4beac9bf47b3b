// escapeLucene / buildSearchQuery: user text never reaches Lucene as syntax.
import { describe, expect, it } from 'vitest';
import { buildSearchQuery, escapeLucene } from '../../../server/api/search/lucene.js';

describe('escapeLucene', () => {
  it.each([
    ['+', '\\+'],
    ['-', '\\-'],
    ['&&', '\\&\\&'],
    ['||', '\\|\\|'],
    ['!', '\\!'],
    ['(', '\\('],
    [')', '\\)'],
    ['{', '\\{'],
    ['}', '\\}'],
    ['[', '\\['],
    [']', '\\]'],
    ['^', '\\^'],
    ['"', '\\"'],
    ['~', '\\~'],
    ['*', '\\*'],
    ['?', '\\?'],
    [':', '\\:'],
    ['\\', '\\\\'],
    ['/', '\\/'],
  ])('escapes %s', (input, expected) => {
    expect(escapeLucene(input)).toBe(expected);
  });

  it('escapes every special character of a mixed string once, left to right', () => {
    expect(escapeLucene('title:"x" (a) [1 TO 2]^3~ a/b\\c')).toBe('title\\:\\"x\\" \\(a\\) \\[1 TO 2\\]\\^3\\~ a\\/b\\\\c');
  });

  it('escapes the operator words AND, OR, NOT only as upper-case whole words', () => {
    expect(escapeLucene('cats AND dogs OR mice NOT rats')).toBe('cats \\AND dogs \\OR mice \\NOT rats');
    expect(escapeLucene('and or not')).toBe('and or not');
    expect(escapeLucene('ANDROID ORACLE NOTHING BAND')).toBe('ANDROID ORACLE NOTHING BAND');
    expect(escapeLucene('(AND)')).toBe('\\(\\AND\\)');
    expect(escapeLucene('ÉAND')).toBe('ÉAND');
  });

  it('leaves ordinary text, digits and non-Latin letters alone', () => {
    expect(escapeLucene('Häntze 3D U-Net 医学')).toBe('Häntze 3D U\\-Net 医学');
    expect(escapeLucene('')).toBe('');
  });

  it('produces a string in which no special character is left unescaped', () => {
    const nasty = 'a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t AND OR NOT';
    const out = escapeLucene(nasty);
    // Remove every escaped pair; what is left must contain no special character and no operator word.
    const rest = out.replace(/\\./g, '');
    expect(rest).not.toMatch(/[+\-&|!(){}[\]^"~*?:\\/]/);
    expect(rest).not.toMatch(/\b(AND|OR|NOT)\b/);
  });
});

describe('buildSearchQuery', () => {
  it('requires every word and lets the last one match as a prefix', () => {
    expect(buildSearchQuery('daniel tr')).toBe('+daniel +(tr tr*)');
    expect(buildSearchQuery('  Busch  ')).toBe('+(Busch Busch*)');
  });

  it('gives no prefix to a one-character last word (it would match most of a large index)', () => {
    expect(buildSearchQuery('daniel t')).toBe('+daniel +t');
    expect(buildSearchQuery('é')).toBe('+é');
    expect(buildSearchQuery('ét')).toBe('+(ét ét*)');
  });

  it('escapes syntax inside words and gives no prefix to a last word with punctuation', () => {
    expect(buildSearchQuery('DALL-E')).toBe('+DALL\\-E');
    expect(buildSearchQuery('title:x OR y*')).toBe('+title\\:x +\\OR +y\\*');
  });

  it('escapes operator words even as the prefix word', () => {
    expect(buildSearchQuery('cats AND')).toBe('+cats +(\\AND \\AND*)');
    expect(buildSearchQuery('NOT')).toBe('+(\\NOT \\NOT*)');
  });

  it('drops words without letters or digits and returns empty text when nothing is searchable', () => {
    expect(buildSearchQuery('&& || ( ) * ?')).toBe('');
    expect(buildSearchQuery('neural ** net')).toBe('+neural +(net net*)');
    expect(buildSearchQuery('')).toBe('');
  });
});
