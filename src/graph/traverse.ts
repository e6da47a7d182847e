import type { Cursor } from './cursor.js';

/** Visits the cursor and every value below it (object members and list items), depth first. */
export function forEachDescendant(cursor: Cursor, visit: (cursor: Cursor) => void): void {
  const stack: Cursor[] = [cursor];
  while (stack.length > 0) {
    const current = stack.pop()!;
    visit(current);
    const value = current.value;
    if (value?.kind === 'object') {
      const children = current.entries();
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
    } else if (value?.kind === 'list') {
      const children = current.items();
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
    }
  }
}

/** Every value below `cursor` held by a member named `name` (canonical). */
export function findMembers(cursor: Cursor, name: string): Cursor[] {
  const found: Cursor[] = [];
  forEachDescendant(cursor, (current) => {
    if (current.segment === name && current !== cursor) found.push(current);
  });
  return found;
}

/** The present values a path designates from a cursor, where `*` stands for every item of a list
 * (`['policies', '*', 'policy_document']`). */
export function cursorsAt(root: Cursor, path: readonly string[]): Cursor[] {
  let cursors = [root];
  for (const segment of path) {
    cursors = segment === '*' ? cursors.flatMap((cursor) => cursor.items()) : cursors.map((cursor) => cursor.get(segment));
  }
  return cursors.filter((cursor) => cursor.exists);
}
