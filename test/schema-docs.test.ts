// Schema documentation: every type, field, argument and enum value of the served schema says
// what it is (GraphiQL, codegen's comments and client developers read these).
import { describe, expect, it } from 'vitest';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, isScalarType } from 'graphql';
import { schema } from '../src/schema/index.ts';

const BUILT_IN = new Set(['String', 'Boolean', 'Int', 'Float', 'ID']);

describe('schema documentation', () => {
  it('every type, field, argument and enum value has a description', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || BUILT_IN.has(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type))
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      expect(
        isUnionType(type) || isScalarType(type) || isObjectType(type) || isInterfaceType(type) || isInputObjectType(type) || isEnumType(type),
      ).toBe(true);
    }
    expect(missing).toEqual([]);
  });
});
