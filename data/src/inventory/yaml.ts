import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { checkInventory, type CheckedInventory, type InventoryIssue } from './check.ts';

export interface LocatedIssue extends InventoryIssue {
  file: string;
  line: number;
  column: number;
}

/** Finds the closest existing node along a path and returns its 1-based position. */
function locate(doc: Document, counter: LineCounter, path: (string | number)[]) {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]);
  }
  return { line: 1, col: 1 };
}

/** Parses and checks one inventory file's text; syntax errors are issues too. */
export function checkInventoryText(
  file: string,
  text: string,
): Omit<CheckedInventory, 'issues'> & { issues: LocatedIssue[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => {
        const pos = counter.linePos(e.pos[0]);
        return { file, path: [], line: pos.line, column: pos.col, message: `YAML の書き方の誤り: ${e.message}` };
      }),
    };
  }
  const checked = checkInventory(doc.toJS());
  return {
    ...checked,
    issues: checked.issues.map((i) => {
      const pos = locate(doc, counter, i.path);
      return { ...i, file, line: pos.line, column: pos.col };
    }),
  };
}
