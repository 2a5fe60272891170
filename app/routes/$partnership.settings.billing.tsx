// Billing, for the partnership's managers: the subscription's state, paying by card
// (Stripe Checkout) or by invoice (a purchase order), and Stripe's customer portal.
// Open while the partnership is read-only: it is how a manager subscribes again.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, summariseErrors, TextField } from "~/components/forms";
import { ImportantBanner, SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getBillingOverview, openCustomerPortal, startCardCheckout, subscribeByInvoice } from "~/modules/billing/billing.server";
import { InvoiceSubscriptionSchema } from "~/modules/billing/billing-schema";
import { READ_ONLY_MESSAGE } from "~/modules/billing/billing-state";
import { formatInstant } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Billing - Safer Partnerships" }];

const STATUS_LABELS = {
  TRIALING: "Free trial",
  ACTIVE: "Active",
  PAST_DUE: "Payment overdue",
  CANCELED: "Ended",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const overview = await getBillingOverview(actor); // managers only (403 otherwise)
  const when = (date: Date | null) => (date ? formatInstant(date, partnership.timeZone) : null);
  const notice = new URL(request.url).searchParams;
  return {
    slug: partnership.slug,
    notice: notice.get("checkout") === "done" ? "checkout-done" : notice.has("subscribed") ? "subscribed" : null,
    overview:
      overview.billing === "off"
        ? overview
        : { ...overview, trialEndsAt: when(overview.trialEndsAt), currentPeriodEnd: when(overview.currentPeriodEnd) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  // Managers only, before the form is even read: an agency editor gets 403 here too.
  await getBillingOverview(actor);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "checkout" || intent === "portal") {
    const result = intent === "checkout" ? await startCardCheckout(actor) : await openCustomerPortal(actor);
    if (result.status === "redirect") return redirect(result.url, 303);
    return data({ buttonError: result.message }, { status: 409 });
  }
  const submission = parseWithZod(formData, { schema: InvoiceSubscriptionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await subscribeByInvoice(actor, submission.value);
  if (result.status === "unavailable") return data(submission.reply({ formErrors: [result.message] }), { status: 409 });
  return redirect(`/${partnership.slug}/settings/billing?subscribed`);
}

export default function Billing() {
  const { overview, notice, slug } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const buttonErrors = lastResult && "buttonError" in lastResult ? [lastResult.buttonError] : [];
  const [form, fields] = useForm({
    lastResult: lastResult && !("buttonError" in lastResult) ? lastResult : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InvoiceSubscriptionSchema }),
  });
  const invoiceFields = [fields.purchaseOrder, fields.organisationName, fields.addressLine1, fields.addressLine2, fields.town, fields.postcode, fields.email];
  const errors = [...buttonErrors.map((message) => ({ fieldId: "billing-actions", message })), ...summariseErrors(form, invoiceFields)];

  if (overview.billing === "off") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">Settings</span>
          <h1 className="govuk-heading-l">Billing</h1>
          <p className="govuk-body">Billing is turned off for this installation of Safer Partnerships, so every partnership is active and nothing needs paying.</p>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {notice === "checkout-done" ? (
          <SuccessBanner heading="Thank you: your card payment is being set up">
            <p className="govuk-body">The status below changes when Stripe confirms the payment, usually within a minute.</p>
          </SuccessBanner>
        ) : null}
        {notice === "subscribed" ? <SuccessBanner heading="Subscribed: Stripe will send the invoice" /> : null}
        {overview.readOnly ? (
          <ImportantBanner>
            <p className="govuk-notification-banner__heading">{READ_ONLY_MESSAGE}</p>
          </ImportantBanner>
        ) : null}
        <span className="govuk-caption-l">Settings</span>
        <h1 className="govuk-heading-l">Billing</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value">{overview.readOnly ? "Ended: read-only" : STATUS_LABELS[overview.status]}</dd>
          </div>
          {overview.trialEndsAt && overview.status === "TRIALING" ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Free trial ends</dt>
              <dd className="govuk-summary-list__value">{overview.trialEndsAt}</dd>
            </div>
          ) : null}
          {overview.currentPeriodEnd && overview.subscribed ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{overview.cancelAtPeriodEnd ? "Subscription ends" : "Current period ends"}</dt>
              <dd className="govuk-summary-list__value">{overview.currentPeriodEnd}</dd>
            </div>
          ) : null}
        </dl>
        {overview.status === "PAST_DUE" ? (
          <p className="govuk-body">A payment is overdue. Pay the invoice, or update the card, in Stripe to keep the subscription.</p>
        ) : null}

        <div id="billing-actions">
          {overview.canPayByCard ? (
            <>
              <h2 className="govuk-heading-m">Pay by card</h2>
              <p className="govuk-body">You will go to Stripe, our payment provider, to enter the card details.</p>
              <Form method="post" reloadDocument>
                <input type="hidden" name="intent" value="checkout" />
                <button type="submit" className="govuk-button" data-module="govuk-button">
                  Pay by card
                </button>
              </Form>
            </>
          ) : null}
          {overview.hasCustomer ? (
            <>
              <h2 className="govuk-heading-m">Manage billing</h2>
              <p className="govuk-body">Change the card, see and download invoices, or cancel the subscription in Stripe.</p>
              <Form method="post" reloadDocument>
                <input type="hidden" name="intent" value="portal" />
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Manage billing
                </button>
              </Form>
            </>
          ) : null}
        </div>

        {overview.canPayByInvoice ? (
          <>
            <h2 className="govuk-heading-m">Pay by invoice</h2>
            <p className="govuk-body">
              Stripe sends an invoice each year, with 30 days to pay by bank transfer. The invoice shows your purchase order number and UK VAT.
            </p>
            <Form method="post" {...getFormProps(form)} noValidate>
              <input type="hidden" name="intent" value="invoice" />
              <TextField field={fields.purchaseOrder} label="Purchase order number" className="govuk-input--width-20" />
              <TextField field={fields.organisationName} label="Name on the invoice" hint="Usually the council that pays" />
              <TextField field={fields.addressLine1} label="Address line 1" autoComplete="address-line1" />
              <TextField field={fields.addressLine2} label="Address line 2 (optional)" autoComplete="address-line2" />
              <TextField field={fields.town} label="Town or city" autoComplete="address-level2" className="govuk-!-width-two-thirds" />
              <TextField field={fields.postcode} label="Postcode" autoComplete="postal-code" className="govuk-input--width-10" />
              <TextField field={fields.email} label="Email address for invoices" type="email" autoComplete="email" spellCheck={false} />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Subscribe and send the invoice
              </button>
            </Form>
          </>
        ) : null}
        <p className="govuk-body">
          <Link to={`/${slug}/settings/export`} className="govuk-link">
            Download all data
          </Link>
        </p>
      </div>
    </div>
  );
}
