/**
 * An instance of a GraphQL object class with these fields. type-graphql copies a plain object into
 * a fresh instance of the class before each of its field resolvers runs (five copies of every
 * customer on a 360 page); an instance is used as it is.
 */
export function instanceOf<T extends object>(type: new () => T, fields: T): T {
  return Object.assign(new type(), fields);
}
