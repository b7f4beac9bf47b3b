import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { must } from '../../../../core/must.js';
import { snapshotToSvg } from '../../../../client/src/graph/svg.js';

describe('snapshotToSvg', () => {
  const svg = snapshotToSvg({
    background: '#ffffff',
    nodes: [
      { x: 0, y: 0, size: 20, color: '#2f6fde', label: 'Müller & <Co>', fontSize: 12, labelColor: '#111' },
      { x: 100, y: 50, size: 10, color: 'rgb(1,2,3)', label: '', fontSize: 10, labelColor: '#111' },
    ],
    edges: [{ x1: 0, y1: 0, x2: 100, y2: 50, width: 3, color: '#999' }],
  });

  it('is well-formed XML with one circle per node, one line per edge and escaped labels', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg.match(/<line /g)).toHaveLength(1);
    expect(svg).toContain('Müller &amp; &lt;Co&gt;');
    expect(doc.svg['@_viewBox']).toBeDefined();
  });

  it('fits every node inside the view box', () => {
    const [x, y, w, h] = must(must(/viewBox="([^"]+)"/.exec(svg), 'a viewBox attribute')[1], 'the viewBox value').split(' ').map(Number);
    expect(x).toBeLessThanOrEqual(-10);
    expect(y).toBeLessThanOrEqual(-10);
    expect(must(x, 'the viewBox x') + must(w, 'the viewBox width')).toBeGreaterThanOrEqual(105);
    expect(must(y, 'the viewBox y') + must(h, 'the viewBox height')).toBeGreaterThanOrEqual(55);
  });

  it('draws an empty graph without NaN', () => {
    expect(snapshotToSvg({ background: '#000', nodes: [], edges: [] })).not.toContain('NaN');
  });
});
