import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", ".build/**", "public/build/**", "public/assets/**", "app/generated/**", "node_modules/**", ".data/**", "test-results/**", "scripts/schema-engine/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^(only|skip)$/][callee.object.name=/^(it|test|describe)$/]",
          message: "No focused or skipped tests.",
        },
      ],
    },
  },
  {
    // Routes never touch Prisma or decide permissions themselves (ARCHITECTURE.md).
    files: ["app/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["~/utils/db.server", "~/generated/*"], message: "Routes call domain modules, not the database." },
            { group: ["~/modules/access/permissions"], message: "Domain functions check permissions; routes do not." },
          ],
        },
      ],
    },
  },
);
