import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../../engine/periods';

describe('sha256Hex (pure, for the engine)', () => {
  it('gives the FIPS 180-4 vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });
  it('agrees with Node crypto on Vietnamese text and on lengths around a block', () => {
    const texts = ['UBND phường Kim Giang — Chỉ số CCHC 87,5', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'ệ'.repeat(1000), '😀 emoji'];
    for (const s of texts) expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
  });
});

describe('canonicalJson', () => {
  it('sorts keys, drops undefined and null members, normalises to NFC', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: 'e\u0301' }], z: null })).toBe('{"a":[2,{"c":"é"}],"b":1}');
    expect(canonicalJson({ a: -0 })).toBe('{"a":0}');
  });
});
