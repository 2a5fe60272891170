// The "pay by invoice" form, shared by the form (Conform) and the server.
import { z } from "zod";

const UK_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

const text = (missing: string, max: number, tooLong: string) =>
  z.string({ error: missing }).trim().min(1, { error: missing }).max(max, { error: tooLong });

export const InvoiceSubscriptionSchema = z.object({
  intent: z.literal("invoice"),
  purchaseOrder: text("Enter the purchase order number", 30, "Purchase order number must be 30 characters or fewer"),
  organisationName: text("Enter the name to put on the invoice", 100, "Name on the invoice must be 100 characters or fewer"),
  addressLine1: text("Enter address line 1, typically the building and street", 200, "Address line 1 must be 200 characters or fewer"),
  addressLine2: z.string().trim().max(200, { error: "Address line 2 must be 200 characters or fewer" }).optional(),
  town: text("Enter town or city", 100, "Town or city must be 100 characters or fewer"),
  postcode: z
    .string({ error: "Enter postcode" })
    .trim()
    .regex(UK_POSTCODE, { error: "Enter a full UK postcode, like AA3 1AB" })
    .transform((value) => value.toUpperCase().replace(/^(.+?) ?(\d[A-Z]{2})$/, "$1 $2")),
  email: z
    .string({ error: "Enter the email address invoices are sent to" })
    .trim()
    .email({ error: "Enter an email address in the correct format, like name@example.com" }),
});

export type InvoiceSubscriptionInput = z.infer<typeof InvoiceSubscriptionSchema>;

/** The buttons that leave for Stripe. */
export const BillingIntentSchema = z.object({ intent: z.enum(["checkout", "portal"]) });
