// GraphQL Code Generator's client-preset over the repository's schema.graphql and the operations
// tests/clients/test_typescript.py writes to $AG_DOCUMENTS (the README's, one .graphql file each).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../../schema.graphql",
  documents: `${process.env.AG_DOCUMENTS ?? "documents"}/*.graphql`,
  generates: {
    [`${process.env.AG_GENERATED ?? "generated"}/`]: {
      preset: "client",
      config: { strictScalars: true, scalars: { Date: "string", DateTime: "string" }, useTypeImports: true },
    },
  },
  silent: true,
};

export default config;
