// Pothos builder: configuration only. Types live beside their queries and mutations.
import SchemaBuilder from '@pothos/core';
import type { Context } from '../context.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string };
  };
  // The contract's `!`s are the norm; nullable fields say so.
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
