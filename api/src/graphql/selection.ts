import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Per operation's field nodes (graphql-js hands every item of a list the same array): walked once, not once per item. */
const walked = new WeakMap<readonly FieldNode[], ReadonlySet<string>>();

/**
 * Every field name selected anywhere below the current field (through fragments too), so a
 * resolver can skip work nobody asked for.
 */
export function selectedFieldNames(info: GraphQLResolveInfo): ReadonlySet<string> {
  const known = walked.get(info.fieldNodes);
  if (known) return known;
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        names.add(selection.name.value);
        visit(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  walked.set(info.fieldNodes, names);
  return names;
}
