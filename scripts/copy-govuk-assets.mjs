// GOV.UK Frontend's CSS refers to /assets/fonts and /assets/images, which Remix's
// compiler does not rewrite: copy them to public/assets (git-ignored) on install.
import { cpSync, existsSync } from "node:fs";

const from = "node_modules/govuk-frontend/dist/govuk/assets";
if (existsSync(from)) cpSync(from, "public/assets", { recursive: true });
