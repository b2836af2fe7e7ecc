import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DECIMAL_PATTERN = /^-?\d{1,15}(\.\d{1,4})?$/;

/**
 * Exact money and ratios, serialised as a string such as "1234.5000" so no client ever parses
 * it into a binary float by accident. Input accepts a string (or an integer literal) with at most
 * four decimal places.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number serialised as a string, e.g. "1234.50". Never a float.',
  serialize(value) {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    if (value && typeof value === 'object' && 'toFixed' in value) return (value as { toString(): string }).toString();
    throw new GraphQLError(`Decimal cannot represent ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value === 'string' && DECIMAL_PATTERN.test(value.trim())) return value.trim();
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    throw new GraphQLError(`Decimal must be a string like "1234.50" with at most 4 decimal places, got ${JSON.stringify(value)}`);
  },
  parseLiteral(ast) {
    if ((ast.kind === Kind.STRING || ast.kind === Kind.INT) && DECIMAL_PATTERN.test(ast.value)) return ast.value;
    throw new GraphQLError('Decimal must be a string like "1234.50" with at most 4 decimal places');
  },
});
