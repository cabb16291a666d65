import { validateFramework, scoreDocument, type FrameworkNode } from '../../engine';
import { MAX_TREE_DEPTH } from '../../engine/scoring/validate';
import { main } from '../../cli/main';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A chain of single-child nodes `depth` levels deep, the last one a 1-point yes/no leaf. */
function chain(depth: number): FrameworkNode[] {
  let node: FrameworkNode = { code: `c${depth}`, name: 'lá', max: 1, rule: { kind: 'yesNo' } };
  for (let d = depth - 1; d >= 1; d--) node = { code: `c${d}`, name: `cấp ${d}`, max: 1, children: [node] };
  return [node];
}

describe('criteria trees nested absurdly deep', () => {
  test('a 5000-level chain is one located issue, not a stack overflow', () => {
    const { framework, issues } = validateFramework({ id: 'deep', name: 'deep', total: 1, nodes: chain(5000) });
    expect(framework).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe('framework.tooDeep');
    // the first node below the limit: nodes.0 then (MAX_TREE_DEPTH − 1) × children.0, then children
    expect(issues[0]?.path?.length).toBe(1 + 2 * MAX_TREE_DEPTH);
  });

  test('the limit itself is accepted: a chain exactly MAX_TREE_DEPTH deep validates', () => {
    const { framework, issues } = validateFramework({ id: 'ok', name: 'ok', total: 1, nodes: chain(MAX_TREE_DEPTH) });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(framework).toBeDefined();
  });

  test('scoreDocument and the CLI report it (exit 1, located, no internal error)', async () => {
    const doc = { framework: { id: 'deep', name: 'deep', total: 1, nodes: chain(3000) }, units: [{ code: 'KG', name: 'Kim Giang', kind: 'ward' }], assessments: [] };
    const out = scoreDocument(doc);
    expect(out.ok).toBe(false);
    expect(out.issues.map((i) => i.code)).toEqual(['framework.tooDeep']);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deep-'));
    const file = path.join(dir, 'deep.json');
    // written by hand: JSON.stringify itself recurses; the CLI's JSON.parse must cope
    const levels = 2500;
    let text = '{"code":"leaf","name":"lá","max":1,"rule":{"kind":"yesNo"}}';
    for (let d = 0; d < levels; d++) text = `{"code":"c${d}","name":"n","max":1,"children":[${text}]}`;
    fs.writeFileSync(file, `{"framework":{"id":"deep","name":"deep","total":1,"nodes":[${text}]},"units":[{"code":"KG","name":"Kim Giang","kind":"ward"}],"assessments":[]}`);
    let err = '';
    const code = await main(['score', file, '--json'], { stdout: () => undefined, stderr: (s) => void (err += s), isTTY: false });
    expect(code).toBe(1);
    expect(err).toContain('lồng nhau quá 32 cấp');
    expect(err).not.toContain('Lỗi nội bộ');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
