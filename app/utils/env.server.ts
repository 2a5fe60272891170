import { z } from "zod";

// Parsed once, on first use, so that scripts and tests can set the environment
// before anything reads it.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** The app's own role: owns no table, has no BYPASSRLS. Never the migration owner. */
  APP_DATABASE_URL: z.string().url(),
  /** Signs the small cookie that carries flash messages; sessions need no secret. */
  SESSION_SECRET: z.string().min(16).default("dev-only-session-secret-change-me"),
  /** Where links in e-mails point. */
  APP_URL: z.string().url().default("http://localhost:3000"),
  /** Without it e-mails go to the local outbox (/dev/outbox) instead of Resend. */
  RESEND_API_KEY: z.string().min(1).optional(),
  /** Verifies /webhooks/resend (bounces and complaints), "whsec_..." as Resend shows it: without it every webhook is refused. */
  RESEND_WEBHOOK_SECRET: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).default("Safer Partnerships <no-reply@safer-partnerships.example>"),
  /** Billing (app/modules/billing). Without it billing is off and every partnership is active. */
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  /** Verifies /webhooks/stripe: without it every webhook is refused (400). */
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** The price a partnership subscribes to by card (Stripe Checkout). */
  STRIPE_PRICE_ID: z.string().min(1).optional(),
  /** The price for paying by invoice; the card price when not set. */
  STRIPE_INVOICE_PRICE_ID: z.string().min(1).optional(),
  /** A Stripe tax rate (UK VAT, 20%) put on invoice subscriptions; without it Stripe Tax
   * (automatic_tax) works the VAT out, which needs Stripe Tax turned on in the account. */
  STRIPE_VAT_TAX_RATE_ID: z.string().min(1).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let parsed: Env | undefined;

export function env(): Env {
  if (!parsed) {
    const result = EnvSchema.safeParse(process.env);
    if (!result.success) {
      const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}. Run the app with \`npm run dev\`, which sets it up.`);
    }
    if (result.data.NODE_ENV === "production" && result.data.SESSION_SECRET.startsWith("dev-only")) {
      throw new Error("SESSION_SECRET must be set in production.");
    }
    if (result.data.NODE_ENV === "production" && !process.env.APP_URL) {
      // Links in invitations and reset e-mails would otherwise point at localhost.
      throw new Error("APP_URL must be set in production (the address people use, e.g. https://safer-partnerships.fly.dev).");
    }
    parsed = result.data;
  }
  return parsed;
}

export const isProduction = () => env().NODE_ENV === "production";
