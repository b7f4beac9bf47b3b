import { describe, expect, it } from 'vitest';
import { authorId, foldName, looseNameKey, nameKey, splitName, suggestionReason } from '../../../ingest/authors/identity.js';

describe('author identity', () => {
  it('folds diacritics, case, spacing and punctuation but keeps given names', () => {
    expect(foldName('  Hartmut   Häntze ')).toBe('hartmut hantze');
    expect(nameKey('Keno K. Bressem')).toBe('keno k bressem');
    expect(nameKey('K. Bressem')).toBe('k bressem');
    expect(nameKey('Keno K. Bressem')).not.toBe(nameKey('K. Bressem'));
    expect(nameKey('Li X')).not.toBe(nameKey('Li Xin'));
    expect(nameKey('Balázs Szegedy')).toBe(nameKey('BALAZS  SZEGEDY'));
  });

  it('uses source ids first, then the exact name key', () => {
    expect(authorId({ name: 'A B', openalexId: 'A123', orcid: '0000-0002-1825-0097' })).toBe('openalex:A123');
    expect(authorId({ name: 'A B', orcid: '0000-0002-1825-0097' })).toBe('orcid:0000-0002-1825-0097');
    expect(authorId({ name: 'Daniel Truhn' })).toBe('name:daniel truhn');
  });

  it('keeps hyphenated and particle family names together', () => {
    expect(splitName('Gustav Müller-Franzes')).toEqual({ given: ['gustav'], family: 'mullerfranzes' });
    expect(splitName('Jan van der Berg')).toEqual({ given: ['jan'], family: 'van der berg' });
    expect(splitName('Madonna')).toEqual({ given: [], family: 'madonna' });
  });

  it('gives near-identical names one loose key so they become suggestions, not merges', () => {
    expect(looseNameKey('Keno K. Bressem')).toBe(looseNameKey('K. Bressem'));
    expect(looseNameKey('Hartmut Häntze')).toBe(looseNameKey('Hartmut Haentze'));
    expect(looseNameKey('Daniel Truhn')).not.toBe(looseNameKey('Sven Truhn'));
    expect(looseNameKey('ignored', 'Balázs', 'Szegedy')).toBe('szegedy b');
  });

  it('explains a suggestion', () => {
    expect(suggestionReason('Hartmut Häntze', 'Hartmut Haentze')).toMatch(/transliteration/);
    expect(suggestionReason('Keno K. Bressem', 'Keno Bressem')).toMatch(/middle/);
    expect(suggestionReason('Keno K. Bressem', 'K. Bressem')).toMatch(/initial/);
  });
});
